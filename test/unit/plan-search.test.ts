import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleSite } from '../../src/assemble/assemble-site.js';
import { createPlanMemo, planPages } from '../../src/render/plan-pages.js';
import { SEARCH_INDEX_PAGES, searchIndexesOf, searchIndexing } from '../../src/render/plan-search.js';
import type { IsoDate, PagePlan, RenderedRelease } from '../../src/types.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

const dated = (dates: string[], fields: Partial<RenderedRelease> = {}) => dates.map((date, i) => renderedRelease({ ...fields, slug: `r${i}-${date}`, date }));
const indexesOf = (plans: readonly PagePlan[]) => Object.fromEntries(plans.filter((plan) => plan.searchIndex !== undefined).map((plan) => [plan.path, plan.searchIndex]));

describe('searchIndexing', () => {
  it('gives a year of up to `most` indexed releases one index, named by the year', () => {
    const indexing = searchIndexing(dated(['2024-01-03', '2024-12-30', '2023-06-01']), 2);
    assert.deepEqual(dated(['2024-01-03', '2024-12-30', '2023-06-01']).map(indexing.indexOf), ['2024', '2024', '2023']);
    assert.equal(indexing.splitYears, '');
  });

  it('splits a larger year into as few parts of whole months as hold `most` each, named by their first month', () => {
    const year = dated(['2024-01-15', '2024-04-30', '2024-05-01', '2024-08-31', '2024-09-01', '2024-12-31']);
    const indexing = searchIndexing([...year, ...dated(['2023-03-03'])], 2);
    // Six releases, at most two an index: three parts, January to April, May to August, September to December.
    assert.deepEqual(year.map(indexing.indexOf), ['2024-01', '2024-01', '2024-05', '2024-05', '2024-09', '2024-09']);
    assert.equal(indexing.indexOf(renderedRelease({ date: '2023-03-03' })), '2023');
    assert.equal(indexing.splitYears, '2024:3');
  });

  it('splits a year into months at most, however many releases a month holds', () => {
    const indexing = searchIndexing(dated(Array.from({ length: 40 }, () => '2024-02-10')), 2);
    assert.equal(indexing.indexOf(renderedRelease({ date: '2024-02-10' })), '2024-02');
    assert.equal(indexing.indexOf(renderedRelease({ date: '2024-11-10' })), '2024-11');
    assert.equal(indexing.splitYears, '2024:12');
  });

  it('counts only the releases that are indexed: not drafts, not withdrawn ones', () => {
    const releases = [
      ...dated(['2024-01-01', '2024-02-01']),
      ...dated(['2024-03-01'], { draft: true }),
      ...dated(['2024-04-01'], { withdrawn: { date: '2024-05-01' as IsoDate, reason: 'In error.' } }),
    ];
    assert.equal(searchIndexing(releases, 2).splitYears, '');
  });
});

describe('the search indexes of planned pages', () => {
  it('lists a split year’s parts newest first, among whole years', () => {
    const plans = ['2023', '2024-01', '2024-09', '2022', '2024-05'].map((searchIndex) => ({ path: `${searchIndex}.html`, template: 'release', source: 's', data: {}, searchIndex }));
    assert.deepEqual(searchIndexesOf(plans), ['2024-09', '2024-05', '2024-01', '2023', '2022']);
  });

  it('puts each release page in its part once its year holds more than SEARCH_INDEX_PAGES, also with the dev memo', () => {
    const year = Array.from({ length: SEARCH_INDEX_PAGES }, (_, i) => renderedRelease({ slug: `r${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-10` }));
    const memo = createPlanMemo();
    const before = indexesOf(planPages(assembleSite(year, settings()), memo).pages);
    assert.equal(before['release/r0/index.html'], '2024');
    assert.equal(before['release/r11/index.html'], '2024');
    // One more release makes two parts: every page of the year moves, not only the new one's.
    const grown = [...year, renderedRelease({ slug: 'one-more', date: '2024-12-31' })];
    const after = indexesOf(planPages(assembleSite(grown, settings()), memo).pages);
    assert.deepEqual(after, indexesOf(planPages(assembleSite(grown, settings())).pages));
    assert.equal(after['release/r0/index.html'], '2024-01');
    assert.equal(after['release/r11/index.html'], '2024-07');
    assert.equal(after['release/one-more/index.html'], '2024-07');
    const search = planPages(assembleSite(grown, settings())).pages.find((plan) => plan.template === 'search')!;
    assert.deepEqual(search.data.indexes, ['2024-07', '2024-01']);
  });

  it('splits a year again with the dev memo when a release moves into it from another year', () => {
    const year = Array.from({ length: SEARCH_INDEX_PAGES }, (_, i) => renderedRelease({ slug: `r${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-10` }));
    const earlier = renderedRelease({ slug: 'moved', date: '2023-12-31' });
    const memo = createPlanMemo();
    assert.equal(indexesOf(planPages(assembleSite([...year, earlier], settings()), memo).pages)['release/r0/index.html'], '2024');
    // The same number of releases, one of them another object with a new title: nothing moves.
    const retitled = { ...earlier, title: 'A new title' };
    assert.equal(indexesOf(planPages(assembleSite([...year, retitled], settings()), memo).pages)['release/r0/index.html'], '2024');
    // The same number again, but one more in 2024.
    const moved = { ...earlier, date: '2024-12-31' as IsoDate };
    const after = indexesOf(planPages(assembleSite([...year, moved], settings()), memo).pages);
    assert.deepEqual(after, indexesOf(planPages(assembleSite([...year, moved], settings())).pages));
    assert.equal(after['release/r0/index.html'], '2024-01');
    assert.equal(after['release/moved/index.html'], '2024-07');
  });
});
