import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleSite } from '../../src/assemble/assemble-site.js';
import { renderedRelease, settings } from '../helpers/site-data.js';

describe('assembleSite', () => {
  it('sorts releases newest first, then by type and slug, whatever the input order', () => {
    const releases = [
      renderedRelease({ slug: 'b', date: '2024-07-12' }),
      renderedRelease({ slug: 'old', date: '2023-12-31' }),
      renderedRelease({ slug: 'a', date: '2024-07-12', type: 'speech' }),
      renderedRelease({ slug: 'a', date: '2024-07-12' }),
      renderedRelease({ slug: 'new', date: '2025-01-01' }),
    ];
    const order = (input: typeof releases) => assembleSite(input, settings()).releases.map((r) => `${r.type}/${r.slug}`);
    assert.deepEqual(order(releases), ['release/new', 'release/a', 'release/b', 'speech/a', 'release/old']);
    assert.deepEqual(order([...releases].reverse()), order(releases));
  });

  it('merges "Hon" and "Rt Hon" into one minister, shown by the name in the newest release', () => {
    const site = assembleSite(
      [
        renderedRelease({ slug: 'first', date: '2023-01-01', ministers: ['Hon Christopher Luxon'] }),
        renderedRelease({ slug: 'latest', date: '2024-07-12', ministers: ['Rt Hon Christopher Luxon', 'Hon Nicola Willis'] }),
        renderedRelease({ slug: 'middle', date: '2023-06-01', ministers: ['Hon Christopher Luxon'] }),
      ],
      settings(),
    );
    assert.deepEqual(
      site.ministers.map((m) => [m.slug, m.name, m.releases.map((r) => r.slug)]),
      [
        ['christopher-luxon', 'Rt Hon Christopher Luxon', ['latest', 'middle', 'first']],
        ['nicola-willis', 'Hon Nicola Willis', ['latest']],
      ],
    );
  });

  it('sorts ministers A–Z by name without honorifics, not by title', () => {
    const site = assembleSite([renderedRelease({ ministers: ['Rt Hon Zara Able', 'Hon Adam Zed', 'Dr Mere Ōrākei'] })], settings());
    assert.deepEqual(site.ministers.map((m) => m.name), ['Hon Adam Zed', 'Dr Mere Ōrākei', 'Rt Hon Zara Able']);
  });

  it('groups portfolios by slug, macrons and case aside, named as in the newest release', () => {
    const site = assembleSite(
      [
        renderedRelease({ slug: 'x', date: '2023-01-01', portfolios: ['Whanau Ora'] }),
        renderedRelease({ slug: 'y', date: '2024-01-01', portfolios: ['Whānau Ora', 'Arts'] }),
      ],
      settings(),
    );
    assert.deepEqual(site.portfolios.map((p) => [p.slug, p.name, p.releases.length]), [['arts', 'Arts', 1], ['whanau-ora', 'Whānau Ora', 2]]);
  });

  it('groups years newest first and types A–Z, each newest first', () => {
    const site = assembleSite(
      [
        renderedRelease({ slug: 'a', date: '2023-05-01' }),
        renderedRelease({ slug: 'b', date: '2025-01-01', type: 'speech' }),
        renderedRelease({ slug: 'c', date: '2024-01-01' }),
        renderedRelease({ slug: 'd', date: '2024-12-31', type: 'feature' }),
      ],
      settings(),
    );
    assert.deepEqual(site.years.map((y) => [y.slug, y.releases.map((r) => r.slug)]), [['2025', ['b']], ['2024', ['d', 'c']], ['2023', ['a']]]);
    assert.deepEqual(site.types.map((t) => [t.slug, t.releases.map((r) => r.slug)]), [['feature', ['d']], ['release', ['c', 'a']], ['speech', ['b']]]);
  });

  it('gives an empty site for no releases, keeping the release listing the navigation links to', () => {
    const site = assembleSite([], settings());
    assert.deepEqual([site.releases, site.ministers, site.portfolios, site.years], [[], [], [], []]);
    assert.deepEqual(site.types, [{ slug: 'release', releases: [] }]);
  });
});
