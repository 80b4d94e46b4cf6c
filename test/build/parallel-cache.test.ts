import assert from 'node:assert/strict';
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { parseShard, readBuildCache, shardBytes } from '../../src/load/read-build-cache.js';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, removeProject } from '../helpers/project.js';

const FIXTURE_SIZE = 200;

describe('parallel rendering and the render cache', () => {
  let root: string;
  let reference: Map<string, string>;
  const publicDir = () => path.join(root, 'public');
  const shardsDir = () => path.join(root, 'node_modules/.cache/pressroom/renders');
  let salt: string;

  const buildTree = async (options: Parameters<typeof build>[0] = {}) => {
    const result = await build({ root, ...options });
    assert.equal(result.ok, true, JSON.stringify(result.problems.slice(0, 3)));
    return readTree(publicDir());
  };

  before(async () => {
    const files = Object.fromEntries([...generateCorpus({ count: FIXTURE_SIZE, seed: 7 })].map(([name, text]) => [`seeds/${name}`, text]));
    root = await makeProject(files);
    reference = await buildTree({ cache: false, threads: 0 });
    salt = (await readBuildCache(root)).render.salt;
  });
  after(() => removeProject(root));

  it('builds the same bytes on worker threads with a cold cache as on one thread without one', async () => {
    assert.ok(reference.size > FIXTURE_SIZE);
    assert.deepEqual(await buildTree({ threads: 2 }), reference);
    assert.ok((await readdir(shardsDir())).length > 0, 'the cache was written');
  });

  it('builds the same bytes again from the cache, linking the unchanged files', async () => {
    const page = path.join(publicDir(), 'index.html');
    const before = await stat(page);
    assert.deepEqual(await buildTree(), reference);
    assert.equal((await stat(page)).ino, before.ino, 'an unchanged page is the same file, hard-linked into the new output');
  });

  it('ignores a truncated shard, a shard whose content does not match its digest and a foreign one, and repairs them', async () => {
    const [first, second, third] = (await readdir(shardsDir())).sort();
    const firstBytes = await readFile(path.join(shardsDir(), first!));
    await writeFile(path.join(shardsDir(), first!), firstBytes.subarray(0, firstBytes.length / 2));
    // An edit inside one string keeps the entries decodable: only the digest can tell.
    const secondBytes = await readFile(path.join(shardsDir(), second!));
    const paragraph = [Buffer.from('<p>', 'latin1'), Buffer.from('<p>', 'utf16le')].map((p) => secondBytes.indexOf(p)).find((at) => at > 0)!;
    secondBytes[paragraph + 1]! ^= 0x20;
    await writeFile(path.join(shardsDir(), second!), secondBytes);
    assert.equal(parseShard(await readFile(path.join(shardsDir(), second!)), salt), undefined, 'the edited shard fails its digest');
    await writeFile(path.join(shardsDir(), third!), 'pressroom-render-shard-2 0000\n[]');
    assert.deepEqual(await buildTree(), reference);
    for (const name of [first!, second!, third!]) assert.ok(parseShard(await readFile(path.join(shardsDir(), name)), salt), `${name} was rewritten intact`);
  });

  it('skips shards keyed for another version without decoding them, rewrites them, and removes those no release needs', async () => {
    const names = (await readdir(shardsDir())).sort();
    for (const name of names) {
      const parsed = parseShard(await readFile(path.join(shardsDir(), name)), salt);
      await writeFile(path.join(shardsDir(), name), shardBytes(parsed!.entries, 'pressroom-code@0000 remark@0.0.0').bytes);
    }
    const unused = Array.from({ length: 256 }, (_, i) => `${i.toString(16).padStart(2, '0')}.shard`).find((name) => !names.includes(name))!;
    await writeFile(path.join(shardsDir(), unused), shardBytes([], 'pressroom-code@0000 remark@0.0.0').bytes);
    // The entries are this version's own, relabelled: only the header keeps them out.
    const read = await readBuildCache(root);
    assert.equal(read.render.entries.size, 0);
    assert.ok(read.shardPrefixes.includes(unused.slice(0, 2)));
    assert.deepEqual(await buildTree(), reference);
    assert.deepEqual((await readdir(shardsDir())).sort(), names, 'the unused shard is removed');
    for (const name of names) assert.ok(parseShard(await readFile(path.join(shardsDir(), name)), salt), `${name} was rewritten for this version`);
  });

  it('removes the JSON shards an older Pressroom left when it writes its own', async () => {
    for (const name of await readdir(shardsDir())) await rm(path.join(shardsDir(), name));
    await writeFile(path.join(shardsDir(), '00.json'), 'pressroom-render-cache 00\n[]');
    assert.deepEqual(await buildTree(), reference);
    const names = await readdir(shardsDir());
    assert.ok(!names.includes('00.json') && names.length > 0, names.join(' '));
  });

  it('renders an edited release afresh: the cached build matches a clean build of the edited corpus', async () => {
    const seeds = (await readdir(path.join(root, 'seeds'))).sort();
    await appendFile(path.join(root, 'seeds', seeds[100]!), '\nA new closing paragraph, added after publication.\n');
    const cached = await buildTree();
    assert.notDeepEqual(cached, reference);
    assert.match([...cached.values()].join('\n'), /A new closing paragraph/);
    assert.deepEqual(cached, await buildTree({ cache: false, threads: 0 }));
  });

  it('renders every page from bodies left in the cache, shards it rewrote included, as a clean build does', async () => {
    // The title is read only by templates (the publisher, which defaults to it, is kept): every page changes, and every
    // release still comes from the cache, some from the shard the edit above rewrote (reading its other bodies back
    // from the shard it replaced).
    const packageJson = path.join(root, 'package.json');
    const project = JSON.parse(await readFile(packageJson, 'utf8'));
    const { title } = project.pressroom;
    await writeFile(packageJson, JSON.stringify({ ...project, pressroom: { ...project.pressroom, title: 'Another Press Office', publisher: title } }));
    const renderStarts: number[] = [];
    const result = await build({ root, progress: (stage, done, total) => (stage === 'render' && renderStarts.length === 0 ? renderStarts.push(total - done) : undefined) });
    assert.equal(result.ok, true);
    assert.deepEqual(renderStarts, [0], 'no release was rendered again');
    assert.equal(result.stats.unchanged, 0);
    const cached = await readTree(publicDir());
    assert.match(cached.get('index.html') ?? '', /Another Press Office/);
    assert.deepEqual(cached, await buildTree({ cache: false, threads: 0 }));
  });
});
