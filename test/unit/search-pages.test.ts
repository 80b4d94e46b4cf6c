import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchIndexInputs, searchIndexOfPath, selectSearchPages } from '../../src/render/search-pages.js';
import { pageSources } from '../../src/render/page-sources.js';
import type { PagePlan, Settings } from '../../src/types.js';
import { DEFAULT_SETTINGS } from '../../src/validate/validate-settings.js';

const plan = (path: string, searchIndex?: string, data: Record<string, unknown> = {}): PagePlan => ({ path, template: 'release', source: path, data, ...(searchIndex ? { searchIndex } : {}) });

describe('selectSearchPages', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://example.test/news/', search: 'required' };

  it('takes only the pages the plan puts in an index, whatever else was rendered, each with its index', () => {
    const plans = [plan('index.html'), plan('release/a/index.html', '2024'), plan('release/withdrawn/index.html'), plan('speech/b/index.html', '2023')];
    const files = plans.map((p) => ({ path: p.path, content: `<html>${p.path}</html>` }));
    assert.deepEqual(selectSearchPages(plans, files, settings), {
      pages: [
        { path: 'release/a/index.html', url: '/release/a/', html: '<html>release/a/index.html</html>', index: '2024' },
        { path: 'speech/b/index.html', url: '/speech/b/', html: '<html>speech/b/index.html</html>', index: '2023' },
      ],
      mode: 'required',
    });
  });

  it('skips a searchable page that failed to render', () => {
    assert.deepEqual(selectSearchPages([plan('release/a/index.html', '2024')], [], settings).pages, []);
  });
});

describe('searchIndexInputs', () => {
  const templates = new Map([['release', '<%= it.page.title %>']]);
  const inputs = (plans: PagePlan[], settings: Settings = DEFAULT_SETTINGS) => searchIndexInputs(plans, pageSources(plans, templates, settings, new Map(), 'salt'));
  const site = [plan('release/a/index.html', '2024', { title: 'A' }), plan('index.html'), plan('release/b/index.html', '2023', { title: 'B' }), plan('release/c/index.html', '2023', { title: 'C' })];

  it('counts each index’s pages, in plan order, with or without sources to digest', () => {
    assert.deepEqual([...inputs(site)].map(([name, input]) => [name, input.pages]), [['2024', 1], ['2023', 2]]);
    assert.deepEqual([...searchIndexInputs(site)].map(([name, input]) => [name, input.pages, input.digest]), [['2024', 1, ''], ['2023', 2, '']]);
  });

  it('changes only the digest of the index whose page data changed', () => {
    const before = inputs(site);
    const after = inputs([site[0]!, site[1]!, site[2]!, plan('release/c/index.html', '2023', { title: 'C, corrected' })]);
    assert.equal(after.get('2024')!.digest, before.get('2024')!.digest);
    assert.notEqual(after.get('2023')!.digest, before.get('2023')!.digest);
  });

  it('changes every digest when something every page is made from changes', () => {
    const before = inputs(site);
    const after = inputs(site, { ...DEFAULT_SETTINGS, title: 'Another office' });
    for (const name of ['2024', '2023']) assert.notEqual(after.get(name)!.digest, before.get(name)!.digest);
  });
});

describe('searchIndexOfPath', () => {
  it('tells a year’s files from the runtime’s and from everything else', () => {
    assert.equal(searchIndexOfPath('pagefind/2024/index/en_1.pf_index'), '2024');
    assert.equal(searchIndexOfPath('pagefind/2024-07/index/en_1.pf_index'), '2024-07');
    assert.equal(searchIndexOfPath('pagefind/pagefind.js'), 'runtime');
    assert.equal(searchIndexOfPath('pagefind/index/en_2.pf_index'), 'runtime');
    assert.equal(searchIndexOfPath('release/2024/index.html'), undefined);
  });
});
