// Where stories send their API requests (the widgets' `api-base`): the local sandbox, never production.
// First match wins:
//   1. `?sandbox=http://127.0.0.1:9000` in the address of the Storybook page (or of the story iframe),
//   2. window.CC_SANDBOX set by a page that embeds the built Storybook,
//   3. STORYBOOK_CC_SANDBOX at build/dev time (`STORYBOOK_CC_SANDBOX=http://… npm run build-storybook`),
//   4. http://127.0.0.1:8080, where `npm run sandbox` listens by default (`npm start` also serves the
//      sandbox, with the demo, on :8000: use ?sandbox=http://127.0.0.1:8000 for that one).
// The sandbox answers with `Access-Control-Allow-Origin: *`, so Storybook may run on any other origin.

declare global {
  interface Window {
    /** Base URL of the sandbox API, injected by the test runner and by the Storybook preview. */
    CC_SANDBOX?: string;
  }
}

export const DEFAULT_SANDBOX_BASE = 'http://127.0.0.1:8080';

function fromQuery(search: string): string | null {
  const value = new URLSearchParams(search).get('sandbox');
  return value && /^https?:\/\//.test(value) ? value.replace(/\/+$/, '') : null;
}

function parentSearch(): string {
  try {
    return window.parent === window ? '' : window.parent.location.search;
  } catch {
    return ''; // Storybook embedded cross-origin: only the iframe's own address is readable.
  }
}

export function resolveSandboxBase(): string {
  const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env;
  return (
    fromQuery(window.location.search) ??
    fromQuery(parentSearch()) ??
    window.CC_SANDBOX ??
    env?.STORYBOOK_CC_SANDBOX ??
    DEFAULT_SANDBOX_BASE
  );
}

/** The sandbox base URL for a story's `api-base` attribute. */
export function sandboxBase(): string {
  return window.CC_SANDBOX ?? resolveSandboxBase();
}
