/** The warm build's writer: only changed files are written, and a failure while putting them in place undoes itself. */
import assert from 'node:assert/strict';
import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { after, beforeEach, describe, it } from 'node:test';
import { openInPlaceUpdate } from '../../src/write/update-in-place.js';
import { writeSite } from '../../src/write/write-site.js';
import { makeProject, readTreeBytes, removeProject } from '../helpers/project.js';

describe('openInPlaceUpdate', () => {
  let root: string;
  const out = () => path.join(root, 'public');
  const first = [
    { path: 'index.html', content: 'home' },
    { path: 'release/a/index.html', content: 'a' },
    { path: 'release/b/index.html', content: 'b' },
  ];

  beforeEach(async () => {
    if (root) await removeProject(root);
    root = await makeProject({});
  });
  after(() => removeProject(root));

  const update = async (files: { path: string; content: string }[]) => {
    const manifest = await writeSite(out(), first);
    const writer = openInPlaceUpdate(manifest);
    await writer.write(files);
    return { writer, manifest };
  };

  it('rewrites only what changed, removes what is no longer produced and the folders it leaves empty', async () => {
    const { writer } = await update([
      { path: 'index.html', content: 'new home' },
      { path: 'release/a/index.html', content: 'a' },
      { path: 'release/c/index.html', content: 'c' },
    ]);
    const unchanged = await stat(path.join(out(), 'release/a/index.html'));
    const manifest = await writer.commit();
    const tree = await readTreeBytes(out());
    assert.deepEqual([...tree].map(([file, bytes]) => [file, bytes.toString()]), [
      ['index.html', 'new home'],
      ['release/a/index.html', 'a'],
      ['release/c/index.html', 'c'],
    ]);
    assert.deepEqual(await readdir(path.join(out(), 'release')), ['a', 'c']);
    assert.equal((await stat(path.join(out(), 'release/a/index.html'))).ino, unchanged.ino, 'the unchanged file was left where it was');
    assert.deepEqual([...manifest.files.keys()], ['index.html', 'release/a/index.html', 'release/c/index.html']);
    assert.deepEqual((await readdir(root)).filter((name) => name.startsWith('.pressroom-')), []);
  });

  it('rewrites a file edited by hand since the last build, and removes a file the build never made', async () => {
    const manifest = await writeSite(out(), first);
    await writeFile(path.join(out(), 'release/a/index.html'), 'edited by hand, same size? no');
    await writeFile(path.join(out(), 'stray.txt'), 'left by someone');
    const writer = openInPlaceUpdate(manifest);
    await writer.write(first);
    await writer.commit();
    assert.deepEqual([...(await readTreeBytes(out()))].map(([file, bytes]) => [file, bytes.toString()]), first.map((file) => [file.path, file.content]));
  });

  it('rewrites a file edited by hand to the same size with its modification time set back', async () => {
    const manifest = await writeSite(out(), first);
    const file = path.join(out(), 'release/a/index.html');
    // Past a tick of the file system's clock, so the edit's change time is after the last build's end.
    await setTimeout(50);
    await writeFile(file, 'z');
    await utimes(file, new Date('2020-01-01'), new Date('2020-01-01'));
    const writer = openInPlaceUpdate(manifest);
    await writer.write(first);
    await writer.commit();
    assert.equal((await readTreeBytes(out())).get('release/a/index.html')?.toString(), 'a');
  });

  it('takes a folder unchanged since well before the last build finished as the manifest has it, without reading it', async () => {
    const written = await writeSite(out(), first);
    await writeFile(path.join(out(), 'release/a/stray.txt'), 'left by someone');
    // As if the last build had finished a minute from now: every folder, the stray's too, looks settled since.
    const writer = openInPlaceUpdate({ ...written, writtenAt: Date.now() + 60_000 });
    await writer.write([first[0]!, first[1]!]);
    assert.deepEqual([...(await writer.commit()).files.keys()], ['index.html', 'release/a/index.html']);
    const tree = [...(await readTreeBytes(out())).keys()];
    assert.deepEqual(tree, ['index.html', 'release/a/index.html', 'release/a/stray.txt'], 'the file no longer produced went; the folder was not read');
    // A minute before now instead: each folder changed since, so each is read and the stray found.
    const again = openInPlaceUpdate({ ...written, files: new Map([...written.files].filter(([file]) => file !== 'release/b/index.html')), writtenAt: Date.now() - 60_000 });
    await again.write([first[0]!, first[1]!]);
    await again.commit();
    assert.deepEqual([...(await readTreeBytes(out())).keys()], ['index.html', 'release/a/index.html']);
  });

  it('keeps files it is not given (a search index) only when every one is as the last build left it', async () => {
    const manifest = await writeSite(out(), first);
    const kept = openInPlaceUpdate(manifest);
    assert.equal(await kept.keep(['release/a/index.html', 'release/b/index.html']), true);
    await kept.write([first[0]!]);
    assert.deepEqual([...(await kept.commit()).files.keys()], ['index.html', 'release/a/index.html', 'release/b/index.html']);
    await writeFile(path.join(out(), 'release/b/index.html'), 'b, edited');
    const refused = openInPlaceUpdate(manifest);
    assert.equal(await refused.keep(['release/a/index.html', 'release/b/index.html']), false);
    await refused.write([first[0]!]);
    assert.deepEqual([...(await refused.commit()).files.keys()], ['index.html'], 'no file of a refused set is kept');
  });

  it('leaves out what it wrote or kept and was then told to forget, removing the last build\'s copy too', async () => {
    const manifest = await writeSite(out(), first);
    const writer = openInPlaceUpdate(manifest);
    assert.equal(await writer.keep(['release/a/index.html']), true);
    await writer.write([first[0]!, { path: 'release/b/index.html', content: 'b, changed' }, { path: 'release/d/index.html', content: 'd' }]);
    writer.forget(['release/a/index.html', 'release/b/index.html', 'release/d/index.html']);
    assert.deepEqual([...(await writer.commit()).files.keys()], ['index.html']);
    assert.deepEqual([...(await readTreeBytes(out()))].map(([file, bytes]) => [file, bytes.toString()]), [['index.html', 'home']]);
  });

  it('puts everything back when a file cannot be moved into place', async () => {
    const { writer } = await update([
      { path: 'index.html', content: 'new home' },
      { path: 'release/b/index.html', content: 'new b' },
    ]);
    const before = await readTreeBytes(out());
    // A staged file that vanished before the update (a disk cleaned up under the build): its rename fails after the
    // files it replaces, and the one no longer produced, were already moved aside.
    const [staging] = (await readdir(root)).filter((name) => name.startsWith('.pressroom-staging-'));
    await rm(path.join(root, staging!, 'release/b/index.html'));
    await assert.rejects(writer.commit(), /ENOENT/);
    assert.deepEqual(await readTreeBytes(out()), before);
    assert.deepEqual((await readdir(root)).filter((name) => name.startsWith('.pressroom-')), []);
  });
});
