/**
 * Test helpers shared by the browser suites. The sandbox runs on its own origin (started by
 * web-test-runner.config.mjs), so every request the client makes in tests is cross-origin, as in
 * production.
 */
declare global {
  interface Window {
    CC_SANDBOX?: string;
    CC_SANDBOX_NOCORS?: string;
  }
}

export function sandboxUrl(): string {
  if (!window.CC_SANDBOX) throw new Error('The sandbox URL was not injected by the test runner');
  return window.CC_SANDBOX;
}

let counter = 0;
/** A key unique to this test run, for fault sequences and request logs. */
export function uniqueKey(label = 'k'): string {
  counter += 1;
  return `${label}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 7)}`;
}

/** An api-base that makes the sandbox apply `spec` (e.g. "503,ok") to requests under `key`. */
export function faultBase(spec: string, key = uniqueKey('f')): { base: string; key: string } {
  return { base: `${sandboxUrl()}/__fault/${key}/${spec}`, key };
}

export interface LoggedRequest {
  /** ISO timestamp of arrival. */
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly fault?: string | null;
  readonly key?: string | null;
}

/** The requests the sandbox received for a fault key. */
export async function sandboxLog(key: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxUrl()}/__sandbox/log?key=${encodeURIComponent(key)}`);
  const body: unknown = await response.json();
  if (Array.isArray(body)) return body as LoggedRequest[];
  const list = (body as { requests?: unknown }).requests;
  return Array.isArray(list) ? (list as LoggedRequest[]) : [];
}

/** Counts calls to window.fetch while `run` executes (the client is the only caller). */
export async function countFetches<T>(run: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return original.call(window, input, init);
  };
  try {
    const result = await run();
    return { result, calls };
  } finally {
    window.fetch = original;
  }
}

interface Recorder {
  readonly events: CustomEvent[];
  readonly consumed: Map<string, number>;
  wake: () => void;
}

const recorders = new WeakMap<EventTarget, Recorder>();
const CC_EVENTS = ['cc-load', 'cc-error', 'cc-select', 'cc-filter-change', 'cc-view-change'];

/**
 * Records an element's cc-* events from before it connects, so a fast answer cannot fire cc-load
 * before a test starts waiting for it. Returns the live list of recorded events.
 */
export function recordEvents(el: EventTarget): CustomEvent[] {
  const recorder: Recorder = { events: [], consumed: new Map(), wake: () => undefined };
  for (const name of CC_EVENTS) {
    el.addEventListener(name, (event) => {
      recorder.events.push(event as CustomEvent);
      recorder.wake();
    });
  }
  recorders.set(el, recorder);
  return recorder.events;
}

/** The next not-yet-awaited `type` event of an element given to recordEvents(), then its update. */
export async function settled(el: EventTarget & { updateComplete?: Promise<unknown> }, type = 'cc-load'): Promise<CustomEvent> {
  const recorder = recorders.get(el);
  if (!recorder) throw new Error('element not given to recordEvents()');
  for (;;) {
    const seen = recorder.consumed.get(type) ?? 0;
    const matching = recorder.events.filter((event) => event.type === type);
    if (matching.length > seen) {
      recorder.consumed.set(type, seen + 1);
      await el.updateComplete;
      return matching[seen]!;
    }
    await new Promise<void>((resolve) => {
      recorder.wake = resolve;
    });
  }
}

interface AxeRule {
  readonly ruleId: string;
  readonly tags: readonly string[];
}
interface AxeResults {
  readonly violations: readonly { id: string; help: string; nodes: readonly { target: unknown; html: string; failureSummary?: string }[] }[];
}
interface Axe {
  getRules(): AxeRule[];
  run(context: Element, options: object): Promise<AxeResults>;
}

const WCAG_TAG = /^wcag2\d*a{1,2}$/;

/**
 * axe with every WCAG 2.x A and AA rule, including those axe ships as "experimental" and leaves out of
 * its default run (and so of @open-wc's `to.be.accessible()`): label-content-name-mismatch (2.5.3),
 * css-orientation-lock, hidden-explicit-label, p-as-heading, td-has-header…; plus the best practices axe
 * runs by default. Not the AAA rules. Fails with the violations listed.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const holder = window as unknown as { axe?: Axe };
  if (!holder.axe) await import('axe-core/axe.min.js' as string);
  const axe = holder.axe!;
  // Every WCAG 2.0/2.1/2.2 A and AA rule (experimental ones too), and the best practices axe runs by default; not AAA.
  const rules = axe.getRules().filter((rule) => rule.tags.some((tag) => WCAG_TAG.test(tag)) || (rule.tags.includes('best-practice') && !rule.tags.includes('experimental')));
  const results = await axe.run(element, { runOnly: { type: 'rule', values: rules.map((rule) => rule.ruleId) }, resultTypes: ['violations'] });
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((violation) => [
    `${violation.id}: ${violation.help}`,
    ...violation.nodes.map((node) => `  ${JSON.stringify(node.target)} ${node.html.slice(0, 200)}${node.failureSummary ? `\n    ${node.failureSummary.replace(/\n/g, ' ')}` : ''}`),
  ]);
  throw new Error(`Accessibility violations (every WCAG 2.x A/AA rule):\n${lines.join('\n')}`);
}

/** Freezes `new Date()` and `Date.now()` at `iso` while `run` runs (dates in tests must not depend on the day they run). */
export async function withNow<T>(iso: string, run: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const fixed = new RealDate(iso).getTime();
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [number]));
    }
    static override now(): number {
      return fixed;
    }
  }
  window.Date = FrozenDate as DateConstructor;
  try {
    return await run();
  } finally {
    window.Date = RealDate;
  }
}

/** A raw event record as the platform's search answers it (type "events", typeEvent, an address in Saint-Denis). */
export function eventRecord(id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    _id: { $id: id },
    name: `Événement ${id}`,
    type: 'events',
    typeEvent: 'workshop',
    collection: 'events',
    address: { addressLocality: 'Saint-Denis', postalCode: '97400', codeInsee: '97411', addressCountry: 'RE' },
    ...fields,
  };
}

/**
 * Whether a string leaves a directional embedding, override or isolate open at its end (UAX #9: a PDF
 * closes the last embedding of its isolate only, a PDI closes its isolate and everything inside it), so
 * that it would reorder or restyle text that follows it in the same paragraph.
 */
export function leavesBidiOpen(text: string): boolean {
  const open: ('embedding' | 'isolate')[] = [];
  for (const char of text) {
    if ('\u202A\u202B\u202D\u202E'.includes(char)) open.push('embedding');
    else if ('\u2066\u2067\u2068'.includes(char)) open.push('isolate');
    else if (char === '\u202C') {
      if (open.at(-1) === 'embedding') open.pop();
    } else if (char === '\u2069') {
      const index = open.lastIndexOf('isolate');
      if (index >= 0) open.length = index;
    }
  }
  return open.length > 0;
}

/**
 * Places in a shadow tree where platform text can reorder the widget's own words: a text node that
 * leaves an embedding open beside other text of its paragraph (no `bdi`, `[dir]` or block of its own
 * around it), and attribute values (accessible names, titles, alternatives) that leave one open.
 */
export function bidiLeaks(root: ShadowRoot | Element): string[] {
  const leaks: string[] = [];
  const isolating = (element: Element) => element.localName === 'bdi' || element.hasAttribute('dir')
    || /isolate|plaintext/.test(getComputedStyle(element).unicodeBidi) || getComputedStyle(element).display !== 'inline';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      for (const name of ['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'aria-roledescription', 'aria-valuetext']) {
        const value = node.getAttribute(name);
        if (value && leavesBidiOpen(value)) leaks.push(`${node.localName}[${name}="${value}"]`);
      }
      continue;
    }
    const text = node.textContent ?? '';
    if (!leavesBidiOpen(text)) continue;
    let container = node.parentElement;
    while (container && !isolating(container)) container = container.parentElement;
    if (container && container.textContent!.trim() !== text.trim()) leaks.push(`text "${text}" beside "${container.textContent}" in <${container.localName}>`);
  }
  return leaks;
}
