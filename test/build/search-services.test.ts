import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { startSearchIndexes } from '../../src/render/index-search.js';
import type { SearchPage } from '../../src/types.js';

/** Pages of five years, newest first as a build lists them, each with a word of its own. */
function pages(): SearchPage[] {
  return Array.from({ length: 60 }, (_, i) => {
    const year = String(2024 - Math.floor(i / 12));
    const html = `<!doctype html><html lang="en"><head><title>Release ${i}</title></head><body><main data-pagefind-body><h1>Release ${i}</h1><p>Words of ${year}: alpha${i} beta.</p></main></body></html>`;
    return { path: `release/r${i}/index.html`, url: `/release/r${i}/`, html, index: year };
  });
}

/** The Pagefind service processes this test process has started (they stay, idle, until it exits). */
function pagefindChildren(): number {
  const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
  return children.filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind')).length;
}

async function indexWith(services: number) {
  const all = pages();
  const expected = new Map<string, number>();
  for (const page of all) expected.set(page.index, (expected.get(page.index) ?? 0) + 1);
  const indexer = startSearchIndexes(expected, services);
  for (let start = 0; start < all.length; start += 25) await indexer.add(all.slice(start, start + 25));
  return indexer.finish('required');
}

describe('search indexes shared between Pagefind services', () => {
  it('come out byte for byte as one service makes them', async () => {
    const one = await indexWith(1);
    assert.equal(pagefindChildren(), 1);
    const two = await indexWith(2);
    assert.equal(pagefindChildren(), 2, 'the second service is a process of its own');
    assert.deepEqual(one.problems, []);
    assert.deepEqual(two.problems, []);
    assert.deepEqual(new Set(one.files.map((file) => file.path.split('/')[1])), new Set(['2020', '2021', '2022', '2023', '2024']));
    assert.deepEqual(
      two.files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
      one.files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
    );
  });
});
