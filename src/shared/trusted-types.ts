/**
 * The library's one Trusted Types policy, `communecter-widgets`, for the one script sink it writes:
 * the JSON-LD `<script type="application/ld+json">` an element keeps in its light DOM. Under
 * `require-trusted-types-for 'script'` that assignment throws without a TrustedScript.
 *
 * The policy only passes through text the library made itself (JSON from `scriptSafeJson`, which
 * escapes `<`, `>` and `&`); nothing from the platform reaches it unescaped. A page whose
 * `trusted-types` directive does not list the name refuses the policy: the elements then write no
 * JSON-LD (one console warning), never an uncaught error. Pages must also allow `lit-html` (Lit's own
 * policy for templates) and `dompurify` (the description sanitiser's) — see the README's CSP section.
 */
interface ScriptPolicy {
  createScript(text: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript: (text: string) => string }): ScriptPolicy;
}

export const POLICY_NAME = 'communecter-widgets';

let policy: ScriptPolicy | null | undefined;

function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) {
    policy = { createScript: (text) => text };
    return policy;
  }
  try {
    policy = factory.createPolicy(POLICY_NAME, { createScript: (text) => text });
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
