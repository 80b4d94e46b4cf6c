/** Reads what earlier builds left in node_modules/.cache/pressroom/: rendered releases and the last output's manifest. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RenderCache } from '../render/render-cache.js';
import type { ReleaseOutcome } from '../render/render-releases.js';
import { readBuffer, readShardFile, storeBodies } from './stored-bodies.js';

/** The cache folder of a project. */
export function cacheFolder(root: string): string {
  return path.join(root, 'node_modules/.cache/pressroom');
}

/** The folder of the render cache's shards. */
export function shardsFolder(root: string): string {
  return path.join(cacheFolder(root), 'renders');
}

/** Tells Pressroom's cache files (the output manifest, the search index record) from anything else in the folder. */
export const CACHE_MAGIC = 'pressroom-render-cache';

/**
 * Starts every render-cache shard: bumped when the shard layout changes, so a shard of another layout is not ours.
 * 2: V8-serialised entries after the digest line (1 was JSON text, whose UTF-8 decoding and parsing cost seconds).
 * 3: each body's HTML as UTF-8 bytes. V8 writes a string as it holds it, and it holds one with any character past
 *    U+00FF (a curly quote, a macron) as UTF-16: two bytes a character, which made the shards nearly twice as big.
 * 4: bodies are UTF-8 bytes everywhere (see body-bytes.ts), so a shard holds them as the build does, and a lone
 *    surrogate, which layout 3 kept as text, can no longer occur.
 * 5: the header names the pipeline salt the entries were keyed with, so a shard no key of this version can match is
 *    skipped before it is hashed or decoded, rather than decoded and held for the whole build (45 MB at 10,000
 *    releases, after an upgrade). Its bytes are still read: reading the header alone first would cost every build
 *    a second read per shard to save an upgrade's one.
 */
export const SHARD_MAGIC = 'pressroom-render-shard-5';

/** A shard's file name: the first two hex digits of its keys, then this. */
export const SHARD_SUFFIX = '.shard';
const SHARD_NAME = /^[0-9a-f]{2}\.shard$/;

/** What one output file was when last written: its content hash and size. */
export interface ManifestEntry {
  hash: string;
  size: number;
  /** For a page, the digest of what it was rendered from (see pageSources). */
  source?: string;
}

/** The output folder as the last successful build wrote it. */
export interface OutputManifest {
  /** The output folder's absolute path. */
  out: string;
  /** When its files were written (ms since 1970); a file changed since then is never reused. */
  writtenAt: number;
  files: Map<string, ManifestEntry>;
}

/** The render cache, each shard's digest as read (so unchanged shards are not rewritten), and the manifest. */
export interface BuildCache {
  render: RenderCache;
  /** Prefix → digest of each shard that was read. */
  shardDigests: Map<string, string>;
  /** The prefix of every shard file found, read or skipped, so the next write can remove those no file needs. */
  shardPrefixes: string[];
  manifest?: OutputManifest;
}

const PIPELINE_PACKAGES = ['remark', 'remark-html', 'micromark-extension-gfm', 'mdast-util-gfm', 'yaml'];

/**
 * Reads every shard, skipping any that is unreadable, truncated, edited, not ours or keyed for another version: a
 * shard is a header line with the magic, the salt's id and a SHA-256 of the rest, then the entries as V8 serialises
 * them. A skipped shard only costs re-rendering. The digest is checked before anything is deserialised, so only bytes
 * this code wrote are ever decoded.
 */
export async function readBuildCache(root: string): Promise<BuildCache> {
  const folder = cacheFolder(root);
  const entries = new Map<string, ReleaseOutcome>();
  const shardDigests = new Map<string, string>();
  const names = await readdir(shardsFolder(root)).catch(() => [] as string[]);
  const [salt, manifest] = await Promise.all([pipelineSalt(), readManifest(folder)]);
  // One by one and synchronously: for the 256 shards of 10,000 releases, 0.2 s faster than the promise API.
  const shardNames = names.filter((name) => SHARD_NAME.test(name));
  const into = readBuffer();
  for (const name of shardNames) {
    const shard = readShardFile(path.join(shardsFolder(root), name), into);
    const parsed = shard && parseShard(shard.bytes, salt);
    if (!parsed) continue;
    shardDigests.set(name.slice(0, 2), parsed.digest);
    for (const [key, outcome] of storeBodies(shard, parsed.entries)) if (key.startsWith(name.slice(0, 2))) entries.set(key, outcome);
  }
  return { render: { salt, entries }, shardDigests, shardPrefixes: shardNames.map((name) => name.slice(0, 2)), manifest };
}

