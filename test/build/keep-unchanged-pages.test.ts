/** A warm build keeps the pages whose inputs did not change instead of rendering them again, and stays exact. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { build, type BuildResult } from '../../src/pipeline.js';
import { makeProject, readTreeBytes, release, removeProject } from '../helpers/project.js';

let root: string;
const out = () => path.join(root, 'public');

/** The files a build renders from page plans: everything but the assets and the search index. */
const renderedFiles = (result: BuildResult) => result.pages.filter((page) => !page.startsWith('assets/') && !page.startsWith('pagefind/'));

/** Builds the same project from scratch into another folder, for a byte-for-byte comparison. */
async function freshBuild(): Promise<Map<string, Buffer>> {
  const fresh = path.join(root, 'fresh');
  await rm(fresh, { recursive: true, force: true });
  assert.equal((await build({ root, out: 'fresh', cache: false })).ok, true);
  const tree = await readTreeBytes(fresh);
  await rm(fresh, { recursive: true, force: true });
  return tree;
}

describe('keeping unchanged pages on a warm build', () => {
  beforeEach(async () => {
    if (root) await removeProject(root);
    root = await makeProject({
      'seeds/a.md': release({ title: '"Rail freight"', date: '2024-07-10' }, 'See also [school lunches](/release/b/).\n'),
      'seeds/b.md': release({ title: '"School lunches"', date: '2024-07-11' }),
      'seeds/c.md': release({ title: '"Marine reserve"', date: '2024-07-12', ministers: '\n  - Hon Other Person' }),
    });
    const first = await build({ root });
    assert.equal(first.ok, true);
    assert.equal(first.stats.unchanged, 0, 'a build without a last build keeps nothing');
  });
  after(() => removeProject(root));

  it('keeps every page when nothing changed, and renders again only what an edit touches', async () => {
    const again = await build({ root });
    assert.equal(again.ok, true);
    assert.equal(again.stats.unchanged, renderedFiles(again).length);

    await appendFile(path.join(root, 'seeds/c.md'), '\nA late addition.\n');
    const edited = await build({ root });
    assert.equal(edited.ok, true);
    assert.ok(edited.stats.unchanged > 0 && edited.stats.unchanged < renderedFiles(edited).length, `kept ${edited.stats.unchanged}`);
    assert.match(await readFile(path.join(out(), 'release/c/index.html'), 'utf8'), /A late addition\./);
    assert.deepEqual(await readTreeBytes(out()), await freshBuild());
  });

  it('renders a kept page again when its file in the output was edited by hand', async () => {
    await writeFile(path.join(out(), 'release/b/index.html'), 'edited by hand');
    const again = await build({ root });
    assert.equal(again.stats.unchanged, renderedFiles(again).length - 1);
    assert.deepEqual(await readTreeBytes(out()), await freshBuild());
  });

  it('renders every page again when a template changes', async () => {
    await appendFile(path.join(root, 'templates/layout.eta'), '\n<%/* changed */%>\n');
    const again = await build({ root });
    assert.equal(again.ok, true);
    assert.equal(again.stats.unchanged, 0);
  });

  it('removes a deleted release\'s pages when the output\'s folders are taken from the manifest, not read', async () => {
    // As if the last build had finished a minute later: every output folder changed well before, so none is read.
    const manifestFile = path.join(root, 'node_modules/.cache/pressroom/output.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { writtenAt: number };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, writtenAt: manifest.writtenAt + 60_000 }));
    await rm(path.join(root, 'seeds/c.md'));
    const untouched = (await stat(path.join(out(), 'release/a/index.html'))).ino;
    const again = await build({ root });
    assert.equal(again.ok, true);
    assert.equal((await stat(path.join(out(), 'release/a/index.html'))).ino, untouched, 'the output was updated in place');
    assert.equal(existsSync(path.join(out(), 'release/c')), false);
    assert.deepEqual(await readTreeBytes(out()), await freshBuild());
  });

  it('checks every page again when a page is gone, so a kept page cannot keep a link to it', async () => {
    await rm(path.join(root, 'seeds/b.md'));
    const gone = await build({ root });
    assert.equal(gone.ok, false);
    assert.ok(
      gone.problems.some((problem) => problem.file === 'public/release/a/index.html' && problem.message.includes('"/release/b/"')),
      gone.problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n'),
    );
    assert.equal(gone.stats.unchanged, 0);
  });
});
