import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleSite } from '../../src/assemble/assemble-site.js';
import { reassembleSite } from '../../src/assemble/reassemble-site.js';
import type { IsoDate, RenderedRelease } from '../../src/types.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

/** A small deterministic generator (mulberry32), so a failure always replays. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const MINISTERS = ['Hon Jane Example', 'Rt Hon Jane Example', 'Hon Tama Whanau', 'Hon Ana Lee', 'Dr Ana Lee'];
const PORTFOLIOS = ['Finance', 'Health', 'Education', 'Te Ao Māori'];
const TYPES = ['release', 'speech', 'feature'];
const DATES = ['2022-03-01', '2023-05-01', '2023-05-02', '2024-07-12', '2024-07-13'];

function randomRelease(pick: (n: number) => number, slug: string): RenderedRelease {
  const some = (pool: string[]) => [pool[pick(pool.length)]!, ...(pick(4) === 0 ? [pool[pick(pool.length)]!] : [])];
  return renderedRelease({
    slug,
    title: `Release ${slug} ${pick(1000)}`,
    date: DATES[pick(DATES.length)]!,
    type: TYPES[pick(TYPES.length)]!,
    ministers: some(MINISTERS),
    portfolios: some(PORTFOLIOS),
    ...(pick(6) === 0 ? { withdrawn: { date: '2024-08-01' as IsoDate, reason: 'Issued in error.' } } : {}),
  });
}

describe('reassembleSite', () => {
  it('equals assembleSite after every one of many random edits, additions and removals', () => {
    const pick = random(7);
    let releases = Array.from({ length: 30 }, (_, i) => randomRelease(pick, `r${i}`));
    const assemble = reassembleSite();
    let next = 30;
    for (let step = 0; step < 400; step++) {
      const action = pick(10);
      releases = [...releases];
      if (action < 7 && releases.length > 0) {
        const at = pick(releases.length);
        releases[at] = randomRelease(pick, releases[at]!.slug);
      } else if (action < 9 || releases.length === 0) {
        releases.splice(pick(releases.length + 1), 0, randomRelease(pick, `r${next++}`));
      } else {
        releases.splice(pick(releases.length), 1);
      }
      assert.deepEqual(assemble(releases, settings()), assembleSite(releases, settings()), `step ${step}`);
    }
  });

  it('keeps every list an edit does not touch as the very same array, for the planner to reuse by identity', () => {
    const releases = [
      renderedRelease({ slug: 'a', date: '2024-07-12', ministers: ['Hon Jane Example'], portfolios: ['Finance'] }),
      renderedRelease({ slug: 'b', date: '2023-01-01', ministers: ['Hon Tama Whanau'], portfolios: ['Health'] }),
    ];
    const assemble = reassembleSite();
    const before = assemble(releases, settings());
    const after = assemble([renderedRelease({ slug: 'a', title: 'Renamed', date: '2024-07-12', ministers: ['Hon Jane Example'], portfolios: ['Finance'] }), releases[1]!], settings());
    assert.deepEqual(after, assembleSite([after.releases[0]!, releases[1]!], settings()));
    assert.notEqual(after.releases, before.releases);
    assert.equal(after.ministers[1]!.releases, before.ministers[1]!.releases, 'Tama Whanau keeps his list');
    assert.equal(after.portfolios[1]!.releases, before.portfolios[1]!.releases, 'Health keeps its list');
    assert.equal(after.years[1]!.releases, before.years[1]!.releases, '2023 keeps its list');
    assert.equal(after.withdrawn, before.withdrawn);
  });
});
