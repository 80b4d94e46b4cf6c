import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';

// With Pagefind made unrunnable, a build has a search index only if it reused the last one.
const withoutPagefind = () => {
  process.env.PAGEFIND_BINARY_PATH = path.join(root, 'no-such-pagefind');
};
let root: string;

describe('reusing the search index of the last build', () => {
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release({ title: 'Rail freight' }), 'seeds/b.md': release({ title: 'School lunches' }) });
  });
  afterEach(() => {
    delete process.env.PAGEFIND_BINARY_PATH;
  });
  after(() => removeProject(root));

  it('takes the index from the output when no indexed page changed, byte for byte', async () => {
    assert.equal((await build({ root })).ok, true);
    const indexed = await readTree(path.join(root, 'public'));
    withoutPagefind();
    const again = await build({ root });
    assert.deepEqual(again.problems, []);
    assert.deepEqual(await readTree(path.join(root, 'public')), indexed);
  });

  it('indexes again when a release changed, and never reuses an index edited since', async () => {
    withoutPagefind();
    await appendFile(path.join(root, 'seeds/a.md'), '\nA late addition.\n');
    const changed = await build({ root });
    assert.match(changed.problems.map((p) => p.message).join('\n'), /the search index could not be built/);
    delete process.env.PAGEFIND_BINARY_PATH;
    assert.equal((await build({ root })).ok, true);
    await writeFile(path.join(root, 'public/pagefind/pagefind-entry.json'), '{}');
    withoutPagefind();
    const tampered = await build({ root });
    assert.match(tampered.problems.map((p) => p.message).join('\n'), /the search index could not be built/);
  });

  it('indexes again when a template changes what the indexed pages say', async () => {
    assert.equal((await build({ root })).ok, true);
    const template = path.join(root, 'templates/release.eta');
    await writeFile(template, (await readFile(template, 'utf8')).replace('<article', '<p>Reissued.</p><article'));
    withoutPagefind();
    assert.match((await build({ root })).problems.map((p) => p.message).join('\n'), /the search index could not be built/);
  });

  it('indexes afresh without the cache', async () => {
    assert.equal((await build({ root })).ok, true);
    withoutPagefind();
    assert.match((await build({ root, cache: false })).problems.map((p) => p.message).join('\n'), /the search index could not be built/);
  });
});