/** A shard's bytes: the header line, then the serialised entries, whose keys were made with `salt`. */
export function shardBytes(entries: readonly [string, ReleaseOutcome][], salt: string): { digest: string; bytes: Buffer } {
  const body = serialize(entries);
  const digest = shardDigest(body);
  return { digest, bytes: Buffer.concat([Buffer.from(`${SHARD_MAGIC} ${saltId(salt)} ${digest}\n`, 'latin1'), body]) };
}

/** A shard's digest and entries, or undefined when it is not an intact shard of ours whose keys were made with `salt`. */
export function parseShard(bytes: Uint8Array, salt: string): { digest: string; entries: [string, ReleaseOutcome][] } | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 200) return undefined;
  const [magic, keyedWith, digest] = Buffer.from(bytes.buffer, bytes.byteOffset, newline).toString('latin1').split(' ');
  // Named in the header so that another version's shard is left before its bytes are even hashed.
  if (magic !== SHARD_MAGIC || keyedWith !== saltId(salt)) return undefined;
  const body = bytes.subarray(newline + 1);
  if (digest !== shardDigest(body)) return undefined;
  try {
    const stored = deserialize(body) as unknown;
    if (!Array.isArray(stored) || !stored.every(isEntry)) return undefined;
    // Each body comes back as a view of `bytes`, not a copy, which may be reused for the next shard: readBuildCache
    // keeps only where each lies (see storeBodies).
    return { digest, entries: stored as [string, ReleaseOutcome][] };
  } catch {
    return undefined;
  }
}

// SHA-256 over bytes costs ~60 ms for all 10,000 releases' shards (CPUs hash it in hardware); what cost seconds in
// layout 1 was turning text into UTF-8 to hash it. A strong digest also keeps a shard that only happens to match
// (rather than one made to) out of reach, so any corruption, truncation or edit is caught before decoding.
function shardDigest(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** A salt in a header: it holds spaces, and a short hash is enough to tell versions apart. */
function saltId(salt: string): string {
  return createHash('sha256').update(salt).digest('hex').slice(0, 16);
}

function isEntry(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const outcome = value[1] as ReleaseOutcome | null;
  return typeof outcome === 'object' && outcome !== null && Array.isArray(outcome.problems) && (outcome.release === undefined || outcome.release.html instanceof Uint8Array);
}

async function readManifest(folder: string): Promise<OutputManifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(folder, 'output.json'), 'utf8')) as { magic: string; out: string; writtenAt: number; files: [string, string, number, string?][] };
    if (data.magic !== CACHE_MAGIC || typeof data.out !== 'string' || typeof data.writtenAt !== 'number' || !Array.isArray(data.files)) return undefined;
    const entry = (hash: string, size: number, source: string | undefined): ManifestEntry => (typeof source === 'string' ? { hash, size, source } : { hash, size });
    return { out: data.out, writtenAt: data.writtenAt, files: new Map(data.files.map(([file, hash, size, source]) => [file, entry(hash, size, source)])) };
  } catch {
    return undefined;
  }
}

/**
 * A digest of Pressroom's own compiled code and the versions of every package the per-file step runs, so changing
 * or upgrading any of them misses the cache rather than trusting outcomes made by other code. The code is hashed by
 * content, not by sizes and times: reproducible installs pin every mtime (the Nix store, zip caches, builds under
 * SOURCE_DATE_EPOCH), so an upgrade whose changed file kept its size would look unchanged. Hashing its ~350 KB takes
 * about a millisecond; the files are read all at once, so the wait is one round of reads rather than one per file.
 */
async function pipelineSalt(): Promise<string> {
  const codeRoot = new URL('..', import.meta.url).pathname;
  const code = (await readdir(codeRoot, { recursive: true })).filter((file) => file.endsWith('.js')).sort();
  const contents = await Promise.all(code.map((file) => readFile(path.join(codeRoot, file))));
  const hash = createHash('sha256');
  code.forEach((file, index) => hash.update(`${file}\0`).update(contents[index]!));
  const versions = await Promise.all(
    PIPELINE_PACKAGES.map(async (name) => {
      const file = await packageJsonOf(name);
      const text = file ? await readFile(file, 'utf8').catch(() => '') : '';
      return `${name}@${(JSON.parse(text || '{}') as { version?: string }).version ?? '?'}`;
    }),
  );
  return `pressroom-code@${hash.digest('hex').slice(0, 16)} ${versions.join(' ')}`;
}

/** The package.json of an installed package, found by walking up from the file its name resolves to. */
async function packageJsonOf(name: string): Promise<string | undefined> {
  let dir = path.dirname(new URL(import.meta.resolve(name)).pathname);
  while (path.basename(dir) !== name && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir === path.dirname(dir) ? undefined : path.join(dir, 'package.json');
}
