import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { CLI, makeProject, readTree, release, removeProject } from '../helpers/project.js';

const SECRET = 'Zebracrossing budget secret';

describe('embargoes and drafts', () => {
  let root: string;
  before(async () => {
    root = await makeProject({
      'seeds/open.md': release({ title: '"Open release"' }),
      'seeds/secret.md': release({ title: `"${SECRET}"`, date: '2024-07-13', embargo: '2024-07-13T06:00:00+12:00', ministers: '\n  - Hon Only Embargoed', portfolios: '\n  - Secret Portfolio', type: 'speech' }),
      'seeds/local.md': release({ title: '"Local time embargo"', date: '2024-07-14', embargo: '"2024-07-14T09:30"' }),
      'seeds/draft.md': release({ title: '"Draft thing"', draft: 'true' }),
    });
  });
  after(() => removeProject(root));

  const buildAt = async (now: string, drafts = false) => {
    const result = await build({ root, now: new Date(now), drafts });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    return { result, tree: await readTree(path.join(root, 'public')) };
  };
  const mentions = (tree: Map<string, string>, text: string) => [...tree].filter(([, content]) => content.includes(text)).map(([file]) => file);

  it('leaves an embargoed release out of every output file before it lifts, and names the next embargo', async () => {
    const { result, tree } = await buildAt('2024-07-13T05:59:59+12:00');
    assert.deepEqual(mentions(tree, SECRET), []);
    assert.deepEqual(mentions(tree, 'only-embargoed'), []);
    assert.deepEqual(mentions(tree, 'Secret Portfolio'), []);
    assert.ok(!tree.has('speech/index.html'), 'a type with only an embargoed release has no listing yet');
    assert.deepEqual(result.nextEmbargo, { file: 'seeds/secret.md', at: Date.parse('2024-07-12T18:00:00Z'), local: '2024-07-13T06:00:00+12:00' });
    assert.equal(result.stats.withheld, 3);
  });

  it('publishes it everywhere once "now" passes the embargo', async () => {
    const { result, tree } = await buildAt('2024-07-13T06:00:00+12:00');
    assert.match(tree.get('speech/secret/index.html') ?? '', new RegExp(SECRET));
    for (const file of ['index.html', 'feed.xml', 'sitemap.xml', 'minister/only-embargoed/index.html', 'portfolio/secret-portfolio/feed.xml', 'speech/feed.xml']) {
      assert.ok(mentions(tree, SECRET).includes(file) || (tree.get(file) ?? '').includes('speech/secret/'), `${file} should list it`);
    }
    assert.deepEqual(result.nextEmbargo, { file: 'seeds/local.md', at: Date.parse('2024-07-13T21:30:00Z'), local: '2024-07-14T09:30:00+12:00' });
  });

  it('reads an embargo without an offset in the site time zone (NZST, +12:00)', async () => {
    const before = await buildAt('2024-07-14T09:29:00+12:00');
    assert.ok(!before.tree.has('release/local/index.html'));
    const afterLift = await buildAt('2024-07-13T21:30:00Z');
    assert.ok(afterLift.tree.has('release/local/index.html'));
    assert.equal(afterLift.result.nextEmbargo, undefined);
  });

  it('holds every embargo when the library is given no "now"', async () => {
    const result = await build({ root });
    assert.equal(result.ok, true);
    const tree = await readTree(path.join(root, 'public'));
    assert.deepEqual(mentions(tree, SECRET), []);
  });

  it('leaves drafts out unless drafts are asked for', async () => {
    const without = await buildAt('2030-01-01T00:00:00Z');
    assert.deepEqual(mentions(without.tree, 'Draft thing'), []);
    const withDrafts = await buildAt('2030-01-01T00:00:00Z', true);
    assert.match(withDrafts.tree.get('release/draft/index.html') ?? '', /<meta name="robots" content="noindex">/);
    assert.ok(!(withDrafts.tree.get('sitemap.xml') ?? '').includes('release/draft/'));
    assert.ok((withDrafts.tree.get('feed.xml') ?? '').includes('Draft thing'));
  });

  it('prints the next embargo, and the whole summary with --json', () => {
    const plain = spawnSync(process.execPath, [CLI, 'build', '--now', '2024-07-01T00:00:00Z'], { cwd: root, encoding: 'utf8' });
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /the next embargo lifts at 2024-07-13T06:00:00\+12:00 \(2024-07-12T18:00:00\.000Z, seeds\/secret\.md\)/);
    const json = spawnSync(process.execPath, [CLI, 'build', '--json', '--now', '2024-07-01T00:00:00Z'], { cwd: root, encoding: 'utf8' });
    assert.equal(json.status, 0, json.stderr);
    const summary = JSON.parse(json.stdout);
    assert.deepEqual(summary.nextEmbargo, { file: 'seeds/secret.md', at: '2024-07-12T18:00:00.000Z', local: '2024-07-13T06:00:00+12:00' });
    assert.equal(summary.counts.releases, 1);
    assert.ok(summary.pages.includes('release/open/index.html'));
    assert.ok(!summary.pages.includes('speech/secret/index.html'));
    assert.deepEqual(summary.problems, []);
  });

  it('refuses a --now without an offset', () => {
    const run = spawnSync(process.execPath, [CLI, 'build', '--now', '2024-07-01T00:00'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--now "2024-07-01T00:00" is not a date and time/);
  });
});
