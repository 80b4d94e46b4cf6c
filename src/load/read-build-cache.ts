/** Reads what earlier builds left in node_modules/.cache/pressroom/: rendered releases and the last output's manifest. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderCache } from '../render/render-cache.js';
import type { ReleaseOutcome } from '../render/render-releases.js';

/** The cache folder of a project. */
export function cacheFolder(root: string): string {
  return path.join(root, 'node_modules/.cache/pressroom');
}

/** Tells a Pressroom cache shard from anything else that might sit in the folder. */
export const CACHE_MAGIC = 'pressroom-render-cache';

/** What one output file was when last written: its content hash and size. */
export interface ManifestEntry {
  hash: string;
  size: number;
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
  shardDigests: Map<string, string>;
  manifest?: OutputManifest;
}

const PIPELINE_PACKAGES = ['remark', 'remark-gfm', 'remark-html', 'yaml'];

/**
 * Reads every shard, skipping any that is unreadable, truncated, edited or not ours: a shard is a header line with
 * the magic and a SHA-256 of the rest, then the entries as JSON. A skipped shard only costs re-rendering.
 */
export async function readBuildCache(root: string): Promise<BuildCache> {
  const folder = cacheFolder(root);
  const entries = new Map<string, ReleaseOutcome>();
  const shardDigests = new Map<string, string>();
  const names = await readdir(path.join(folder, 'renders')).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => /^[0-9a-f]{2}\.json$/.test(name)).map(async (name) => {
      const text = await readFile(path.join(folder, 'renders', name), 'utf8').catch(() => '');
      const parsed = parseShard(text);
      if (!parsed) return;
      shardDigests.set(name.slice(0, 2), parsed.digest);
      for (const [key, outcome] of parsed.entries) if (key.startsWith(name.slice(0, 2))) entries.set(key, outcome);
    }),
  );
  return { render: { salt: await pipelineSalt(), entries }, shardDigests, manifest: await readManifest(folder) };
}

/** A shard's digest and entries, or undefined when it is not an intact shard of ours. */
export function parseShard(text: string): { digest: string; entries: [string, ReleaseOutcome][] } | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const [magic, digest] = text.slice(0, newline).split(' ');
  const body = text.slice(newline + 1);
  if (magic !== CACHE_MAGIC || digest !== createHash('sha256').update(body).digest('hex')) return undefined;
  try {
    const entries = JSON.parse(body) as unknown;
    if (!Array.isArray(entries) || !entries.every(isEntry)) return undefined;
    return { digest, entries: entries as [string, ReleaseOutcome][] };
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const outcome = value[1] as ReleaseOutcome | null;
  return typeof outcome === 'object' && outcome !== null && Array.isArray(outcome.problems) && (outcome.release === undefined || typeof outcome.release?.html === 'string');
}

async function readManifest(folder: string): Promise<OutputManifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(folder, 'output.json'), 'utf8')) as { magic: string; out: string; writtenAt: number; files: [string, string, number][] };
    if (data.magic !== CACHE_MAGIC || typeof data.out !== 'string' || typeof data.writtenAt !== 'number' || !Array.isArray(data.files)) return undefined;
    return { out: data.out, writtenAt: data.writtenAt, files: new Map(data.files.map(([file, hash, size]) => [file, { hash, size }])) };
  } catch {
    return undefined;
  }
}

/**
 * A digest of Pressroom's own compiled code and the versions of every package the per-file step runs, so changing
 * or upgrading any of them misses the cache rather than trusting outcomes made by other code.
 */
async function pipelineSalt(): Promise<string> {
  const codeRoot = new URL('..', import.meta.url).pathname;
  const code = (await readdir(codeRoot, { recursive: true })).filter((file) => file.endsWith('.js')).sort();
  const hash = createHash('sha256');
  for (const file of code) hash.update(`${file}\0`).update(await readFile(path.join(codeRoot, file)));
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
