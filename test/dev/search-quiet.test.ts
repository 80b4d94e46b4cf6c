import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRebuilder } from '../../src/dev/rebuild.js';
import type { SearchIndexReport } from '../../src/dev/update-search-index.js';
import { devAndFreshTrees } from '../helpers/dev-session.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

describe('dev mode indexes search once the saves pause', () => {
  let root: string;
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ title: '"Alpha"', date: '2024-07-12' }, 'Alpha body.\n'),
      'seeds/b.md': release({ title: '"Bravo"', date: '2024-08-01' }, 'Bravo body.\n'),
    });
  });
  after(() => removeProject(root));

  it('saves in quick succession give one index run, which writes everything the first build owed and equals a fresh build', async () => {
    const runs: SearchIndexReport[] = [];
    // A quiet period no test run outlasts, so the two rebuilds are always within it.
    const rebuilder = createRebuilder({ root }, (report) => runs.push(report), 600_000);
    assert.equal((await rebuilder.rebuild([])).ok, true);
    await writeFile(path.join(root, 'seeds/a.md'), release({ title: '"Alpha"', date: '2024-07-12' }, 'Alpha body, with zanzibar.\n'));
    assert.equal((await rebuilder.rebuild(['seeds/a.md'])).ok, true);
    // Both rebuilds came within the quiet period: nothing has been indexed yet, and waiting starts the one run.
    assert.equal(runs.length, 0);
    await rebuilder.searchIdle();
    assert.equal(runs.length, 1);
    assert.deepEqual(runs[0]!.problems, []);
    const { dev, fresh } = await devAndFreshTrees(root);
    const index = [...fresh.keys()].filter((file) => file.startsWith('pagefind/'));
    assert.ok(index.length > 0);
    assert.equal(runs[0]!.written, index.length);
    for (const file of index) assert.equal(dev.get(file), fresh.get(file), `${file} differs from a fresh build`);
  });
});
