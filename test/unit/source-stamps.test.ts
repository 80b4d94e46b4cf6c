/** Source stamps: when a release file may be taken as unchanged without reading it, and what happens if it did change. */
import assert from 'node:assert/strict';
import { statSync, type Stats } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { contentDigest } from '../../src/content-digest.js';
import { cacheFolder } from '../../src/load/read-build-cache.js';
import { readProject } from '../../src/load/read-project.js';
import { readSourceStamps, sourceOnDemand, stampOf, stampsText, STAMPS_FILE, stillStamped, type SourceStamp } from '../../src/load/source-stamps.js';
import { renderKeyOf } from '../../src/render/body-bytes.js';
import { renderCacheKey } from '../../src/render/render-cache.js';
import { renderReleases } from '../../src/render/render-releases.js';
import { makeProject, release, removeProject } from '../helpers/project.js';
import { settings } from '../helpers/site-data.js';

const roots: string[] = [];
after(() => Promise.all(roots.map(removeProject)));

const stats = (fields: Partial<Stats>): Stats => ({ size: 10, mtimeMs: 1_000_000.25, ctimeMs: 1_000_000.5, ino: 7, isFile: () => true, ...fields }) as Stats;

describe('stampOf', () => {
  it('stamps a file only once it has settled, two seconds after its last change', () => {
    assert.deepEqual(stampOf(stats({}), 'd', 1_002_501), { size: 10, mtimeMs: 1_000_000.25, ctimeMs: 1_000_000.5, ino: 7, digest: 'd' });
    assert.equal(stampOf(stats({}), 'd', 1_002_000), undefined, 'changed two seconds before the read: too recent');
    assert.equal(stampOf(stats({ mtimeMs: 1_002_000 }), 'd', 1_003_000), undefined, 'a recent mtime alone counts too');
  });
});

describe('stillStamped', () => {
  const stamp = stampOf(stats({}), 'd', 2_000_000)!;
  it('holds only while size, both times and inode are all the same', () => {
    assert.equal(stillStamped(stamp, stats({})), true);
    for (const change of [{ size: 11 }, { mtimeMs: 1_000_000.26 }, { ctimeMs: 1_000_001 }, { ino: 8 }, { isFile: () => false }]) {
      assert.equal(stillStamped(stamp, stats(change)), false, JSON.stringify(change));
    }
  });
});

describe('the stamps record', () => {
  const stamps = new Map<string, SourceStamp>([
    ['seeds/b.md', { size: 2, mtimeMs: 3.5, ctimeMs: 4.25, ino: 5, digest: 'bb' }],
    ['seeds/a.md', { size: 1, mtimeMs: 1.5, ctimeMs: 2.25, ino: 3, digest: 'aa' }],
  ]);
  const saveAndRead = async (text: string) => {
    const root = await makeProject({});
    roots.push(root);
    await mkdir(cacheFolder(root), { recursive: true });
    await writeFile(path.join(cacheFolder(root), STAMPS_FILE), text);
    return readSourceStamps(root);
  };

  it('reads back what was saved', async () => {
    assert.deepEqual(await saveAndRead(stampsText(stamps)), stamps);
  });

  it('is ignored whole when edited, damaged or not ours', async () => {
    assert.equal((await saveAndRead(stampsText(stamps).replace('"aa"', '"ab"'))).size, 0, 'a digest changed by hand');
    assert.equal((await saveAndRead(stampsText(stamps).slice(0, -10))).size, 0, 'truncated');
    assert.equal((await saveAndRead(stampsText(stamps).replace('pressroom-render-cache', 'other'))).size, 0, 'another magic');
    assert.equal((await saveAndRead('[]')).size, 0);
  });
});

