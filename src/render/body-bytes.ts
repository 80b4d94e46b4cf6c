/**
 * Rendered bodies as releases, plans and the render cache hold them: sanitized HTML as UTF-8 bytes. Bodies are most of
 * what a build holds, and most have a curly quote or a macron, which makes V8 hold their text at two bytes a character;
 * bytes take half that, stay outside the garbage-collected heap, come out of the render cache without being decoded,
 * and are decoded only for the pages that are rendered.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// XML 1.0 forbids these even when escaped, and HTML shows none of them.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text with the characters XML forbids dropped, so it can go into a feed. */
export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/**
 * A rendered body as it is held: XML's forbidden characters dropped, so the same bytes serve its page and its feeds.
 * A lone surrogate, which no page can hold either (a page is written as UTF-8), becomes U+FFFD here rather than there.
 */
export function bodyBytes(html: string): Uint8Array {
  return encoder.encode(xmlText(html));
}

// A body → the render-cache key it was rendered or read back for. A key names everything a body is rendered from, so
// it names the bytes as well as their digest does: page digests use it, and need not hash 45 MB of bodies at 10,000.
const renderKeys = new WeakMap<Uint8Array, string>();

/** Records the render-cache key (see renderCacheKey) a body was rendered or read back for. */
export function recordRenderKey(body: Uint8Array, key: string): void {
  renderKeys.set(body, key);
}

/** The render-cache key recorded for a body, if any: equal keys mean equal bytes. */
export function renderKeyOf(body: Uint8Array): string | undefined {
  return renderKeys.get(body);
}

/** The render-cache key of a body, held or stored, if it has one. */
export function bodyRenderKey(body: Uint8Array | StoredBody): string | undefined {
  return body instanceof StoredBody ? body.renderKey : renderKeyOf(body);
}

/** Where stored bodies are read back from: a render-cache shard, as the build read and checked it, or the build's spill. */
export interface BodyStore {
  read(offset: number, length: number): Uint8Array;
}

/**
 * A body left in a file rather than held: in the render cache, or in the spill a build keeps what it renders in (see
 * body-spill). A build needs the bytes only of the pages and feeds it renders, and at 71,000 releases the bodies are
 * 330 MB. Page digests take its render-cache key for its bytes.
 */
export class StoredBody {
  constructor(
    readonly renderKey: string,
    private readonly store: BodyStore,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  bytes(): Uint8Array {
    return this.store.read(this.offset, this.length);
  }
}

/** A body's bytes, held or stored. */
export function bytesOf(body: Uint8Array | StoredBody): Uint8Array {
  return body instanceof StoredBody ? body.bytes() : body;
}

/** What a template prints for a value: a body's text, or the value as a string (what Eta prints without a filter). */
export function templateText(value: unknown): string {
  if (value instanceof Uint8Array || value instanceof StoredBody) return decoder.decode(bytesOf(value));
  return String(value);
}
