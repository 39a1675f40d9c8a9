/**
 * The library's one Trusted Types policy, `communecter-widgets`, for the two script sinks it writes:
 * the JSON-LD `<script type="application/ld+json">` an element keeps in its light DOM, and the URL of
 * the map's clustering worker. Under `require-trusted-types-for 'script'` both throw without a
 * TrustedScript / TrustedScriptURL.
 *
 * The policy only passes through what the library made itself (JSON from `scriptSafeJson`, which
 * escapes `<`, `>` and `&`; the URL of its own worker chunk, resolved from its module's URL); nothing
 * from the platform or the page reaches it. The policy object never leaves this module. A page whose
 * `trusted-types` directive does not list the name refuses the policy: the elements then write no
 * JSON-LD (one console warning), never an uncaught error. Pages must also allow `lit-html` (Lit's own
 * policy for templates) and `dompurify` (the description sanitiser's) — see the README's CSP section.
 */
interface ScriptPolicy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript: (text: string) => string; createScriptURL: (url: string) => string }): ScriptPolicy;
}

export const POLICY_NAME = 'communecter-widgets';

let policy: ScriptPolicy | null | undefined;

function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) {
    policy = { createScript: (text) => text, createScriptURL: (url) => url };
    return policy;
  }
  try {
    policy = factory.createPolicy(POLICY_NAME, { createScript: (text) => text, createScriptURL: (url) => url });
  } catch {
    policy = null;
    console.warn(`communecter-widgets: the page's Trusted Types policy refuses "${POLICY_NAME}"; no JSON-LD is written (list it in the trusted-types directive to keep it).`);
  }
  return policy;
}

/**
 * Sets the text of a script element the library made (JSON-LD). Returns false when the page's
 * Trusted Types rules do not allow it; the caller then leaves the script out.
 */
export function setScriptText(script: HTMLScriptElement, text: string): boolean {
  const allowed = scriptPolicy();
  if (!allowed) return false;
  try {
    script.textContent = allowed.createScript(text) as string;
    return true;
  } catch {
    return false;
  }
}

/**
 * The URL of one of the library's own worker chunks, as the page's Trusted Types rules want it for
 * `new Worker()`; null when they refuse the library's policy (the caller then works without a worker).
 */
export function workerScriptUrl(url: URL): string | null {
  const allowed = scriptPolicy();
  return allowed ? (allowed.createScriptURL(url.href) as string) : null;
}
