/** A real XML parser for the feeds and sitemap tests: well-formedness first, then the document as plain objects. */
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const REPEATED = new Set(['entry', 'link', 'author', 'category', 'url']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => REPEATED.has(name) });

/** Parses XML, failing the test with the parser's message (and the file's name) if it is not well-formed. */
export function parseXml(text: string, name: string): Record<string, any> {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `${name} is not well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(text) as Record<string, any>;
}

/** An element's text, whether or not it carries attributes. */
export function textOf(node: unknown): string {
  return typeof node === 'object' && node !== null ? String((node as Record<string, unknown>)['#text'] ?? '') : String(node ?? '');
}

/** JSON-LD blocks of an HTML page, parsed. */
export function jsonLdOf(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));
}
