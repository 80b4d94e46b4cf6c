/**
 * A release's date never shifts with the time zone of the machine that builds: the same site comes out under
 * TZ=UTC, America/Los_Angeles (behind UTC) and Pacific/Kiritimati (UTC+14), dated in the site's own zone.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeProject, readTreeBytes, release, removeProject, runCli } from '../helpers/project.js';

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

describe('dates under any machine time zone', () => {
  let root: string;
  const trees = new Map<string, Map<string, Buffer>>();
  before(async () => {
    root = await makeProject({
      // A bare date that a local-time reading of "UTC midnight" would move to 31 December in Los Angeles.
      'seeds/new-year.md': release({ date: '2024-01-01' }),
      // 23:30 in Auckland: still 12 July there, though already the 12th in UTC and the 13th in Kiritimati.
      'seeds/late.md': release({ date: '2024-07-12T23:30:00+12:00' }),
      // 12:30 UTC is 00:30 on 13 July in Auckland.
      'seeds/after-midnight.md': release({ date: '2024-07-12T12:30:00Z' }),
      // 23:59 on New Year's Eve in Hawaii is 22:59 on New Year's Day in Auckland: a new year's archive.
      'seeds/hawaii.md': release({ date: '"2024-12-31T23:59:00-10:00"' }),
    });
    const runs = await Promise.all(ZONES.map((zone) => runCli(['build', '--out', `out-${zone.replace('/', '-')}`], root, { TZ: zone })));
    for (const [index, zone] of ZONES.entries()) {
      assert.equal(runs[index]!.code, 0, runs[index]!.stderr);
      trees.set(zone, await readTreeBytes(path.join(root, `out-${zone.replace('/', '-')}`)));
    }
  });
  after(() => removeProject(root));

  it('builds byte-identical sites', () => {
    for (const zone of ZONES.slice(1)) assert.deepEqual(trees.get(zone), trees.get('UTC'), zone);
  });

  for (const zone of ZONES) {
    it(`dates every release in the site's time zone under TZ=${zone}`, () => {
      const tree = trees.get(zone)!;
      const time = (file: string) => /<time datetime="[^"]*">[^<]*<\/time>/.exec(tree.get(`release/${file}/index.html`)?.toString('utf8') ?? '')?.[0];
      assert.equal(time('new-year'), '<time datetime="2024-01-01">1 January 2024</time>');
      assert.equal(time('late'), '<time datetime="2024-07-12">12 July 2024</time>');
      assert.equal(time('after-midnight'), '<time datetime="2024-07-13">13 July 2024</time>');
      assert.equal(time('hawaii'), '<time datetime="2025-01-01">1 January 2025</time>');
      assert.ok(tree.has('2025/index.html') && tree.has('2024/index.html') && !tree.has('2023/index.html'));
    });
  }
});
