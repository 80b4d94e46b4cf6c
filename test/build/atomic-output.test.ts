/** The output folder is replaced whole, and only by a build that succeeded: a failed one leaves it byte for byte. */
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTreeBytes, release, removeProject } from '../helpers/project.js';

describe('the output folder across builds', () => {
  let root: string;
  let publicDir: string;
  let first: Map<string, Buffer>;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release(), 'seeds/b.md': release({ date: '2024-08-01', portfolios: '\n  - Health' }) });
    publicDir = path.join(root, 'public');
    assert.equal((await build({ root })).ok, true);
    first = await readTreeBytes(publicDir);
    assert.ok(first.has('release/b/index.html') && first.has('portfolio/health/index.html'));
  });
  after(() => removeProject(root));

  it('is left exactly as it was when a release has an error', async () => {
    await writeFile(path.join(root, 'seeds/c.md'), release({ date: '2024-13-01' }));
    const result = await build({ root });
    assert.equal(result.ok, false);
    assert.deepEqual(await readTreeBytes(publicDir), first);
    await rm(path.join(root, 'seeds/c.md'));
  });

  it('is left exactly as it was when a template fails', async () => {
    const listing = path.join(root, 'templates/listing.eta');
    const original = await readFile(listing);
    await writeFile(listing, '<%= it.no.such.thing %>');
    try {
      const result = await build({ root });
      assert.equal(result.ok, false);
      assert.match(result.problems[0]?.message ?? '', /failed/);
      assert.deepEqual(await readTreeBytes(publicDir), first);
    } finally {
      await writeFile(listing, original);
    }
  });

  it('loses the pages of a deleted release, and anything else left in it, on the next build', async () => {
    await rm(path.join(root, 'seeds/b.md'));
    await writeFile(path.join(publicDir, 'stale.html'), 'left behind');
    assert.equal((await build({ root })).ok, true);
    const files = [...(await readTreeBytes(publicDir)).keys()];
    for (const gone of ['release/b/index.html', 'portfolio/health/index.html', 'stale.html']) assert.ok(!files.includes(gone), `${gone} is still there`);
    assert.ok(files.includes('release/a/index.html'));
  });

  it('refuses an output folder that is the project or holds its sources, and deletes nothing', async () => {
    const before_ = await readTreeBytes(root);
    for (const [out, shown, held] of [['.', '.', '.'], ['seeds', 'seeds', 'seeds'], ['..', '..', '.']]) {
      const result = await build({ root, out });
      assert.equal(result.ok, false);
      assert.deepEqual(result.problems.map((p) => `${p.file} ${p.message}`), [
        `${shown} cannot be the output folder: it is or holds ${held}, and the output folder is replaced whole on every build; choose an empty or separate folder such as "public"`,
      ]);
    }
    assert.deepEqual(await readTreeBytes(root), before_);
  });

  it('leaves no staging or old folder behind', async () => {
    assert.deepEqual((await readdir(root)).filter((name) => name.startsWith('.pressroom-')), []);
  });
});
