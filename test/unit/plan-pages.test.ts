import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleSite } from '../../src/assemble/assemble-site.js';
import { formatProblem } from '../../src/problems.js';
import { planPages } from '../../src/render/plan-pages.js';
import type { RenderedRelease } from '../../src/types.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

const plan = (releases: RenderedRelease[], pageSize = 20) => planPages(assembleSite(releases, settings({ pageSize })));

describe('planPages', () => {
  it('plans every page type at its path', () => {
    const paths = plan([
      renderedRelease({ slug: 'a', ministers: ['Rt Hon Christopher Luxon'], portfolios: ['Whānau Ora'] }),
      renderedRelease({ slug: 'b', type: 'speech', date: '2023-01-01', ministers: ['Hon Christopher Luxon'] }),
    ]).pages.map((p) => p.path);
    for (const path of [
      'index.html',
      'release/a/index.html',
      'speech/b/index.html',
      'minister/index.html',
      'minister/christopher-luxon/index.html',
      'portfolio/index.html',
      'portfolio/whanau-ora/index.html',
      'portfolio/finance/index.html',
      'archive/index.html',
      '2024/index.html',
      '2023/index.html',
      'release/index.html',
      'speech/index.html',
    ]) {
      assert.ok(paths.includes(path), path);
    }
    assert.equal(new Set(paths).size, paths.length);
  });

  it('paginates every listing by the page size', () => {
    const releases = Array.from({ length: 5 }, (_, i) => renderedRelease({ slug: `r${i}`, date: `2024-07-1${i}` }));
    const paths = plan(releases, 2).pages.map((p) => p.path);
    for (const base of ['', 'minister/jane-example/', 'portfolio/finance/', '2024/', 'release/']) {
      assert.ok(paths.includes(`${base}page/3/index.html`), `${base}page/3/`);
      assert.ok(!paths.includes(`${base}page/4/index.html`), `${base}page/4/`);
    }
  });

  it('links each release to the next older and newer one', () => {
    const pages = plan([renderedRelease({ slug: 'old', date: '2023-01-01' }), renderedRelease({ slug: 'new', date: '2025-01-01' }), renderedRelease({ slug: 'mid', date: '2024-01-01' })]).pages;
    const data = pages.find((p) => p.path === 'release/mid/index.html')!.data as { older?: { path: string }; newer?: { path: string } };
    assert.equal(data.older?.path, 'release/old/');
    assert.equal(data.newer?.path, 'release/new/');
  });

  it('names both files when two releases land on one path', () => {
    const { problems } = plan([
      renderedRelease({ file: 'seeds/2024/first.md', slug: 'same' }),
      renderedRelease({ file: 'seeds/second.md', slug: 'same', date: '2023-01-01' }),
    ]);
    assert.deepEqual(problems.map(formatProblem), [
      'seeds/second.md slug: would be written to release/same/index.html, where seeds/2024/first.md is written already; give one of them another "slug"',
    ]);
  });

  it('keeps a release slugged "page" apart from the paginated type listing', () => {
    const { pages, problems } = plan([renderedRelease({ slug: 'page' }), ...Array.from({ length: 20 }, (_, i) => renderedRelease({ slug: `r${i}` }))]);
    assert.deepEqual(problems, []);
    const paths = pages.map((p) => p.path);
    assert.ok(paths.includes('release/page/index.html') && paths.includes('release/page/2/index.html'));
  });

  it('reports no problem when every path is different', () => {
    assert.deepEqual(plan([renderedRelease({ slug: 'a' }), renderedRelease({ slug: 'a', type: 'speech' })]).problems, []);
  });
});
