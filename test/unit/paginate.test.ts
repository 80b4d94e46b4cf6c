import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paginate } from '../../src/render/paginate.js';

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
});
