import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { appendFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';

// With Pagefind made unrunnable, a build has a search index only if it reused the last one.
const withoutPagefind = () => {
  process.env.PAGEFIND_BINARY_PATH = path.join(root, 'no-such-pagefind');
};
let root: string;

/** Each search file's inode and modification time: a file kept in place keeps both. */
async function searchFileStamps(): Promise<Map<string, string>> {
  const folder = path.join(root, 'public/pagefind');
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const stamps = await Promise.all(
    files.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const info = await stat(full, { bigint: true });
      return [path.relative(path.join(root, 'public'), full).split(path.sep).join('/'), `${info.ino}:${info.mtimeNs}`] as const;
    }),
  );
  return new Map(stamps);
}

/** The files of one index: a year's folder, or the runtime's files outside the year folders. */
const filesOf = (stamps: Map<string, string>, year: string) => [...stamps].filter(([file]) => file.startsWith(`pagefind/${year}/`));

/** The output of a cache-free build of the same project into another folder, for comparison byte for byte. */
async function freshBuild(): Promise<Map<string, string>> {
  const out = path.join(root, 'fresh');
  const result = await build({ root, out: 'fresh', cache: false });
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  const tree = await readTree(out);
  await rm(out, { recursive: true, force: true });
  return tree;
}

describe('reusing the search indexes of the last build, year by year', () => {
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ title: '"Rail freight"', date: '2022-03-01' }),
      'seeds/b.md': release({ title: '"School lunches"', date: '2023-05-18' }),
      'seeds/c.md': release({ title: '"Port upgrade"', date: '2023-09-02' }),
      'seeds/d.md': release({ title: '"Harbour bridge"', date: '2024-07-12' }),
    });
  });
  afterEach(() => {
    delete process.env.PAGEFIND_BINARY_PATH;
  });
  after(() => removeProject(root));

  it('makes one index per year beside the runtime, and keeps them all when no indexed page changed, byte for byte', async () => {
    const first = await build({ root });
    assert.equal(first.ok, true, JSON.stringify(first.problems));
    assert.deepEqual(first.searchIndexes, { indexed: ['2022', '2023', '2024', 'runtime'], kept: [] });
    const indexed = await readTree(path.join(root, 'public'));
    withoutPagefind();
    const again = await build({ root });
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.searchIndexes, { indexed: [], kept: ['2022', '2023', '2024', 'runtime'] });
    assert.deepEqual(await readTree(path.join(root, 'public')), indexed);
  });

  it('re-indexes only the year of a changed release, leaving the other years’ files in place, as a fresh build would', async () => {
    assert.equal((await build({ root })).ok, true);
    const before = await searchFileStamps();
    await appendFile(path.join(root, 'seeds/a.md'), '\nA late addition about zanzibar.\n');
    const changed = await build({ root });
    assert.equal(changed.ok, true, JSON.stringify(changed.problems));
    assert.deepEqual(changed.searchIndexes, { indexed: ['2022'], kept: ['2023', '2024', 'runtime'] });
    const after = await searchFileStamps();
    for (const year of ['2023', '2024']) {
      assert.ok(filesOf(before, year).length > 0);
      assert.deepEqual(filesOf(after, year), filesOf(before, year), `pagefind/${year}/ was rewritten`);
    }
    assert.notDeepEqual(filesOf(after, '2022'), filesOf(before, '2022'));
    assert.deepEqual(await readTree(path.join(root, 'public')), await freshBuild());
  });

  it('re-indexes a year whose index files were edited since, and only that year', async () => {
    assert.equal((await build({ root })).ok, true);
    await writeFile(path.join(root, 'public/pagefind/2023/pagefind-entry.json'), '{}');
    const repaired = await build({ root });
    assert.deepEqual(repaired.searchIndexes, { indexed: ['2023'], kept: ['2022', '2024', 'runtime'] });
    assert.deepEqual(await readTree(path.join(root, 'public')), await freshBuild());
  });

  it('re-indexes every year, but not the runtime, when a template changes what the indexed pages say', async () => {
    assert.equal((await build({ root })).ok, true);
    const template = path.join(root, 'templates/release.eta');
    await writeFile(template, (await readFile(template, 'utf8')).replace('<article', '<p>Reissued.</p><article'));
    const rebuilt = await build({ root });
    assert.deepEqual(rebuilt.searchIndexes, { indexed: ['2022', '2023', '2024'], kept: ['runtime'] });
    assert.deepEqual(await readTree(path.join(root, 'public')), await freshBuild());
  });

  it('removes a year’s index with its last release, and stops the search page asking for it', async () => {
    assert.equal((await build({ root })).ok, true);
    assert.ok(existsSync(path.join(root, 'public/pagefind/2022')));
    await rm(path.join(root, 'seeds/a.md'));
    const removed = await build({ root });
    assert.equal(removed.ok, true, JSON.stringify(removed.problems));
    assert.equal(existsSync(path.join(root, 'public/pagefind/2022')), false);
    assert.ok(!removed.searchIndexes?.indexed.includes('2022') && !removed.searchIndexes?.kept.includes('2022'));
    assert.match(await readFile(path.join(root, 'public/search/index.html'), 'utf8'), /data-indexes="2024 2023"/);
    assert.deepEqual(await readTree(path.join(root, 'public')), await freshBuild());
  });

  it('leaves no index at all, kept years included, when a year cannot be indexed', async () => {
    assert.equal((await build({ root })).ok, true);
    await appendFile(path.join(root, 'seeds/d.md'), '\nAnother line.\n');
    withoutPagefind();
    const failed = await build({ root });
    assert.equal(failed.ok, true);
    assert.match(failed.problems.map((p) => p.message).join('\n'), /the search index could not be built/);
    assert.equal(existsSync(path.join(root, 'public/pagefind')), false);
    delete process.env.PAGEFIND_BINARY_PATH;
    const recovered = await build({ root });
    assert.deepEqual(recovered.searchIndexes?.kept, []);
    assert.deepEqual(await readTree(path.join(root, 'public')), await freshBuild());
  });

  it('indexes afresh without the cache', async () => {
    assert.equal((await build({ root })).ok, true);
    withoutPagefind();
    assert.match((await build({ root, cache: false })).problems.map((p) => p.message).join('\n'), /the search index could not be built/);
  });
});
