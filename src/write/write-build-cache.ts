/** Saves this build's rendered releases and output manifest for the next build; failure to save never fails a build. */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { groupBy } from '../group-by.js';
import { mapInParallel } from '../in-parallel.js';
import { CACHE_MAGIC, cacheFolder, SHARD_SUFFIX, shardBytes, shardsFolder, type BuildCache, type OutputManifest } from '../load/read-build-cache.js';
import { STAMPS_FILE, stampsText, type SourceStamp } from '../load/source-stamps.js';
import { compareText } from '../problems.js';
import { StoredBody } from '../render/body-bytes.js';
import type { ReleaseOutcome } from '../render/render-releases.js';

// Enough to keep the disk busy while the next shard is serialised.
const SHARDS_AT_ONCE = 4;

// Shards of layout 1 (JSON text). Nothing reads them any more, so the first write of layout 2 removes them.
const OLD_SHARD = /^[0-9a-f]{2}\.json$/;

/**
 * Writes the outcomes in 256 shards by the key's first two hex digits, rewriting only shards whose content changed
 * and removing shards no file needs any more, so one edited release rewrites one small file. `previous` is the cache
 * this build read: its salt is the one `entries` were keyed with.
 */
export async function writeRenderCache(root: string, previous: BuildCache, entries: ReadonlyMap<string, ReleaseOutcome>): Promise<void> {
  const salt = previous.render.salt;
  const folder = shardsFolder(root);
  await mkdir(folder, { recursive: true });
  const shards = groupBy([...entries].sort(([a], [b]) => compareText(a, b)), ([key]) => shardOf(key));
  const previousKeys = keysByShard(previous.render.entries.keys());
  // A few shards at a time: each is serialised just before it is written, and all 256 at once held a second copy of
  // the whole cache in memory at the end of a cold build.
  await mapInParallel(
    [...shards],
    async ([prefix, shardEntries]) => {
      // Same keys as read means the same outcomes (a key hashes everything an outcome is made from): nothing to write.
      if (previous.shardDigests.has(prefix) && previousKeys.get(prefix) === shardEntries.map(([key]) => key).join(' ')) return;
      // A body left in the shard being replaced is read back from it first.
      const shard = shardBytes(shardEntries.map(withBytes), salt);
      if (previous.shardDigests.get(prefix) === shard.digest) return;
      await replaceFile(path.join(folder, `${prefix}${SHARD_SUFFIX}`), shard.bytes);
    },
    SHARDS_AT_ONCE,
  );
  // Including shards that were not read: another version's would otherwise sit there for ever.
  const stale = previous.shardPrefixes.filter((prefix) => !shards.has(prefix)).map((prefix) => `${prefix}${SHARD_SUFFIX}`);
  // A cache read without a single shard may be one an older Pressroom left: its shards would sit there for ever.
  const old = previous.shardDigests.size ? [] : (await readdir(folder)).filter((name) => OLD_SHARD.test(name));
  await Promise.all([...stale, ...old].map((name) => rm(path.join(folder, name), { force: true })));
}

/** Records what the output folder now holds, so the next build can tell which of its files it may keep. */
export async function writeOutputManifest(root: string, manifest: OutputManifest): Promise<void> {
  const files = [...manifest.files].map(([file, entry]) => (entry.source === undefined ? [file, entry.hash, entry.size] : [file, entry.hash, entry.size, entry.source]));
  await mkdir(cacheFolder(root), { recursive: true });
  await replaceFile(path.join(cacheFolder(root), 'output.json'), JSON.stringify({ magic: CACHE_MAGIC, out: manifest.out, writtenAt: manifest.writtenAt, files }));
}

/** Records the release files' stamps, so the next build need not read those still as they are. */
export async function writeSourceStamps(root: string, stamps: ReadonlyMap<string, SourceStamp>): Promise<void> {
  await mkdir(cacheFolder(root), { recursive: true });
  await replaceFile(path.join(cacheFolder(root), STAMPS_FILE), stampsText(stamps));
}

/** Writes beside the file and renames over it, so a build stopped halfway leaves the old file or the new, never half. */
async function replaceFile(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** An outcome whose body, if stored, is read back: a shard holds bytes. */
function withBytes([key, outcome]: [string, ReleaseOutcome]): [string, ReleaseOutcome] {
  const html = outcome.release?.html;
  return html instanceof StoredBody ? [key, { ...outcome, release: { ...outcome.release!, html: html.bytes() } }] : [key, outcome];
}

/** The keys of each shard, sorted and joined, to tell an unchanged shard without serialising it. */
function keysByShard(keys: Iterable<string>): Map<string, string> {
  return new Map([...groupBy(keys, shardOf)].map(([prefix, group]) => [prefix, group.sort().join(' ')]));
}

/** A key's shard: its first two hex digits. */
function shardOf(key: string): string {
  return key.slice(0, 2);
}
