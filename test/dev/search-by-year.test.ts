import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRebuilder } from '../../src/dev/rebuild.js';
import type { SearchIndexReport } from '../../src/dev/update-search-index.js';
import { devAndFreshTrees } from '../helpers/dev-session.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

describe('dev mode re-indexes only the years whose pages changed', () => {
  let root: string;
  const runs: SearchIndexReport[] = [];
  let rebuilder: ReturnType<typeof createRebuilder>;
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ title: '"Alpha"', date: '2022-07-12' }, 'Alpha body.\n'),
      'seeds/b.md': release({ title: '"Bravo"', date: '2023-08-01' }, 'Bravo body.\n'),
      'seeds/c.md': release({ title: '"Charlie"', date: '2024-02-01' }, 'Charlie body.\n'),
    });
    rebuilder = createRebuilder({ root }, (report) => runs.push(report), 600_000);
    assert.equal((await rebuilder.rebuild([])).ok, true);
    await rebuilder.searchIdle();
  });
  after(() => removeProject(root));

  /** The dev output's search files equal a fresh build's, and the fresh build's own folder is removed again. */
  async function assertSameIndexAsFresh(): Promise<void> {
    const { dev, fresh } = await devAndFreshTrees(root);
    await rm(path.join(root, '.fresh-build'), { recursive: true, force: true });
    const search = (tree: Map<string, string>) => [...tree].filter(([file]) => file.startsWith('pagefind/'));
    assert.deepEqual(search(dev), search(fresh));
  }

  it('indexes every year and the runtime on the first run', async () => {
    assert.deepEqual(runs.map((run) => run.indexes), [['2022', '2023', '2024', 'runtime']]);
    await assertSameIndexAsFresh();
  });

  it('indexes one year again when one release in it changes', async () => {
    await writeFile(path.join(root, 'seeds/b.md'), release({ title: '"Bravo"', date: '2023-08-01' }, 'Bravo body, now with zanzibar.\n'));
    assert.equal((await rebuilder.rebuild(['seeds/b.md'])).ok, true);
    await rebuilder.searchIdle();
    assert.deepEqual(runs.at(-1)!.indexes, ['2023']);
    assert.deepEqual(runs.at(-1)!.problems, []);
    await assertSameIndexAsFresh();
  });

  it('moves a release between years, and deletes a year’s index with its last release', async () => {
    await writeFile(path.join(root, 'seeds/a.md'), release({ title: '"Alpha"', date: '2024-05-12' }, 'Alpha body.\n'));
    assert.equal((await rebuilder.rebuild(['seeds/a.md'])).ok, true);
    await rebuilder.searchIdle();
    // Its old and new years at least (a neighbour's page in another year may change too, as its links do).
    assert.ok(runs.at(-1)!.indexes.includes('2022') && runs.at(-1)!.indexes.includes('2024'));
    assert.equal(existsSync(path.join(root, 'public/pagefind/2022')), false);
    await assertSameIndexAsFresh();
  });
});
