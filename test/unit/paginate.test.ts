import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageLinks, paginate } from '../../src/render/paginate.js';

describe('paginate', () => {
  it('splits a listing into pages with previous and next links', () => {
    const pages = paginate([1, 2, 3, 4, 5], 'minister/x/', 2);
    assert.deepEqual(pages.map((p) => [p.number, p.path, p.items, p.previous, p.next]), [
      [1, 'minister/x/', [1, 2], undefined, 'minister/x/page/2/'],
      [2, 'minister/x/page/2/', [3, 4], 'minister/x/', 'minister/x/page/3/'],
      [3, 'minister/x/page/3/', [5], 'minister/x/page/2/', undefined],
    ]);
    assert.ok(pages.every((p) => p.total === 3 && p.pages.length === 3));
    assert.ok(!('previous' in pages[0]!) && !('next' in pages[2]!));
  });

  it('gives the home listing page/2/ below the root', () => {
    assert.deepEqual(paginate([1, 2], '', 1).map((p) => p.path), ['', 'page/2/']);
  });

  it('keeps one page for an empty listing, and one for an exact fit', () => {
    assert.deepEqual(paginate([], 'x/', 20).map((p) => [p.items, p.total]), [[[], 1]]);
    assert.equal(paginate([1, 2], 'x/', 2).length, 1);
  });

  it('links the first and last pages, this page and its neighbours, with a gap for each run of skipped pages', () => {
    const shown = (number: number, total: number) => pageLinks(number, total).map((page) => (page.gapBefore ? `… ${page.number}` : page.number)).join(' ');
    assert.equal(shown(1, 1), '1');
    assert.equal(shown(3, 5), '1 2 3 4 5');
    assert.equal(shown(1, 10), '1 2 … 10');
    assert.equal(shown(3, 10), '1 2 3 4 … 10');
    assert.equal(shown(4, 10), '1 2 3 4 5 … 10', 'a gap of one page shows the page instead');
    assert.equal(shown(5, 10), '1 … 4 5 6 … 10');
    assert.equal(shown(10, 10), '1 … 9 10');
    assert.equal(shown(1775, 3550), '1 … 1774 1775 1776 … 3550');
  });

  it('gives each page its own links, marking each link that follows a gap, so a template made for links still works', () => {
    const fifth = paginate(Array.from({ length: 100 }, (_, i) => i), 'x/', 10)[4]!;
    assert.deepEqual(fifth.pages, [
      { number: 1, path: 'x/' },
      { number: 4, path: 'x/page/4/', gapBefore: true },
      { number: 5, path: 'x/page/5/' },
      { number: 6, path: 'x/page/6/' },
      { number: 10, path: 'x/page/10/', gapBefore: true },
    ]);
  });
});
