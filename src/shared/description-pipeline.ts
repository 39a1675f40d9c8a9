/**
 * Markdown or legacy HTML → sanitised DOM. Loaded on demand by `sanitize.ts` (marked + DOMPurify
 * weigh ~26 KB gzipped: a page that never opens a detail never downloads them).
 *
 * DOMPurify runs with a stricter profile than its defaults, which keep `style` (overlays:
 * `position:fixed` escapes a shadow root), forms and password inputs (phishing) and remote images
 * (tracking, IP leak). Its output is returned as a fragment and never re-parsed from a string.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import { withoutInlineCode } from '../lib/markup.js';
import { cleanText } from '../lib/text.js';

const FORBID_TAGS = [
  'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'img', 'video', 'audio', 'source',
  'picture', 'iframe', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'base', 'dialog', 'template',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR: ['style', 'id', 'name', 'class', 'srcset', 'action', 'formaction', 'target'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto|tel):/i,
  RETURN_DOM_FRAGMENT: true,
};

// A private instance: our hooks must not leak into a DOMPurify the host page uses.
const purifier = createDOMPurify(window);
let linkBase = 'https://www.communecter.org';

purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  // Platform descriptions link to other elements with relative URLs ("/#@slug"); make them
  // absolute on the link base before the URI allow-list, which only accepts http(s)/mailto/tel.
  if ((data.attrName === 'href' || data.attrName === 'xlink:href') && /^[/#?]/.test(data.attrValue.trim()) && !data.attrValue.trim().startsWith('//')) {
    try {
      data.attrValue = new URL(data.attrValue.trim(), `${linkBase}/`).href;
    } catch {
      data.keepAttr = false;
    }
  }
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node instanceof Element) {
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      // Links written by strangers: no opener access, no referrer, no endorsement.
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    }
  }
});

const markdown = new Marked({ gfm: true, breaks: true, async: false });

/**
 * Headings inside a description sit under the widget's own heading: shift them down so the page
 * outline stays coherent (RGAA 9.1). Done on the sanitised DOM by moving nodes, not re-parsing.
 */
function demoteHeadings(fragment: DocumentFragment, topLevel: number): void {
  for (const heading of Array.from(fragment.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const level = Math.min(6, Number(heading.tagName.slice(1)) + topLevel - 1);
    if (`H${level}` === heading.tagName) continue;
    const replacement = heading.ownerDocument.createElement(`h${level}`);
    while (heading.firstChild) replacement.append(heading.firstChild);
    heading.replaceWith(replacement);
  }
}

export interface PipelineOptions {
  /** Base for relative links in descriptions (the widget's link-base). */
  readonly linkBase: string;
  /** Level the description's own top headings become (default 3). */
  readonly headingLevel?: number;
}

export function renderDescription(source: string, format: 'markdown' | 'html', options: PipelineOptions): DocumentFragment {
  // Lone surrogates, control and invisible characters go before Markdown reads the text.
  const clean = cleanText(source, { keepIndentation: true });
  const html = format === 'markdown' ? (markdown.parse(clean) as string) : clean;
  linkBase = options.linkBase;
  // Event handlers, style attributes and style/script elements go before any parser reads the markup:
  // Chromium reports them to the page's CSP report-uri even from DOMPurify's inert document.
  const fragment = purifier.sanitize(withoutInlineCode(html), CONFIG) as unknown as DocumentFragment;
  demoteHeadings(fragment, options.headingLevel ?? 3);
  return fragment;
}