describe('sourceOnDemand', () => {
  it('reads the file each time it is asked, taking a new digest if the content changed', async () => {
    const root = await makeProject({ 'seeds/a.md': 'first' });
    roots.push(root);
    const file = path.join(root, 'seeds/a.md');
    const changes: string[] = [];
    const source = sourceOnDemand(file, 'seeds/a.md', contentDigest(Buffer.from('first')), () => changes.push('changed'));
    assert.equal(Buffer.from(source.bytes).toString(), 'first');
    assert.deepEqual(changes, [], 'the same content: nothing to tell');
    await writeFile(file, 'second');
    assert.equal(Buffer.from(source.bytes).toString(), 'second', 'read from the file, not held');
    assert.equal(source.digest, contentDigest(Buffer.from('second')));
    assert.deepEqual(changes, ['changed']);
    assert.equal(Buffer.from(source.bytes).toString(), 'second');
    assert.deepEqual(changes, ['changed'], 'told once, when the content changed');
  });

  it('gives a render-cache key that follows the digest a read of the file takes', async () => {
    const root = await makeProject({ 'seeds/a.md': 'first' });
    roots.push(root);
    const file = path.join(root, 'seeds/a.md');
    const source = sourceOnDemand(file, 'seeds/a.md', contentDigest(Buffer.from('first')), () => undefined);
    const siteSettings = settings();
    const before = renderCacheKey(source, siteSettings, 'salt');
    assert.equal(renderCacheKey(source, siteSettings, 'salt'), before);
    await writeFile(file, 'second');
    void source.bytes;
    // Its outcome is saved under the key of the content it was rendered from, never under the key it was looked up by.
    assert.notEqual(renderCacheKey(source, siteSettings, 'salt'), before);
    assert.equal(renderCacheKey(source, siteSettings, 'salt'), renderCacheKey({ ...source }, siteSettings, 'salt'));
    assert.notEqual(renderCacheKey(source, siteSettings, 'another version'), renderCacheKey(source, siteSettings, 'salt'));
    assert.notEqual(renderCacheKey(source, settings({ timeZone: 'UTC' }), 'salt'), renderCacheKey(source, siteSettings, 'salt'));
  });
});

describe('readProject with stamps', () => {
  it('does not read a stamped file up front, and takes its new content and digest if it changed after all', async () => {
    const before = release({ title: '"First"' });
    const root = await makeProject({ 'seeds/a.md': before, 'seeds/b.md': release({ title: '"Other"' }) });
    roots.push(root);
    const paths = { root, content: 'seeds', templates: 'templates' };
    const file = path.join(root, 'seeds/a.md');
    // A stamp as a build would have left it, had the file settled.
    const known = new Map([['seeds/a.md', stampOf(statSync(file), contentDigest(Buffer.from(before)), Number.MAX_SAFE_INTEGER)!]]);
    const read = await readProject(paths, known);
    const [stamped, unstamped] = read.project.releases;
    assert.equal(stamped?.digest, contentDigest(Buffer.from(before)));
    assert.equal(unstamped?.digest, contentDigest(unstamped!.bytes), 'a file without a stamp is read and digested');
    assert.deepEqual([...read.stamps.keys()], ['seeds/a.md'], 'the new file has not settled, so only the kept stamp remains');

    // Written after the stat: the stamp still matched, so only reading the bytes can show the change.
    const changed = release({ title: '"Other"' });
    await writeFile(file, changed);
    assert.equal(Buffer.from(stamped!.bytes).toString(), changed);
    assert.equal(stamped?.digest, contentDigest(Buffer.from(changed)), 'the render cache keys the content it renders');
    assert.equal(read.stamps.has('seeds/a.md'), false, 'the stale stamp is not saved for the next build');
  });

  it('gives a body rendered from a file changed after its stat the key of what it was rendered from', async () => {
    const before = release({ title: '"First"' });
    const root = await makeProject({ 'seeds/a.md': before });
    roots.push(root);
    const file = path.join(root, 'seeds/a.md');
    const known = new Map([['seeds/a.md', stampOf(statSync(file), contentDigest(Buffer.from(before)), Number.MAX_SAFE_INTEGER)!]]);
    const read = await readProject({ root, content: 'seeds', templates: 'templates' }, known);
    const [source] = read.project.releases;
    const siteSettings = settings();
    const lookedUpBy = renderCacheKey(source!, siteSettings, 'salt');
    await writeFile(file, release({ title: '"Second"' }));
    const [outcome] = await renderReleases([source!], siteSettings, { cache: { salt: 'salt', entries: new Map() }, threads: 0 });
    assert.equal(outcome?.release?.title, 'Second');
    // Else a page digest would name this body by the first content's key, and a later build of that content could
    // keep a page rendered from the second.
    assert.equal(renderKeyOf(outcome!.release!.html as Uint8Array), renderCacheKey(source!, siteSettings, 'salt'));
    assert.notEqual(renderKeyOf(outcome!.release!.html as Uint8Array), lookedUpBy);
  });

  it('reads a file whose stat differs from its stamp', async () => {
    const root = await makeProject({ 'seeds/a.md': release() });
    roots.push(root);
    const file = path.join(root, 'seeds/a.md');
    const stamp = stampOf(statSync(file), 'not-the-digest', Number.MAX_SAFE_INTEGER)!;
    const read = await readProject({ root, content: 'seeds', templates: 'templates' }, new Map([['seeds/a.md', { ...stamp, size: stamp.size + 1 }]]));
    assert.equal(read.project.releases[0]?.digest, contentDigest(Buffer.from(release())));
  });
});
