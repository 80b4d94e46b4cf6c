/**
 * Records which input each search index in the output was made from, so the next build can keep the indexes whose
 * pages are made from the same input: Pagefind takes longer than anything else in a build, and an index depends only
 * on what it is given and Pagefind's version. The record names each index's files by hash, and a kept file must be as
 * the last build left it on disk; anything missing, edited or unknown means indexing that year again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupBy } from '../group-by.js';
import { CACHE_MAGIC, cacheFolder, type OutputManifest } from '../load/read-build-cache.js';
import { compareText } from '../problems.js';
import { searchIndexOfPath } from '../render/search-pages.js';
import type { SearchMode } from '../types.js';

// Bumped when what Pressroom does with Pagefind's output changes (which files it keeps, where it puts them).
// 4: one index per year in pagefind/<year>/, and the runtime in pagefind/. A large year's parts
// (pagefind/<year>-<month>/) needed no bump: an index's name says where it goes, and no earlier build made one.
const INDEX_FORMAT = 4;

/** The key of an index: what its pages are made from (see searchIndexInputs), the search mode, Pagefind's version. */
export async function searchIndexKey(inputDigest: string, mode: SearchMode): Promise<string> {
  return createHash('sha256').update(`${CACHE_MAGIC} search ${INDEX_FORMAT} ${await pagefindVersion()} ${mode}\n${inputDigest}`).digest('hex');
}

/**
 * The key of each index now in the output, for the indexes the last build recorded and whose files the output still
 * holds as it left them (by the manifest: the disk is checked when a file is kept).
 */
export async function savedSearchIndexKeys(root: string, manifest: OutputManifest | undefined): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  if (!manifest) return keys;
  const saved = await readFile(recordFile(root), 'utf8').then(
    (text) => JSON.parse(text) as { magic?: unknown; out?: unknown; indexes?: unknown },
    () => undefined,
  );
  if (saved?.magic !== CACHE_MAGIC || saved.out !== manifest.out || typeof saved.indexes !== 'object' || saved.indexes === null) return keys;
  const paths = searchIndexPaths(manifest);
  for (const [name, record] of Object.entries(saved.indexes as Record<string, { key?: unknown; files?: unknown }>)) {
    const files = paths.get(name) ?? [];
    // The record names the files by hash too, so it never vouches for an index some later build wrote.
    if (typeof record?.key === 'string' && files.length > 0 && record.files === filesDigest(manifest, files)) keys.set(name, record.key);
  }
  return keys;
}

/** Records which input each index now in `out` was made from; failing to save only costs indexing again. */
export async function saveSearchIndexKeys(root: string, keys: ReadonlyMap<string, string>, manifest: OutputManifest): Promise<void> {
  const file = recordFile(root);
  await mkdir(path.dirname(file), { recursive: true });
  const paths = searchIndexPaths(manifest);
  const indexes = Object.fromEntries([...keys].sort(([a], [b]) => compareText(a, b)).map(([name, key]) => [name, { key, files: filesDigest(manifest, paths.get(name) ?? []) }]));
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify({ magic: CACHE_MAGIC, out: manifest.out, indexes }));
  await rename(`${file}.${process.pid}.tmp`, file);
}

/** The paths of each index's files that the manifest lists, sorted, by index name. */
export function searchIndexPaths(manifest: OutputManifest): Map<string, string[]> {
  return groupBy([...manifest.files.keys()].sort(), searchIndexOfPath);
}

function filesDigest(manifest: OutputManifest, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths) hash.update(`${file}\0${manifest.files.get(file)?.hash}\0${manifest.files.get(file)?.size}\n`);
  return hash.digest('hex');
}

function recordFile(root: string): string {
  return path.join(cacheFolder(root), 'search.json');
}

// Read once per process: a build asks for one key per year, and the installed Pagefind cannot change meanwhile.
let installedPagefind: Promise<string> | undefined;

function pagefindVersion(): Promise<string> {
  installedPagefind ??= readPagefindVersion();
  return installedPagefind;
}

async function readPagefindVersion(): Promise<string> {
  try {
    const entry = fileURLToPath(import.meta.resolve('pagefind'));
    const manifest = JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
    return String(manifest.version);
  } catch {
    return 'unknown';
  }
}
