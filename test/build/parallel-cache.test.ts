import assert from 'node:assert/strict';
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { parseShard } from '../../src/load/read-build-cache.js';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, removeProject } from '../helpers/project.js';

const FIXTURE_SIZE = 200;

describe('parallel rendering and the render cache', () => {
  let root: string;
  let reference: Map<string, string>;
  const publicDir = () => path.join(root, 'public');
  const shardsDir = () => path.join(root, 'node_modules/.cache/pressroom/renders');

  const buildTree = async (options: Parameters<typeof build>[0] = {}) => {
    const result = await build({ root, ...options });
    assert.equal(result.ok, true, JSON.stringify(result.problems.slice(0, 3)));
    return readTree(publicDir());
  };

  before(async () => {
    const files = Object.fromEntries([...generateCorpus({ count: FIXTURE_SIZE, seed: 7 })].map(([name, text]) => [`seeds/${name}`, text]));
    root = await makeProject(files);
    reference = await buildTree({ cache: false, threads: 0 });
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

  it('ignores a truncated shard and a shard whose content does not match its digest, and repairs both', async () => {
    const [first, second] = (await readdir(shardsDir())).sort();
    const firstText = await readFile(path.join(shardsDir(), first!), 'utf8');
    await writeFile(path.join(shardsDir(), first!), firstText.slice(0, firstText.length / 2));
    const secondText = await readFile(path.join(shardsDir(), second!), 'utf8');
    await writeFile(path.join(shardsDir(), second!), secondText.replace(/<p>/, '<p>INJECTED '));
    assert.equal(parseShard(await readFile(path.join(shardsDir(), second!), 'utf8')), undefined, 'the edited shard fails its digest');
    assert.deepEqual(await buildTree(), reference);
    for (const name of [first!, second!]) assert.ok(parseShard(await readFile(path.join(shardsDir(), name), 'utf8')), `${name} was rewritten intact`);
  });

  it('renders an edited release afresh: the cached build matches a clean build of the edited corpus', async () => {
    const seeds = (await readdir(path.join(root, 'seeds'))).sort();
    await appendFile(path.join(root, 'seeds', seeds[100]!), '\nA new closing paragraph, added after publication.\n');
    const cached = await buildTree();
    assert.notDeepEqual(cached, reference);
    assert.match([...cached.values()].join('\n'), /A new closing paragraph/);
    assert.deepEqual(cached, await buildTree({ cache: false, threads: 0 }));
  });
});
