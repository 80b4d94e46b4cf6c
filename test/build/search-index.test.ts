import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';
import { SEARCH_INDEX_PAGES } from '../../src/render/plan-search.js';
import { SEARCH_RELEASES } from '../helpers/search-fixture.js';
import { openSearchIndex, type IndexQuery } from '../helpers/search-index.js';

describe('the search index of a built site', () => {
  let root: string;
  let index: IndexQuery;
  before(async () => {
    root = await makeProject(SEARCH_RELEASES, { settings: { title: 'Zanzibar Bureau', baseUrl: 'https://news.example.test/' } });
    const result = await build({ root });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    index = await openSearchIndex(path.join(root, 'public'));
  });
  after(async () => {
    await index?.close();
    await removeProject(root);
  });

  it('finds a word from one release body and ranks that release first', async () => {
    assert.deepEqual(await index.search('Takitimu'), ['/release/roads/']);
    const kiwisaver = await index.search('kiwisaver');
    assert.equal(kiwisaver[0], '/release/kiwisaver/');
    assert.deepEqual([...kiwisaver].sort(), ['/release/kiwisaver/', '/release/roads/']);
  });

  it('narrows results by minister, under one name however the releases styled it', async () => {
    assert.deepEqual(await index.search('kiwisaver', { filters: { minister: 'Hon Chris Bishop' } }), []);
    assert.deepEqual(await index.search('kiwisaver', { filters: { minister: 'Hon Nicola Willis' } }), ['/release/kiwisaver/']);
    assert.deepEqual(await index.search(null, { filters: { minister: 'Rt Hon Chris Bishop' }, sort: { date: 'desc' } }), ['/speech/housing/', '/release/roads/']);
  });

  it('filters by portfolio, type and year, and sorts by date', async () => {
    assert.deepEqual(await index.search(null, { filters: { portfolio: 'Housing' } }), ['/speech/housing/']);
    assert.deepEqual(await index.search(null, { filters: { type: 'Press release' }, sort: { date: 'asc' } }), ['/release/kiwisaver/', '/release/roads/']);
    assert.deepEqual(await index.search(null, { filters: { year: '2023' } }), ['/release/kiwisaver/']);
  });

  it('indexes only release pages, and only their article: not the header, listings or the search page', async () => {
    assert.deepEqual(await index.search('Zanzibar'), []);
    assert.deepEqual(await index.search('Latest'), []);
    assert.deepEqual(await index.search('Narrow'), []);
    assert.deepEqual((await index.search(null)).sort(), ['/release/kiwisaver/', '/release/roads/', '/speech/housing/']);
  });

  it('ships one index per year and Pagefind’s script once, without its unused interfaces and highlighter', async () => {
    assert.deepEqual(index.indexes, ['2024', '2023']);
    const files = [...(await readTree(path.join(root, 'public/pagefind'))).keys()];
    const runtime = files.filter((file) => !/^\d{4}\//.test(file) && !/^(?:index|fragment)\//.test(file));
    assert.deepEqual(runtime.map((file) => file.replace(/_[0-9a-f]+\.pf_meta$/, '_HASH.pf_meta')), ['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.en-nz_HASH.pf_meta', 'pagefind.js', 'wasm.en-nz.pagefind']);
    for (const year of ['2023', '2024']) {
      const own = files.filter((file) => file.startsWith(`${year}/`)).map((file) => file.slice(5).split('/')[0]!.replace(/_[0-9a-f]+\.pf_meta$/, '_HASH.pf_meta'));
      assert.deepEqual([...new Set(own)], ['filter', 'fragment', 'index', 'pagefind-entry.json', 'pagefind.en-nz_HASH.pf_meta']);
    }
    assert.match(await readFile(path.join(root, 'public/search/index.html'), 'utf8'), /data-bundle="\/pagefind\/pagefind\.js" data-indexes="2024 2023"/);
  });
});

describe('the search index under a base path', () => {
  it('links results below the base path', async () => {
    const root = await makeProject({ 'seeds/a.md': release({ slug: 'hello' }, 'A word: Ōtautahi.\n') }, { settings: { baseUrl: 'https://example.test/news/' } });
    try {
      assert.equal((await build({ root })).ok, true);
      const index = await openSearchIndex(path.join(root, 'public'), '/news/');
      try {
        assert.deepEqual(await index.search('Ōtautahi'), ['/news/release/hello/']);
      } finally {
        await index.close();
      }
    } finally {
      await removeProject(root);
    }
  });
});

describe('the search index of a year too large for one index', () => {
  it('is split into parts of whole months, searched together and in date order across them', async () => {
    // One release more than an index holds, spread over the year's days: two parts, January to June and July on.
    const dateOf = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10);
    const files = Object.fromEntries(
      Array.from({ length: SEARCH_INDEX_PAGES + 1 }, (_, i) => {
        const date = dateOf(i);
        const word = { 0: 'Takitimu', 200: 'Whanganui' }[i] ?? 'Kiwisaver';
        return [`seeds/r${i}.md`, release({ slug: `r${i}`, date }, `A release about ${word}.\n`)];
      }),
    );
    const root = await makeProject(files);
    try {
      const result = await build({ root });
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      const index = await openSearchIndex(path.join(root, 'public'));
      try {
        assert.deepEqual(index.indexes, ['2024-07', '2024-01']);
        assert.match(await readFile(path.join(root, 'public/search/index.html'), 'utf8'), /data-indexes="2024-07 2024-01"/);
        // r0 is dated 1 January, r200 18 July: each in its own part.
        assert.deepEqual(await index.search('Takitimu'), ['/release/r0/']);
        assert.deepEqual(await index.search('Whanganui'), ['/release/r200/']);
        const newest = await index.search(null, { sort: { date: 'desc' } });
        assert.equal(newest.length, SEARCH_INDEX_PAGES + 1);
        const dates = newest.map((found) => dateOf(Number(/\/r(\d+)\//.exec(found)![1])));
        assert.deepEqual(dates, [...dates].sort().reverse());
        assert.deepEqual([dates[0], dates.at(-1)], ['2024-12-31', '2024-01-01']);
      } finally {
        await index.close();
      }
    } finally {
      await removeProject(root);
    }
  });
});
