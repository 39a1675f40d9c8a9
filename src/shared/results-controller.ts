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
 * - The last good data survives a failure (phase `stale`): a failed load keeps what was shown, and a
 *   failed request answers with the browser's kept copy of that request when there is one (`store`,
 *   on unless the element says `no-store`); `stale` says from when, for the notice.
 * - A page restored from the back/forward cache reloads quietly (what is shown stays until the answer);
 *   a failed or stale load tries again when the network comes back (`online`) or the visitor comes back
 *   to the tab (at most once in 30 s), never by polling.
 * - "Loading is taking longer than usual" after a delay (hostile-inputs fault 5).
 * - `cc-load` after each completed load, `cc-error` after each failure that is not an abort.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { CommunecterClient, RequestOptions } from '../api/client.js';
import { ApiError, isAbortError } from '../api/errors.js';
import type { ConfigProblem } from '../api/scope.js';
import type { StoredAnswer } from '../api/store.js';
import { emit } from './events.js';

export type Phase = 'loading' | 'loaded' | 'empty' | 'stale' | 'failed' | 'config';

/** Data shown although the last attempt to refresh it failed. */
export interface StaleData {
  /** When the data shown was received. */
  readonly at: Date;
  /** Why the refresh failed. */
  readonly error: unknown;
  /** The data shown were loaded for other arguments (the previous period, page or search) than those asked. */
  readonly otherView: boolean;
}

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
  readonly counts: (value: R) => { count: number; total: number | null };
  /** Called with the completed value before `cc-load` fires (derived state can be computed first). */
  readonly onLoaded?: (value: R) => void;
  readonly slowAfterMs?: number;
  /** Whether answers may be kept in the browser and shown when a request fails (default: unless the host's `noStore`). */
  readonly store?: () => boolean;
}

/** The same client with `extra` added to every request's options. */
function withOptions(client: CommunecterClient, extra: RequestOptions): CommunecterClient {
  return {
    baseUrl: client.baseUrl,
    getJson: (path, query, options = {}) => client.getJson(path, query, { ...options, ...extra }),
    postForm: (path, fields, options = {}) => client.postForm(path, fields, { ...options, ...extra }),
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
  /** The last completed value and when its data was received: what a failed load keeps showing. */
  private kept: { value: R; at: number; args: A } | null = null;
  /** Set when the completed value came (partly) from kept answers, because requests failed. */
  private completedStale: StaleData | null = null;
  /** Collects, during a run, the oldest kept answer that stood in for a failed request. */
  private runStale: { at: number; error: unknown } | null = null;
  private readonly onPageShow = (event: PageTransitionEvent) => {
    // Restored from the back/forward cache: the data may be old. Reload without clearing the view.
    if (event.persisted && this.phase !== 'config') this.retry();
  };
  private lastRevival = 0;
  private readonly onRevivalHint = () => {
    if (document.visibilityState !== 'visible') return;
    const phase = this.phase;
    if ((phase !== 'failed' && phase !== 'stale') || Date.now() - this.lastRevival < 30_000) return;
    this.lastRevival = Date.now();
    this.retry();
  };
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
        const stale = this.runStale;
        this.completedStale = stale ? { at: new Date(stale.at), error: stale.error, otherView: false } : null;
        this.kept = { value, at: stale?.at ?? Date.now(), args: options.args() };
        options.onLoaded?.(value);
        emit(host, 'cc-load', { ...options.counts(value), ...(stale ? { staleSince: new Date(stale.at).toISOString() } : {}) });
      },
      onError: (error) => {
        this.stopSlow();
        this.previewValue = null;
        if (!isAbortError(error)) emit(host, 'cc-error', { error: error instanceof ApiError ? error : new ApiError('bad-shape', String(error)) });
      },
    });
    host.addController(this);
  }

  /** The value to show: the completed one, the preview, or the last good one while reloading or after a failure. */
  get value(): R | null {
    const status = this.task.status;
    if (status === TaskStatus.COMPLETE) return this.task.value ?? null;
    if (this.previewValue !== null) return this.previewValue;
    if (status === TaskStatus.PENDING) return this.kept?.value ?? null;
    return this.keepsAfterFailure() ? this.kept!.value : null;
  }

  /** The data shown is older than the last attempt, which failed; null when it is fresh. */
  get stale(): StaleData | null {
    const status = this.task.status;
    if (status === TaskStatus.COMPLETE) return this.completedStale;
    if (this.keepsAfterFailure()) {
      const kept = this.kept!;
      const argsEqual = this.options.argsEqual ?? deepArrayEquals;
      return { at: new Date(kept.at), error: this.task.error, otherView: !argsEqual(kept.args, this.options.args()) };
    }
    return null;
  }

  private keepsAfterFailure(): boolean {
    if (this.task.status !== TaskStatus.ERROR || this.kept === null) return false;
    const error = this.task.error;
    return !isAbortError(error) && !(error instanceof ApiError && error.kind === 'config');
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
      if (this.keepsAfterFailure()) return 'stale';
      return this.task.error instanceof ApiError && this.task.error.kind === 'config' ? 'config' : 'failed';
    }
    if (status === TaskStatus.COMPLETE) {
      if (this.completedStale) return 'stale';
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
    window.addEventListener('pageshow', this.onPageShow);
    window.addEventListener('online', this.onRevivalHint);
    document.addEventListener('visibilitychange', this.onRevivalHint);
    // Re-attached after a removal that aborted the load: load again.
    if (this.task.status === TaskStatus.ERROR && isAbortError(this.task.error)) void this.task.run();
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    window.removeEventListener('online', this.onRevivalHint);
    document.removeEventListener('visibilitychange', this.onRevivalHint);
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
    const base = this.options.client();
    this.runStale = null;
    // The common attribute `no-store` (every element has it) turns keeping off, as the option does.
    const store = this.options.store?.() ?? !(this.host as { noStore?: boolean }).noStore;
    const onStale = (answer: StoredAnswer, error: unknown) => {
      if (signal.aborted) return;
      if (this.runStale === null || answer.storedAt < this.runStale.at) this.runStale = { at: answer.storedAt, error };
    };
    const client = withOptions(base, { ...(fresh ? { cache: false } : {}), ...(store ? { store: true, onStale } : {}) });
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
