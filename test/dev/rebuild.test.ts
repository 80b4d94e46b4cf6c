import assert from 'node:assert/strict';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DevSession } from '../../src/dev/start-dev.js';
import { changeAndWait, devAndFreshTrees, startQuietDev } from '../helpers/dev-session.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';

const JANE = '\n  - Hon Jane Example';
/** The feeds that carry release a's whole body: the site's, its minister's and its portfolio's (and its type's). */
const FEEDS_OF_A = ['feed.xml', 'minister/jane-example/feed.xml', 'portfolio/finance/feed.xml'];
const TAMA = '\n  - Hon Tama Whanau';

/** Three releases: a and c by Jane (Finance), b by Tama (Health); c is the only one from 2023. */
const FILES = {
  'seeds/a.md': release({ title: '"Alpha"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n'),
  'seeds/b.md': release({ title: '"Bravo"', date: '2024-08-01', ministers: TAMA, portfolios: '\n  - Health' }, 'Bravo body.\n'),
  'seeds/c.md': release({ title: '"Charlie"', date: '2023-05-01', ministers: JANE }, 'Charlie body.\n'),
};

describe('pressroom dev rebuilds only what a change touches, and ends up equal to a fresh build', () => {
  let root: string;
  let session: DevSession;
  beforeEach(async () => {
    root = await makeProject(FILES);
    session = await startQuietDev(root);
    assert.equal(session.first.ok, true, JSON.stringify(session.first.problems));
    // The first search index is written in the background; let it land so "before" snapshots hold still.
    await session.searchIdle();
  });
  afterEach(async () => {
    await session.close();
    await removeProject(root);
  });

  const write = (file: string, text: string) => () => writeFile(path.join(root, file), text);
  const assertSameAsFreshBuild = async () => {
    await session.searchIdle();
    const { dev, fresh } = await devAndFreshTrees(root);
    assert.deepEqual([...dev.keys()], [...fresh.keys()]);
    for (const [file, text] of fresh) assert.equal(dev.get(file), text, `${file} differs from a fresh build`);
  };

  it('an edit to the body below the first paragraph rewrites only the release page and the feeds that carry its body', async () => {
    const outcome = await changeAndWait(session, ['seeds/a.md'], write('seeds/a.md', release({ title: '"Alpha"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n\nA new second paragraph.\n')));
    assert.deepEqual(outcome.written, [...FEEDS_OF_A, 'release/a/index.html', 'release/feed.xml'].sort());
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('rebuilds the search index after the pages, in the background, to what a fresh build indexes', async () => {
    const order: string[] = [];
    const indexed = new Promise<void>((resolve) => session.events.once('search', () => {
      order.push('search');
      resolve();
    }));
    session.events.once('rebuild', () => order.push('rebuild'));
    await writeFile(path.join(root, 'seeds/a.md'), release({ title: '"Alpha"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n\nZanzibar.\n'));
    await indexed;
    assert.deepEqual(order, ['rebuild', 'search']);
    await assertSameAsFreshBuild();
  });

  it('a new title rewrites the page, its neighbours and every listing that shows it, and no other', async () => {
    const outcome = await changeAndWait(session, ['seeds/a.md'], write('seeds/a.md', release({ title: '"Alpha renamed"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n')));
    assert.deepEqual(outcome.written, [
      '2024/index.html', 'feed.xml', 'index.html', 'minister/jane-example/feed.xml', 'minister/jane-example/index.html',
      'portfolio/finance/feed.xml', 'portfolio/finance/index.html', 'release/a/index.html', 'release/b/index.html',
      'release/c/index.html', 'release/feed.xml', 'release/index.html',
    ]);
    assert.deepEqual(outcome.deleted, []);
    const { dev } = await devAndFreshTrees(root);
    assert.match(dev.get('release/a/index.html') ?? '', /<h1>Alpha renamed<\/h1>/);
    await assertSameAsFreshBuild();
  });

  it('moving a release to another minister updates both ministers\' pages', async () => {
    const outcome = await changeAndWait(session, ['seeds/a.md'], write('seeds/a.md', release({ title: '"Alpha"', date: '2024-07-12', ministers: TAMA }, 'First paragraph of alpha.\n')));
    assert.deepEqual(outcome.written, [
      '2024/index.html', 'feed.xml', 'index.html', 'minister/index.html', 'minister/jane-example/feed.xml',
      'minister/jane-example/index.html', 'minister/tama-whanau/feed.xml', 'minister/tama-whanau/index.html',
      'portfolio/finance/feed.xml', 'portfolio/finance/index.html', 'release/a/index.html', 'release/feed.xml',
      'release/index.html', 'sitemap.xml',
    ]);
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('a release by a new minister adds their page and updates the index of ministers', async () => {
    const outcome = await changeAndWait(session, ['seeds/d.md'], write('seeds/d.md', release({ title: '"Delta"', date: '2024-09-01', ministers: '\n  - Hon New Person' }, 'Delta body.\n')));
    assert.deepEqual(outcome.written, [
      '2024/index.html', 'archive/index.html', 'feed.xml', 'index.html', 'minister/index.html', 'minister/new-person/feed.xml',
      'minister/new-person/index.html', 'portfolio/finance/feed.xml', 'portfolio/finance/index.html', 'portfolio/index.html',
      'release/b/index.html', 'release/d/index.html', 'release/feed.xml', 'release/index.html', 'search/index.html', 'sitemap.xml',
    ]);
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('deleting a release deletes its page and the year it was alone in', async () => {
    const outcome = await changeAndWait(session, ['seeds/c.md'], () => rm(path.join(root, 'seeds/c.md')));
    assert.deepEqual(outcome.deleted, ['2023/index.html', 'release/c/index.html']);
    assert.deepEqual(outcome.written, [
      'archive/index.html', 'feed.xml', 'index.html', 'minister/index.html', 'minister/jane-example/feed.xml',
      'minister/jane-example/index.html', 'portfolio/finance/feed.xml', 'portfolio/finance/index.html', 'portfolio/index.html',
      'release/a/index.html', 'release/feed.xml', 'release/index.html', 'search/index.html', 'sitemap.xml',
    ]);
    await assertSameAsFreshBuild();
  });

  it('renaming a file moves its page to the new slug', async () => {
    const outcome = await changeAndWait(session, ['seeds/b.md', 'seeds/bravo.md'], () => rename(path.join(root, 'seeds/b.md'), path.join(root, 'seeds/bravo.md')));
    assert.deepEqual(outcome.deleted, ['release/b/index.html']);
    assert.deepEqual(outcome.written, [
      '2024/index.html', 'feed.xml', 'index.html', 'minister/tama-whanau/feed.xml', 'minister/tama-whanau/index.html',
      'portfolio/health/feed.xml', 'portfolio/health/index.html', 'release/a/index.html', 'release/bravo/index.html',
      'release/feed.xml', 'release/index.html', 'sitemap.xml',
    ]);
    await assertSameAsFreshBuild();
  });

  it('a template edit rewrites the pages made with that template and nothing else', async () => {
    const file = path.join(root, 'templates/release.eta');
    const outcome = await changeAndWait(session, ['templates/release.eta'], async () => writeFile(file, `${await readFile(file, 'utf8')}<p class="edited">edited</p>\n`));
    assert.deepEqual(outcome.written, ['release/a/index.html', 'release/b/index.html', 'release/c/index.html']);
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('an asset edit writes the newly hashed file, deletes the old one and rewrites every page that links it', async () => {
    const before = await readTree(path.join(root, 'public'));
    const file = path.join(root, 'templates/assets/site.css');
    const outcome = await changeAndWait(session, ['templates/assets/site.css'], async () => writeFile(file, `${await readFile(file, 'utf8')}\n.edited { color: red; }\n`));
    const oldCss = [...before.keys()].filter((f) => f.startsWith('assets/site.'));
    const pages = [...before.keys()].filter((f) => f.endsWith('.html'));
    assert.deepEqual(outcome.deleted, oldCss);
    assert.equal(outcome.written.filter((f) => f.startsWith('assets/')).length, 1);
    assert.notDeepEqual(outcome.written.filter((f) => f.startsWith('assets/')), oldCss);
    assert.deepEqual(outcome.written.filter((f) => !f.startsWith('assets/')), pages);
    await assertSameAsFreshBuild();
  });

  it('a settings edit rewrites every page and feed, and nothing else', async () => {
    const before = await readTree(path.join(root, 'public'));
    const settings = { title: 'Renamed Press Office', baseUrl: 'https://news.example.test/' };
    const outcome = await changeAndWait(session, ['package.json'], write('package.json', JSON.stringify({ name: 'site', private: true, pressroom: settings }, null, 2)));
    assert.deepEqual(outcome.written, [...before.keys()].filter((f) => f.endsWith('.html') || f.endsWith('feed.xml')));
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('bad YAML writes nothing and reports the problem; fixing it rebuilds as if it had never broken', async () => {
    const before = await readTree(path.join(root, 'public'));
    const broken = await changeAndWait(session, ['seeds/a.md'], write('seeds/a.md', '---\ntitle: "Alpha\ndate: 2024-07-12\n---\n\nBody.\n'));
    assert.equal(broken.events.at(-1)?.ok, false);
    assert.deepEqual(broken.written, []);
    assert.deepEqual(broken.deleted, []);
    assert.ok(broken.events.at(-1)?.problems.some((p) => p.file === 'seeds/a.md' && p.severity === 'error'), JSON.stringify(broken.events.at(-1)?.problems));
    assert.deepEqual(await readTree(path.join(root, 'public')), before);

    const fixed = await changeAndWait(session, ['seeds/a.md'], write('seeds/a.md', release({ title: '"Alpha fixed"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n')));
    assert.equal(fixed.events.at(-1)?.ok, true);
    assert.ok(fixed.written.includes('release/a/index.html'));
    await assertSameAsFreshBuild();
  });

  it('an editor\'s atomic save (write a temp file, rename it over the release) is one ordinary edit', async () => {
    const temp = path.join(root, 'seeds/.a.md.swp');
    const outcome = await changeAndWait(session, ['seeds/a.md'], async () => {
      await writeFile(temp, release({ title: '"Alpha"', date: '2024-07-12', ministers: JANE }, 'First paragraph of alpha.\n\nSaved atomically.\n'));
      await rename(temp, path.join(root, 'seeds/a.md'));
    });
    assert.deepEqual(outcome.written, [...FEEDS_OF_A, 'release/a/index.html', 'release/feed.xml'].sort());
    assert.deepEqual(outcome.deleted, []);
    await assertSameAsFreshBuild();
  });

  it('a folder of releases moved in at once is read whole', async () => {
    const outside = path.join(root, 'incoming');
    await mkdir(outside);
    await writeFile(path.join(outside, 'e.md'), release({ title: '"Echo"', date: '2022-01-05', ministers: TAMA }, 'Echo body.\n'));
    const outcome = await changeAndWait(session, ['seeds/more'], () => rename(outside, path.join(root, 'seeds/more')));
    assert.ok(outcome.written.includes('release/e/index.html') && outcome.written.includes('2022/index.html'), outcome.written.join(', '));
    assert.deepEqual(outcome.deleted, []);
    // The new folder is watched too: an edit inside it, and then removing it, rebuild like any other.
    const edited = await changeAndWait(session, ['seeds/more/e.md'], write('seeds/more/e.md', release({ title: '"Echo edited"', date: '2022-01-05', ministers: TAMA }, 'Echo body.\n')));
    assert.ok(edited.written.includes('release/e/index.html'), edited.written.join(', '));
    const removed = await changeAndWait(session, ['seeds/more'], () => rm(path.join(root, 'seeds/more'), { recursive: true }));
    assert.ok(removed.deleted.includes('release/e/index.html') && removed.deleted.includes('2022/index.html'), removed.deleted.join(', '));
    await assertSameAsFreshBuild();
  });
});
