/** Bodies left in a render-cache shard: read back whole from the file they were checked in, and from no other. */
import assert from 'node:assert/strict';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseShard, shardBytes } from '../../src/load/read-build-cache.js';
import { readBuffer, readShardFile, storeBodies } from '../../src/load/stored-bodies.js';
import { bodyBytes, bytesOf, StoredBody, templateText } from '../../src/render/body-bytes.js';
import type { ReleaseOutcome } from '../../src/render/render-releases.js';
import type { IsoDate, RenderedRelease, Slug } from '../../src/types.js';

const SALT = 'pressroom-code@1234567890abcdef remark@15.0.1';
const rendered = (html: string): RenderedRelease => ({
  file: 'seeds/a.md', title: 'A', date: '2024-07-12' as IsoDate, ministers: ['Hon Jane Doe'], portfolios: ['Health'], type: 'release' as Slug,
  slug: 'a' as Slug, attachments: [], draft: false, updates: [], bodyLine: 7, html: bodyBytes(html), excerpt: 'A',
});

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function writeShard(entries: [string, ReleaseOutcome][]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pressroom-shard-'));
  folders.push(folder);
  const file = path.join(folder, '00.shard');
  await writeFile(file, shardBytes(entries, SALT).bytes);
  return file;
}

describe('stored bodies', () => {
  const bodies = ['<p>Kia ora, “everyone”.</p>', `<p>${'Tēnā koutou. '.repeat(500)}</p>`];
  const entries: [string, ReleaseOutcome][] = [
    ['00a', { release: rendered(bodies[0]!), problems: [] }],
    ['00b', { problems: [{ severity: 'error', file: 'seeds/b.md', field: 'date', message: 'bad date' }] }],
    ['00c', { release: rendered(bodies[1]!), problems: [] }],
  ];

  it('keep where each body lies, and read back exactly its bytes, as often as asked', async () => {
    const shard = readShardFile(await writeShard(entries))!;
    const stored = storeBodies(shard, parseShard(shard.bytes, SALT)!.entries);
    assert.deepEqual(stored.map(([key]) => key), ['00a', '00b', '00c']);
    assert.deepEqual(stored[1]![1], entries[1]![1], 'an outcome without a body is as it was');
    for (const [index, [key, outcome]] of [stored[0]!, stored[2]!].entries()) {
      const html = outcome.release!.html;
      assert.ok(html instanceof StoredBody);
      assert.equal(html.renderKey, key);
      assert.deepEqual(bytesOf(html), bodyBytes(bodies[index]!));
      assert.equal(templateText(html), bodies[index]);
      assert.deepEqual({ ...outcome.release, html: undefined }, { ...entries[index * 2]![1].release, html: undefined });
    }
  });

  it('read shard after shard into one buffer, each body still read back from its own file', async () => {
    const otherBody = `<p>${'Other words. '.repeat(800)}</p>`;
    const [larger, smaller] = [await writeShard([['00d', { release: rendered(otherBody), problems: [] }]]), await writeShard(entries)];
    const into = readBuffer();
    const read = (file: string) => {
      const shard = readShardFile(file, into)!;
      return storeBodies(shard, parseShard(shard.bytes, SALT)!.entries);
    };
    const largerStored = read(larger);
    const buffer = into.buffer;
    // The smaller shard's bytes overwrite the larger's in the same memory.
    const smallerStored = read(smaller);
    assert.equal(into.buffer, buffer, 'a shard that fits reuses the buffer');
    assert.deepEqual(bytesOf(largerStored[0]![1].release!.html), bodyBytes(otherBody));
    assert.deepEqual(bytesOf(smallerStored[0]![1].release!.html), bodyBytes(bodies[0]!));
    assert.deepEqual(bytesOf(smallerStored[2]![1].release!.html), bodyBytes(bodies[1]!));
  });

  it('refuse to read from a shard replaced since it was checked, naming the file', async () => {
    const file = await writeShard(entries);
    const shard = readShardFile(file)!;
    const outcome = storeBodies(shard, parseShard(shard.bytes, SALT)!.entries)[0]![1];
    // As a second build would: the same entries, written beside and renamed over.
    await writeFile(`${file}.tmp`, shardBytes(entries, SALT).bytes);
    await rename(`${file}.tmp`, file);
    assert.throws(() => bytesOf(outcome.release!.html), (cause: Error) => cause.message.includes(file) && /changed while this build was using it/.test(cause.message));
  });

  it('reads nothing from a file that is not there', () => {
    assert.equal(readShardFile(path.join(tmpdir(), 'pressroom-no-such-folder', '00.shard')), undefined);
  });
});
