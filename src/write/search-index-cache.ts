/**
 * Records which input the search index in the output was made from, so the next build can keep it when what its
 * pages are made from is unchanged: Pagefind takes longer than anything else in a build, and its output depends only
 * on what it is given and its own version. The record names the index files by hash, and a kept file must be as the
 * last build left it on disk; anything missing, edited or unknown means indexing again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_MAGIC, cacheFolder, type OutputManifest } from '../load/read-build-cache.js';
import { SEARCH_INDEX_PATH } from '../render/index-search.js';
import type { SearchMode } from '../types.js';

// Bumped when what Pressroom does with Pagefind's output changes (which files it keeps, where it puts them).
const INDEX_FORMAT = 3;

/** The key of an index: what its pages are made from (see searchInputDigest), the search mode, Pagefind's version. */
export async function searchIndexKey(inputDigest: string, mode: SearchMode): Promise<string> {
  return createHash('sha256').update(`${CACHE_MAGIC} search ${INDEX_FORMAT} ${await pagefindVersion()} ${mode}\n${inputDigest}`).digest('hex');
}

/** The key of the index now in the output, when the last build recorded one and the output's index is as it left it. */
export async function savedSearchIndexKey(root: string, manifest: OutputManifest | undefined): Promise<string | undefined> {
  if (!manifest) return undefined;
  const saved = await readFile(recordFile(root), 'utf8').then(
    (text) => JSON.parse(text) as { magic?: unknown; key?: unknown; out?: unknown; files?: unknown },
    () => undefined,
  );
  const paths = searchIndexPaths(manifest);
  // The record names the index files by hash too, so it never vouches for an index some later build wrote.
  if (saved?.magic !== CACHE_MAGIC || typeof saved.key !== 'string' || saved.out !== manifest.out || saved.files !== indexDigest(manifest, paths) || paths.length === 0) return undefined;
  return saved.key;
}

/** Records which input the index now in `out` was made from; failing to save only costs indexing again. */
export async function saveSearchIndexKey(root: string, key: string, manifest: OutputManifest): Promise<void> {
  const file = recordFile(root);
  await mkdir(path.dirname(file), { recursive: true });
  const files = indexDigest(manifest, searchIndexPaths(manifest));
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify({ magic: CACHE_MAGIC, key, out: manifest.out, files }));
  await rename(`${file}.${process.pid}.tmp`, file);
}

/** The paths of the index files the manifest lists, sorted. */
export function searchIndexPaths(manifest: OutputManifest): string[] {
  return [...manifest.files.keys()].filter((file) => file.startsWith(SEARCH_INDEX_PATH)).sort();
}

function indexDigest(manifest: OutputManifest, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths) hash.update(`${file}\0${manifest.files.get(file)?.hash}\0${manifest.files.get(file)?.size}\n`);
  return hash.digest('hex');
}

function recordFile(root: string): string {
  return path.join(cacheFolder(root), 'search.json');
}

async function pagefindVersion(): Promise<string> {
  try {
    const entry = fileURLToPath(import.meta.resolve('pagefind'));
    const manifest = JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return String(manifest.version);
  } catch {
    return 'unknown';
  }
}
