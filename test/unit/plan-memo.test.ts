import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleSite } from '../../src/assemble/assemble-site.js';
import { createPlanMemo, planPages, type PlanMemo } from '../../src/render/plan-pages.js';
import type { PagePlan, RenderedRelease, Settings } from '../../src/types.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

/** Seven releases over two ministers, portfolios and years, paginated by 2 so listings span several pages. */
const RELEASES = Array.from({ length: 7 }, (_, i) =>
  renderedRelease({
    slug: `r${i}`,
    date: `${i < 4 ? 2024 : 2023}-0${1 + (i % 6)}-1${i}`,
    ministers: [i % 2 ? 'Hon Jane Example' : 'Hon Tama Whanau'],
    portfolios: [i % 3 ? 'Finance' : 'Health'],
  }),
);

const plan = (releases: RenderedRelease[], memo?: PlanMemo, site: Settings = settings({ pageSize: 2, feedSize: 3 })) => planPages(assembleSite(releases, site), memo).pages;
/** Paths of the plans that are new objects rather than last time's. */
const remade = (before: PagePlan[], after: PagePlan[]) => {
  const old = new Set(before);
  return after.filter((page) => !old.has(page)).map((page) => page.path).sort();
};

describe('planPages with a memo (dev mode)', () => {
  it('hands back the same plan objects when nothing changed', () => {
    const memo = createPlanMemo();
    const first = plan(RELEASES, memo);
    const second = plan([...RELEASES], memo);
    // Index pages and the crawler files are cheap and always planned again; every page of releases is reused.
    assert.deepEqual(remade(first, second), ['404.html', 'accessibility/index.html', 'archive/index.html', 'minister/index.html', 'portfolio/index.html', 'robots.txt', 'search/index.html'].sort());
  });

  it('re-plans only what shows an edited release, and equals a plan made without a memo', () => {
    const memo = createPlanMemo();
    const first = plan(RELEASES, memo);
    const edited = RELEASES.map((r) => (r.slug === 'r5' ? { ...r, title: 'Renamed' } : r));
    const second = plan(edited, memo);
    assert.deepEqual(second, plan(edited));
    const changed = remade(first, second).filter((path) => !/^(404|robots|search|accessibility|archive|minister\/index|portfolio\/index)/.test(path));
    // Newest first the order is r3 r2 r1 r0 r5 r4 r6: r5's page, its neighbours' (r0, r4), the one page of each listing
    // that shows it (home, Jane, Finance, 2023, press releases) and the feeds among whose newest three it is (Jane's,
    // Finance's) are planned again; the other pages and feeds of those listings, and Health and Tama, are not.
    assert.deepEqual(changed, [
      '2023/index.html', 'minister/jane-example/feed.xml', 'minister/jane-example/page/2/index.html', 'page/3/index.html',
      'portfolio/finance/feed.xml', 'portfolio/finance/page/2/index.html', 'release/page/3/index.html',
      'release/r0/index.html', 'release/r4/index.html', 'release/r5/index.html',
    ]);
  });

  it('re-plans every page of a listing whose count, date or description changed', () => {
    const memo = createPlanMemo();
    const first = plan(RELEASES, memo);
    const added = [...RELEASES, renderedRelease({ slug: 'r7', date: '2022-01-01', ministers: ['Hon Tama Whanau'], portfolios: ['Health'] })];
    const second = plan(added, memo);
    assert.deepEqual(second, plan(added));
    // The home listing counts one more release on every page, and r7 is the oldest: all four of its pages are new.
    assert.deepEqual(remade(first, second).filter((path) => /^(index|page\/)/.test(path)), ['index.html', 'page/2/index.html', 'page/3/index.html', 'page/4/index.html']);
  });

  it('forgets everything when the settings or the names of groupings change', () => {
    const memo = createPlanMemo();
    const first = plan(RELEASES, memo);
    const retitled = plan(RELEASES, memo, settings({ pageSize: 2, feedSize: 3, title: 'Another title' }));
    assert.deepEqual(retitled, plan(RELEASES, undefined, settings({ pageSize: 2, feedSize: 3, title: 'Another title' })));
    assert.equal(retitled.filter((page) => first.includes(page)).length, 0);
    const renamed = RELEASES.map((r) => (r.slug === 'r2' ? { ...r, ministers: ['Rt Hon Tama Whanau'] } : r));
    const second = plan(renamed, memo, settings({ pageSize: 2, feedSize: 3, title: 'Another title' }));
    assert.deepEqual(second, plan(renamed, undefined, settings({ pageSize: 2, feedSize: 3, title: 'Another title' })));
    // Every release page names its minister as the newest release does, so a new form of a name re-plans them all.
    assert.ok(second.filter((page) => page.template === 'release').every((page) => !retitled.includes(page)));
  });
});
