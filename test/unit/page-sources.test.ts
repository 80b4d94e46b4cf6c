import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readProject } from '../../src/load/read-project.js';
import { planSite } from '../../src/pipeline.js';
import { bodyBytes, recordRenderKey } from '../../src/render/body-bytes.js';
import { ReleaseJsonLd } from '../../src/render/json-ld.js';
import { pageSources } from '../../src/render/page-sources.js';
import type { PagePlan } from '../../src/types.js';
import { makeFixtureProject, release, removeProject } from '../helpers/project.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

const plan = (data: Record<string, unknown>, pagePath = 'release/a/index.html'): PagePlan => ({ path: pagePath, template: 'release', source: 'seeds/a.md', data });
const templates = new Map([['release', '<%= it.title %>']]);
const assets = new Map([['site.css', 'assets/site.0123456789.css']]);

/** Throws unless the value is what JSON text holds whole: no Map, Set, Date, function, class instance or NaN. */
function assertPlainJson(value: unknown, where: string): void {
  // A release body, which pageSources digests as bytes.
  if (value instanceof Uint8Array && where.endsWith('.html')) return;
  // A release page's JSON-LD, which pageSources digests by what it is made from, or by its text.
  if (value instanceof ReleaseJsonLd) return;
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${where} is ${value}`);
  assert.equal(typeof value, 'object', `${where} is a ${typeof value}`);
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return value.forEach((item, index) => assertPlainJson(item, `${where}[${index}]`));
  assert.ok(prototype === Object.prototype || prototype === null, `${where} is a ${prototype?.constructor?.name}`);
  for (const [key, item] of Object.entries(value as object)) assertPlainJson(item, `${where}.${key}`);
}

describe('pageSources', () => {
  it('gives equal pages equal digests, and a different digest when anything a page is made from differs', () => {
    const base = pageSources([plan({ title: 'A' })], templates, settings(), assets, 'salt')[0];
    assert.equal(pageSources([plan({ title: 'A' })], templates, settings(), assets, 'salt')[0], base);
    const variants = [
      pageSources([plan({ title: 'B' })], templates, settings(), assets, 'salt'),
      pageSources([plan({ title: 'A' }, 'release/b/index.html')], templates, settings(), assets, 'salt'),
      pageSources([{ ...plan({ title: 'A' }), template: 'speech' }], templates, settings(), assets, 'salt'),
      pageSources([plan({ title: 'A' })], new Map([['release', '<%~ it.title %>']]), settings(), assets, 'salt'),
      pageSources([plan({ title: 'A' })], new Map([...templates, ['partials/x', '']]), settings(), assets, 'salt'),
      pageSources([plan({ title: 'A' })], templates, settings({ title: 'Another office' }), assets, 'salt'),
      pageSources([plan({ title: 'A' })], templates, settings(), new Map([['site.css', 'assets/site.9876543210.css']]), 'salt'),
      pageSources([plan({ title: 'A' })], templates, settings(), assets, 'another version'),
    ].map(([digest]) => digest);
    assert.equal(new Set([base, ...variants]).size, variants.length + 1);
  });

  it('tells apart long strings and frozen objects, which it digests on their own, by every character', () => {
    const digest = (data: Record<string, unknown>) => pageSources([plan(data)], templates, settings(), assets, 'salt')[0];
    const body = 'x'.repeat(2000);
    assert.equal(digest({ html: body }), digest({ html: 'x'.repeat(2000) }));
    assert.notEqual(digest({ html: body }), digest({ html: `${body.slice(0, 1000)}y${body.slice(1001)}` }));
    const standIn = (text: string, kind: string) => `\u0000${kind}${createHash('sha256').update(text).digest('base64')}`;
    const card = (title: string) => Object.freeze({ title, ministers: Object.freeze([Object.freeze({ name: 'A', path: '/a/' })]) });
    assert.equal(digest({ items: [card('A'), card('A')] }), digest({ items: [card('A'), card('A')] }));
    assert.notEqual(digest({ items: [card('A')] }), digest({ items: [card('B')] }));
    // A frozen object within a frozen object is written out as part of it, and told apart just the same.
    const signed = (name: string, note: unknown) => Object.freeze({ title: 'A', ministers: Object.freeze([Object.freeze({ name, path: '/a/', note })]) });
    assert.equal(digest({ items: [signed('A', 'n')] }), digest({ items: [signed('A', 'n')] }));
    assert.notEqual(digest({ items: [signed('A', 'n')] }), digest({ items: [signed('B', 'n')] }));
    assert.notEqual(digest({ items: [signed('A', body)] }), digest({ items: [signed('A', `${body}y`)] }));
    assert.notEqual(digest({ items: [signed('A', bodyBytes('<p>a</p>'))] }), digest({ items: [signed('A', bodyBytes('<p>b</p>'))] }));
    assert.notEqual(digest({ items: [signed('A', Object.freeze({ a: 1 }))] }), digest({ items: [signed('A', standIn('{"a":1}', 'o'))] }));
    // A string that spells a stand-in is not taken for what it stands for.
    assert.notEqual(digest({ html: body }), digest({ html: standIn(body, 's') }));
    const flat = Object.freeze({ title: 'A' });
    assert.notEqual(digest({ item: flat }), digest({ item: standIn(JSON.stringify(flat), 'o') }));
  });

  it('tells apart release bodies, which it digests as bytes, by every byte', () => {
    const digest = (data: Record<string, unknown>) => pageSources([plan(data)], templates, settings(), assets, 'salt')[0];
    const body = bodyBytes('<p>Kia ora, “everyone”.</p>');
    assert.equal(digest({ html: body, feed: [{ html: body }] }), digest({ html: bodyBytes('<p>Kia ora, “everyone”.</p>'), feed: [{ html: body }] }));
    assert.notEqual(digest({ html: body }), digest({ html: bodyBytes('<p>Kia ora, “everyone”!</p>') }));
    assert.notEqual(digest({ html: body, feed: [{ html: body }] }), digest({ html: body, feed: [{ html: bodyBytes('<p>Kia ora.</p>') }] }));
    // Not the body's text, nor a string spelling its stand-in.
    assert.notEqual(digest({ html: body }), digest({ html: '<p>Kia ora, “everyone”.</p>' }));
    assert.notEqual(digest({ html: body }), digest({ html: `\u0000b${createHash('sha256').update(body).digest('base64')}` }));
  });

  it('lets a body stand as the render-cache key it was rendered for, never as a string spelling it', () => {
    const digest = (data: Record<string, unknown>) => pageSources([plan(data)], templates, settings(), assets, 'salt')[0];
    const keyed = (html: string, key: string) => {
      const body = bodyBytes(html);
      recordRenderKey(body, key);
      return body;
    };
    // Equal keys are equal bytes (the key names everything the body is made from), so the bytes are not read.
    assert.equal(digest({ html: keyed('<p>a</p>', 'k1') }), digest({ html: keyed('<p>a</p>', 'k1') }));
    assert.notEqual(digest({ html: keyed('<p>a</p>', 'k1') }), digest({ html: keyed('<p>a</p>', 'k2') }));
    assert.notEqual(digest({ html: keyed('<p>a</p>', 'k1') }), digest({ html: bodyBytes('<p>a</p>') }));
    assert.notEqual(digest({ html: keyed('<p>a</p>', 'k1') }), digest({ html: '\u0000kk1' }));
  });

  it('lets a release page\'s JSON-LD stand as its release\'s render-cache key and summary, or else as its text', () => {
    const digest = (data: Record<string, unknown>) => pageSources([plan(data)], templates, settings(), assets, 'salt')[0];
    const jsonLd = (html: Uint8Array, summary = 'A summary.', title = 'A') => new ReleaseJsonLd(renderedRelease({ title, html }), summary, settings());
    const keyed = (key: string) => {
      const body = bodyBytes('<p>a</p>');
      recordRenderKey(body, key);
      return body;
    };
    assert.equal(digest({ jsonLd: jsonLd(keyed('k1')) }), digest({ jsonLd: jsonLd(keyed('k1')) }));
    assert.notEqual(digest({ jsonLd: jsonLd(keyed('k1')) }), digest({ jsonLd: jsonLd(keyed('k2')) }));
    assert.notEqual(digest({ jsonLd: jsonLd(keyed('k1')) }), digest({ jsonLd: jsonLd(keyed('k1'), 'Another summary.') }));
    // Without a key, by its text: a new title is a new digest.
    assert.equal(digest({ jsonLd: jsonLd(bodyBytes('<p>a</p>')) }), digest({ jsonLd: jsonLd(bodyBytes('<p>a</p>')) }));
    assert.notEqual(digest({ jsonLd: jsonLd(bodyBytes('<p>a</p>')) }), digest({ jsonLd: jsonLd(bodyBytes('<p>a</p>'), 'A summary.', 'B') }));
    // Neither is a string spelling it.
    assert.notEqual(digest({ jsonLd: jsonLd(keyed('k1')) }), digest({ jsonLd: '\u0000jk1\u0000A summary.' }));
    const text = String(jsonLd(bodyBytes('<p>a</p>')));
    assert.notEqual(digest({ jsonLd: jsonLd(bodyBytes('<p>a</p>')) }), digest({ jsonLd: text }));
  });

  it('can read all of every kind of page: their data is plain JSON', async () => {
    const root = await makeFixtureProject('basic');
    try {
      // The fixture site has no correction or withdrawal: add one of each.
      await writeFile(path.join(root, 'seeds/corrected.md'), release({ title: '"Corrected"', updated: '2024-07-13', update_note: '"Corrected the figure."' }));
      await writeFile(path.join(root, 'seeds/pulled.md'), release({ title: '"Pulled"', withdrawn: '\n  date: 2024-07-14\n  reason: it was premature' }));
      const read = await readProject({ root, content: 'seeds', templates: path.join(root, 'templates') });
      const planned = await planSite(read.project, {}, { now: Date.UTC(2030, 0, 1) });
      assert.deepEqual(planned.problems, []);
      assert.ok(planned.pages.some((page) => page.path === 'release/corrected/index.html') && planned.site.withdrawn.length === 1);
      for (const page of planned.pages) assertPlainJson(page.data, page.path);
    } finally {
      await removeProject(root);
    }
  });
});
