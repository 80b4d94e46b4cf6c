import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, check } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { makeProject, release, removeProject, REPO_ROOT } from '../helpers/project.js';

describe('problems with the publishing fields and settings', () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map(removeProject)));

  it('names file, line and field for every bad embargo, draft, correction and withdrawal', async () => {
    const root = await makeProject({
      'seeds/a.md': release({ embargo: '2024-07-12', draft: '"yes"' }),
      'seeds/b.md': release({ embargo: '2024-07-12T25:00:00+12:00', updated: '2024-07-01', update_note: 'Too early' }),
      'seeds/c.md': release({ updated: '2024-07-13' }),
      'seeds/d.md': release({ updates: '\n  - date: 2024-07-13\n  - date: 2024-02-30\n    note: Bad day', withdrawn: '"yes"' }),
      'seeds/e.md': release({ withdrawn: '\n  date: 2024-07-13' }),
    }, { settings: { title: 'T', feedSize: 0, publisher: 3 } });
    roots.push(root);
    const result = await check({ root, now: new Date('2025-01-01T00:00:00Z') });
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(formatProblem), [
      'package.json:6 pressroom.feedSize: expected a whole number from 1 to 1000, got the number 0',
      'package.json:7 pressroom.publisher: expected non-empty text, got the number 3',
      'seeds/a.md:8 embargo: expected a date and time such as 2024-07-12T06:00:00+12:00, or 2024-07-12T06:00 for that time in the site\'s time zone; got "2024-07-12"; a date alone does not say when in the day, so add the time',
      'seeds/a.md:9 draft: expected true or false, got the text "yes"',
      'seeds/b.md:8 embargo: "2024-07-12T25:00:00+12:00" is not a real date and time: the hour must be 00 to 23',
      'seeds/b.md:9 updated: 2024-07-01 is before the release\'s date, 2024-07-12; a correction or withdrawal comes on or after it',
      'seeds/c.md:8 updated: needs an "update_note" line saying what was corrected, such as "update_note: Corrected the funding figure"',
      'seeds/d.md:9 updates.0: item 1 should have a "date" (such as 2024-07-13) and a "note" saying what was corrected; got a mapping of keys to values',
      'seeds/d.md:10 updates.1: "2024-02-30" is not a real date: month 2 of 2024 has 29 days',
      'seeds/d.md:12 withdrawn: expected "date" and "reason" lines below it, such as\n  withdrawn:\n    date: 2024-07-14\n    reason: It announced a decision not yet made; got the text "yes"',
      'seeds/e.md:8 withdrawn.reason: expected "date" and "reason" lines below it, such as\n  withdrawn:\n    date: 2024-07-14\n    reason: It announced a decision not yet made; the reason is nothing',
    ]);
  });
});

describe('the default site from seeds/', () => {
  it('builds with feeds, sitemap, robots.txt and a 404 page, and no broken links', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pressroom-seeds-'));
    try {
      const result = await build({ root: REPO_ROOT, out, now: new Date('2026-01-01T00:00:00Z') });
      assert.deepEqual(result.problems, []);
      for (const file of ['feed.xml', 'sitemap.xml', 'robots.txt', '404.html', 'release/feed.xml', 'speech/feed.xml']) assert.ok(result.pages.includes(file), file);
      assert.ok(result.stats.feeds > 10);
    } finally {
      await removeProject(out);
    }
  });
});
