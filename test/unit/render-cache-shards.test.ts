import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShard, shardBytes } from '../../src/load/read-build-cache.js';
import { bodyBytes } from '../../src/render/body-bytes.js';
import type { ReleaseOutcome } from '../../src/render/render-releases.js';
import type { IsoDate, RenderedRelease, Slug } from '../../src/types.js';

const rendered = (html: string): RenderedRelease => ({
  file: 'seeds/a.md', title: 'Tēnā koutou', date: '2024-07-12' as IsoDate, ministers: ['Hon Jane Doe'], portfolios: ['Health'], type: 'release' as Slug,
  slug: 'a' as Slug, attachments: [], draft: false, updates: [], bodyLine: 7, html: bodyBytes(html), excerpt: 'Tēnā',
});

const SALT = 'pressroom-code@1234567890abcdef remark@15.0.1 remark-html@16.0.1 micromark-extension-gfm@3.0.0 mdast-util-gfm@3.1.0 yaml@2.9.1';

describe('render-cache shards', () => {
  it('give back every outcome as it went in, whatever characters the body holds', () => {
    const entries: [string, ReleaseOutcome][] = [
      ['00a', { release: rendered('<p>Plain ASCII.</p>'), problems: [] }],
      ['00b', { release: rendered('<p>“Curly” quotes, a macron: Māori, and 😀.</p>'), problems: [] }],
      ['00d', { problems: [{ severity: 'error', file: 'seeds/d.md', field: 'date', message: 'bad date' }] }],
    ];
    const { bytes, digest } = shardBytes(entries, SALT);
    const parsed = parseShard(bytes, SALT);
    assert.equal(parsed?.digest, digest);
    assert.deepEqual(parsed?.entries, entries);
  });

  it('hold a body in its UTF-8 size, and give it back without copying it', () => {
    const html = `<p>${'“Quoted” words, and more of them. '.repeat(300)}</p>`;
    const { bytes } = shardBytes([['00a', { release: rendered(html), problems: [] }]], SALT);
    assert.ok(bytes.length < Buffer.byteLength(html) + 1000, `${bytes.length} bytes for ${Buffer.byteLength(html)} of UTF-8`);
    const body = parseShard(bytes, SALT)?.entries[0]?.[1].release?.html;
    assert.ok(body instanceof Uint8Array);
    assert.equal(body.buffer, bytes.buffer);
    assert.equal(Buffer.from(body!).toString(), html);
  });

  it('are refused when a byte changes', () => {
    const { bytes } = shardBytes([['00a', { release: rendered('<p>Text.</p>'), problems: [] }]], SALT);
    const edited = Buffer.from(bytes);
    edited[edited.length - 5]! ^= 1;
    assert.equal(parseShard(edited, SALT), undefined);
  });

  it('are refused, intact, when their keys were made with another salt', () => {
    const { bytes } = shardBytes([['00a', { release: rendered('<p>Text.</p>'), problems: [] }]], SALT);
    assert.ok(parseShard(bytes, SALT));
    assert.equal(parseShard(bytes, 'pressroom-code@1234567890abcdef remark@15.0.2 remark-html@16.0.1 micromark-extension-gfm@3.0.0 mdast-util-gfm@3.1.0 yaml@2.9.1'), undefined);
  });
});
