import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RESTART_AFTER_PAGES, startSearchIndexes } from '../../src/render/index-search.js';
import type { OutputFile, SearchPage } from '../../src/types.js';

/** Pages of five years, newest first as a build lists them, each with a word of its own. */
function pages(): SearchPage[] {
  return Array.from({ length: 60 }, (_, i) => {
    const year = String(2024 - Math.floor(i / 12));
    const html = `<!doctype html><html lang="en"><head><title>Release ${i}</title></head><body><main data-pagefind-body><h1>Release ${i}</h1><p>Words of ${year}: alpha${i} beta.</p></main></body></html>`;
    return { path: `release/r${i}/index.html`, url: `/release/r${i}/`, html, index: year };
  });
}

/**
 * The running Pagefind service processes this test process has started: they stay, idle, until it exits, or until
 * the service stops them after a large index. A stopped one that has not been reaped yet is not running.
 */
function pagefindProcesses(): string[] {
  const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
  const running = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind') && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  return children.filter(running);
}

function expectedOf(all: readonly SearchPage[]): Map<string, number> {
  const expected = new Map<string, number>();
  for (const page of all) expected.set(page.index, (expected.get(page.index) ?? 0) + 1);
  return expected;
}

async function indexWith(services: number) {
  const all = pages();
  const files: OutputFile[] = [];
  const indexer = startSearchIndexes(expectedOf(all), async (delivered) => void files.push(...delivered), services);
  for (let start = 0; start < all.length; start += 25) await indexer.add(all.slice(start, start + 25));
  const finished = await indexer.finish('required');
  assert.deepEqual(finished.files, files.map((file) => file.path).sort());
  return { problems: finished.problems, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

describe('search indexes shared between Pagefind services', () => {
  it('come out byte for byte as one service makes them', async () => {
    const one = await indexWith(1);
    assert.equal(pagefindProcesses().length, 1);
    const two = await indexWith(2);
    assert.equal(pagefindProcesses().length, 2, 'the second service is a process of its own');
    assert.deepEqual(one.problems, []);
    assert.deepEqual(two.problems, []);
    assert.deepEqual(new Set(one.files.map((file) => file.path.split('/')[1])), new Set(['2020', '2021', '2022', '2023', '2024']));
    assert.deepEqual(
      two.files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
      one.files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
    );
  });
});

describe('search index files', () => {
  it('are delivered index by index while later pages are still coming', async () => {
    const all = pages();
    const delivered: string[] = [];
    const indexer = startSearchIndexes(expectedOf(all), async (files) => void delivered.push(...files.map((file) => file.path)), 1);
    // Each add resolves once the batch before it is in, and each index is handed over while the next is filled.
    for (const year of ['2024', '2023', '2022']) await indexer.add(all.filter((page) => page.index === year));
    assert.ok(delivered.some((file) => file.startsWith('pagefind/2024/')), 'the newest year is out before the last pages come');
    assert.ok(!delivered.some((file) => file.startsWith('pagefind/2020/')));
    await indexer.add(all.filter((page) => page.index === '2021' || page.index === '2020'));
    assert.deepEqual((await indexer.finish('required')).problems, []);
    assert.ok(delivered.some((file) => file.startsWith('pagefind/2020/')));
  });

  it('delivered before a failure are named with the problem, so the build can leave them out', async () => {
    const all = pages();
    const delivered: string[] = [];
    const indexer = startSearchIndexes(expectedOf(all), async (files) => void delivered.push(...files.map((file) => file.path)), 1);
    for (const year of ['2024', '2023']) await indexer.add(all.filter((page) => page.index === year));
    // A 2024 page after 2024's index was handed over: Pagefind cannot add to it.
    await indexer.add([{ ...all[0]!, path: 'release/late/index.html', url: '/release/late/' }]);
    const finished = await indexer.finish('optional');
    assert.match(finished.problems[0]?.message ?? '', /the pages of the 2024 index did not come together/);
    assert.ok(delivered.some((file) => file.startsWith('pagefind/2024/')));
    assert.deepEqual(finished.files, [...delivered].sort());
  });

  it('that cannot be written fail the build, rather than leave it without search', async () => {
    const all = pages();
    const indexer = startSearchIndexes(expectedOf(all), () => Promise.reject(new Error('ENOSPC: no space left on device')), 1);
    for (let start = 0; start < all.length; start += 25) await indexer.add(all.slice(start, start + 25));
    await assert.rejects(indexer.finish('optional'), /ENOSPC/);
  });
});

describe('a Pagefind service', () => {
  it('starts a fresh process after a large index, so the memory the index took goes with the old one', async () => {
    const page = (year: string, i: number): SearchPage => ({
      path: `release/${year}-${i}/index.html`,
      url: `/release/${year}-${i}/`,
      html: `<!doctype html><html lang="en"><head><title>R${i}</title></head><body><main data-pagefind-body><p>word${i} of ${year}</p></main></body></html>`,
      index: year,
    });
    const large = Array.from({ length: RESTART_AFTER_PAGES }, (_, i) => page('2024', i));
    const small = Array.from({ length: 3 }, (_, i) => page('2023', i));
    const indexer = startSearchIndexes(expectedOf([...large, ...small]), async () => undefined, 1);
    // An add resolves once the batch before it is in. Earlier tests' services may be running too.
    await indexer.add(large.slice(0, 10));
    await indexer.add(large.slice(10, 20));
    const during = pagefindProcesses();
    await indexer.add(large.slice(20));
    await indexer.add(small);
    assert.deepEqual((await indexer.finish('required')).problems, []);
    const after = pagefindProcesses();
    assert.equal(during.filter((pid) => !after.includes(pid)).length, 1, 'the process that made the large index was stopped');
    assert.equal(after.filter((pid) => !during.includes(pid)).length, 1, 'the small year had a fresh process, which it leaves running');
  });
});
