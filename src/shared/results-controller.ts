/**
 * The loading half of every widget: one `@lit/task` that loads what the element's attributes
 * describe, and the states its templates read.
 *
 * - Arguments are compared by value (Lit's `deepArrayEquals`): the same scope written anew never
 *   reloads, a changed one aborts the running load and starts another.
 * - Configuration is checked before anything is sent: a fatal problem (every value of a scope
 *   attribute invalid, a base URL that is not http(s)) ends in the `config` phase with no request,
 *   and one `console.warn` per attribute and value names it for the webmaster.
 * - Removal aborts; re-attachment after an aborted load loads again.
 * - "Réessayer" (`retry()`) always sends: that load bypasses the client's memory cache.
 * - "Loading is taking longer than usual" after a delay (hostile-inputs fault 5).
 * - `cc-load` after each completed load, `cc-error` after each failure that is not an abort.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { CommunecterClient } from '../api/client.js';
import { ApiError, isAbortError } from '../api/errors.js';
import type { ConfigProblem } from '../api/scope.js';
import { emit, type CcLoadDetail } from './events.js';

export type Phase = 'loading' | 'loaded' | 'empty' | 'failed' | 'config';

export interface LoadContext<R> {
  readonly client: CommunecterClient;
  readonly signal: AbortSignal;
  /** Shows a first part of the result while the rest loads. */
  readonly preview: (value: R) => void;
}

export interface ResultsOptions<A extends readonly unknown[], R> {
  /** The client for the element's api-base (`clientFor` of the api layer); may throw a `config` error. */
  readonly client: () => CommunecterClient;
  /** Every problem of the element's configuration; fatal ones stop the load before any request. */
  readonly problems: () => readonly ConfigProblem[];
  /** What the load depends on; compared by value. */
  readonly args: () => A;
  /** Override the comparison (e.g. parts of the arguments only matter in some modes). */
  readonly argsEqual?: (previous: A, next: A) => boolean;
  readonly load: (args: A, context: LoadContext<R>) => Promise<R>;
  /** Nothing in the scope at all (not "nothing matches the filters"). */
  readonly isEmpty: (value: R) => boolean;
  /** The `cc-load` figures for a completed value. */
  readonly counts: (value: R) => CcLoadDetail;
  /** Called with the completed value before `cc-load` fires (derived state can be computed first). */
  readonly onLoaded?: (value: R) => void;
  readonly slowAfterMs?: number;
}

/** The same client with the memory cache bypassed on every request (a "Réessayer" load). */
function uncached(client: CommunecterClient): CommunecterClient {
  return {
    baseUrl: client.baseUrl,
    getJson: (path, query, options = {}) => client.getJson(path, query, { ...options, cache: false }),
    postForm: (path, fields, options = {}) => client.postForm(path, fields, { ...options, cache: false }),
  };
}

/** The `config` ApiError for the first fatal problem, or null. */
export function configError(problems: readonly ConfigProblem[]): ApiError | null {
  const fatal = problems.find((problem) => problem.fatal);
  if (!fatal) return null;
  return new ApiError('config', `${fatal.attribute}="${fatal.value}" is not valid`, { attribute: fatal.attribute, value: fatal.value });
}

export class ResultsController<A extends readonly unknown[], R> implements ReactiveController {
  /** True once loading has lasted longer than `slowAfterMs`. */
  slow = false;
  private previewValue: R | null = null;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly warned = new Set<string>();
  /** The next load was asked by "Réessayer": it must reach the server, not the memory cache. */
  private fresh = false;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: ResultsOptions<A, R>;
  private readonly task: Task<[A, string[]], R>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResultsOptions<A, R>) {
    this.host = host;
    this.options = options;
    const argsEqual = options.argsEqual ?? deepArrayEquals;
    this.task = new Task<[A, string[]], R>(host, {
      task: ([args], { signal }) => this.run(args, signal),
      // Fatal problems are arguments too: correcting one typo for another updates the message.
      args: () => [options.args(), this.fatalKeys()],
      argsEqual: (previous, next) => argsEqual(previous[0], next[0]) && deepArrayEquals(previous[1], next[1]),
      onComplete: (value) => {
        this.stopSlow();
        this.previewValue = null;
        options.onLoaded?.(value);
        emit(host, 'cc-load', options.counts(value));
      },
      onError: (error) => {
        this.stopSlow();
        this.previewValue = null;
        if (!isAbortError(error)) emit(host, 'cc-error', { error: error instanceof ApiError ? error : new ApiError('bad-shape', String(error)) });
      },
    });
    host.addController(this);
  }

  /** The value to show: the completed one, the preview, or the previous one while reloading. */
  get value(): R | null {
    const status = this.task.status;
    if (status === TaskStatus.COMPLETE) return this.task.value ?? null;
    if (this.previewValue !== null) return this.previewValue;
    return status === TaskStatus.PENDING ? (this.task.value ?? null) : null;
  }

  /** Whether `value` is a first part of a load still running. */
  get isPreview(): boolean {
    return this.previewValue !== null && this.task.status === TaskStatus.PENDING;
  }

  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : null;
  }

  get phase(): Phase {
    const status = this.task.status;
    if (status === TaskStatus.ERROR) {
      if (isAbortError(this.task.error)) return 'loading';
      return this.task.error instanceof ApiError && this.task.error.kind === 'config' ? 'config' : 'failed';
    }
    if (status === TaskStatus.COMPLETE) {
      const value = this.task.value;
      return value !== undefined && this.options.isEmpty(value) ? 'empty' : 'loaded';
    }
    return 'loading';
  }

  /** Loads again (the "Réessayer" button); never sends for a configuration error. */
  retry(): void {
    this.fresh = true;
    void this.task.run();
  }

  hostConnected(): void {
    // Re-attached after a removal that aborted the load: load again.
    if (this.task.status === TaskStatus.ERROR && isAbortError(this.task.error)) void this.task.run();
  }

  hostDisconnected(): void {
    this.task.abort();
    this.stopSlow();
  }

  private fatalKeys(): string[] {
    return this.options.problems().filter((problem) => problem.fatal).map((problem) => `${problem.attribute}=${problem.value}`);
  }

  private async run(args: A, signal: AbortSignal): Promise<R> {
    const fresh = this.fresh;
    this.fresh = false;
    const problems = this.options.problems();
    for (const problem of problems) this.warn(problem);
    const fatal = configError(problems);
    if (fatal) throw fatal;
    // A bad api-base throws the same config error here, before any request.
    const client = fresh ? uncached(this.options.client()) : this.options.client();
    this.startSlow();
    return this.options.load(args, {
      client,
      signal,
      preview: (value) => {
        if (signal.aborted) return;
        this.previewValue = value;
        this.host.requestUpdate();
      },
    });
  }

  private warn(problem: ConfigProblem): void {
    const key = `${problem.attribute}\u0000${problem.value}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const tag = this.host.localName;
    console.warn(
      problem.fatal
        ? `<${tag}> ${problem.attribute}="${problem.value}" is not valid and no other value is: nothing is loaded (a wrong scope must not show the whole platform).`
        : problem.fallback !== undefined
          ? `<${tag}> ${problem.attribute}="${problem.value}" is not valid: ${problem.fallback} is used instead.`
          : `<${tag}> ${problem.attribute}: "${problem.value}" is not valid and is ignored.`,
    );
  }

  private startSlow(): void {
    this.stopSlow();
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, this.options.slowAfterMs ?? 6000);
  }

  private stopSlow(): void {
    clearTimeout(this.slowTimer);
    if (this.slow) {
      this.slow = false;
      this.host.requestUpdate();
    }
  }
}
