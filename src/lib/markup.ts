/**
 * Removes, from HTML written by strangers, what a strict Content-Security-Policy would report when a
 * parser merely reads it: `on*` event-handler attributes (`script-src-attr`), `style` attributes
 * (`style-src-attr`) and `<style>` / `<script>` elements (`style-src-elem`, `script-src-elem`).
 *
 * Why: Chromium checks those against the page's policy even in inert documents (DOMParser, a
 * `<template>`, `createHTMLDocument`), so sanitising a hostile description sends the host's
 * `report-uri` reports that look like XSS attempts to the site's owner. This pass runs on the string,
 * before any parser sees it; DOMPurify still sanitises its output (this is not the sanitiser: a case
 * it missed would cost a report, not a script).
 *
 * It follows the HTML tokenizer's start-tag states (tag name, attribute names and the three kinds of
 * values, `/` between attributes), so that what it reads as a tag and its attributes is what the
 * parser will. Pure, no DOM.
 */

const WHITESPACE = /[\t\n\f\r ]/;
const TAG_START = /<([A-Za-z][^\t\n\f\r />]*)/y;
const DROPPED_ELEMENTS = new Set(['style', 'script']);

function isDroppedAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'style' || lower.startsWith('on');
}

/** Reads the attributes of a start tag from `from` (just after its name); returns them and where the tag ends. */
function readAttributes(html: string, from: number): { attributes: string[]; end: number } {
  const attributes: string[] = [];
  let index = from;
  while (index < html.length) {
    const char = html[index]!;
    if (char === '>') return { attributes, end: index + 1 };
    if (WHITESPACE.test(char) || char === '/') {
      index++;
      continue;
    }
    // Attribute name: a leading "=" belongs to it; it ends at whitespace, "/", ">" or "=".
    let nameEnd = index + 1;
    while (nameEnd < html.length && !/[\t\n\f\r />=]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(index, nameEnd);
    let cursor = nameEnd;
    while (cursor < html.length && WHITESPACE.test(html[cursor]!)) cursor++;
    let end = nameEnd;
    if (html[cursor] === '=') {
      cursor++;
      while (cursor < html.length && WHITESPACE.test(html[cursor]!)) cursor++;
      const quote = html[cursor];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, cursor + 1);
        end = close === -1 ? html.length : close + 1;
      } else {
        end = cursor;
        while (end < html.length && !/[\t\n\f\r >]/.test(html[end]!)) end++;
      }
    }
    if (!isDroppedAttribute(name)) attributes.push(html.slice(index, end));
    index = end;
  }
  return { attributes, end: html.length };
}

export function withoutInlineCode(html: string): string {
  let out = '';
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      out += html.slice(index);
      break;
    }
    out += html.slice(index, open);
    TAG_START.lastIndex = open;
    const match = TAG_START.exec(html);
    if (!match) {
      out += '<';
      index = open + 1;
      continue;
    }
    const tagName = match[1]!;
    const { attributes, end } = readAttributes(html, open + match[0].length);
    const lower = tagName.toLowerCase();
    if (DROPPED_ELEMENTS.has(lower)) {
      // The element goes with its raw text, up to and including its end tag (or to the end).
      const close = html.toLowerCase().indexOf(`</${lower}`, end);
      const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
      index = closeEnd === -1 ? html.length : closeEnd + 1;
      continue;
    }
    out += `<${tagName}${attributes.map((attribute) => ` ${attribute}`).join('')}>`;
    index = end;
  }
  return out;
}
