/** A warm build knows settled release files by their stamps instead of reading them, and still sees every edit. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { cacheFolder } from '../../src/load/read-build-cache.js';
import { readSourceStamps } from '../../src/load/source-stamps.js';
import { build } from '../../src/pipeline.js';
import { makeProject, readTreeBytes, release, removeProject } from '../helpers/project.js';

let root: string;

describe('source stamps across builds', () => {
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ title: '"Rail freight"', date: '2024-07-10' }),
      'seeds/b.md': release({ title: '"School lunches"', date: '2024-07-11' }),
    });
    // Files are stamped only once they have settled: two seconds after they last changed (see source-stamps).
    await sleep(2100);
    assert.equal((await build({ root })).ok, true);
  });
  after(() => removeProject(root));

  it('records a stamp for every settled release file', () => {
    assert.deepEqual([...readSourceStamps(root).keys()].sort(), ['seeds/a.md', 'seeds/b.md']);
  });

  it('reads stamped files when their releases must be rendered, on workers too', async () => {
    await rm(path.join(cacheFolder(root), 'renders'), { recursive: true });
    // Both files go to one worker in one message, so each file's bytes are read while that message is copied.
    const warm = await build({ root, threads: 2 });
    assert.equal(warm.ok, true, JSON.stringify(warm.problems));
    assert.deepEqual([...readSourceStamps(root).keys()].sort(), ['seeds/a.md', 'seeds/b.md'], 'unchanged files keep their stamps');
    assert.match(await readFile(path.join(root, 'public/release/a/index.html'), 'utf8'), /Rail freight/);
  });

  it('sees a file rewritten with the same size and its old mtime put back, and drops its stamp until it settles', async () => {
    const file = path.join(root, 'seeds/b.md');
    const old = await stat(file, { bigint: true });
    const text = await readFile(file, 'utf8');
    const edited = text.replace('School lunches', 'School dinners');
    assert.equal(edited.length, text.length);
    // touch copies a reference's times to the nanosecond, where utimes would round them.
    const reference = path.join(root, 'reference');
    execFileSync('touch', ['-r', file, reference]);
    await writeFile(file, edited);
    execFileSync('touch', ['-m', '-r', reference, file]);
    const now = await stat(file, { bigint: true });
    assert.deepEqual([now.size, now.mtimeNs, now.ino], [old.size, old.mtimeNs, old.ino], 'only the change time tells the edit');

    const warm = await build({ root });
    assert.equal(warm.ok, true);
    assert.match(await readFile(path.join(root, 'public/release/b/index.html'), 'utf8'), /School dinners/);
    assert.deepEqual([...readSourceStamps(root).keys()], ['seeds/a.md'], 'the edited file is read again next time');

    const fresh = await build({ root, out: 'fresh', cache: false });
    assert.equal(fresh.ok, true);
    const [kept, rebuilt] = await Promise.all([readTreeBytes(path.join(root, 'public')), readTreeBytes(path.join(root, 'fresh'))]);
    assert.deepEqual(kept, rebuilt);
  });
});
