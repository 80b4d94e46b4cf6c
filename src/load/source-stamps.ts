/**
 * What an earlier build learnt of each release file, so a later one need not read it again: the file's size, times
 * and inode as `stat` gave them, and its content digest. A file whose stat is the same now is taken as unchanged, and
 * is read only if its release has to be rendered. Reading the 10,000 files of a large archive cost a warm build
 * about a third of a second and held 35 MB; a `stat` of each costs a fraction of that.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { contentDigest } from '../content-digest.js';
import { compareText } from '../problems.js';
import type { ReleaseSource } from '../types.js';
import { CACHE_MAGIC, cacheFolder } from './read-build-cache.js';

/** A file as it was when its digest was taken. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
  /** The change time: no tool can set it back, so a file rewritten and given its old mtime still shows. */
  ctimeMs: number;
  ino: number;
  digest: string;
}

/** The record's file in the cache folder. */
export const STAMPS_FILE = 'sources.json';

/**
 * A file changed this shortly before it was read could change again within the same tick of the file system's clock,
 * which is coarse on many systems, keeping its size and times. Such a file gets no stamp, so the next build reads it.
 */
const SETTLED_MS = 2000;

/**
 * The record an earlier build left, by project path; empty when there is none, it is not one of ours, or its digest
 * does not match (a stamp vouches for content, so an edited or damaged record is never trusted).
 */
export function readSourceStamps(root: string): Map<string, SourceStamp> {
  try {
    const saved = JSON.parse(readFileSync(path.join(cacheFolder(root), STAMPS_FILE), 'utf8')) as { magic?: unknown; digest?: unknown; files?: unknown };
    if (saved.magic !== CACHE_MAGIC || !Array.isArray(saved.files) || saved.digest !== recordDigest(saved.files)) return new Map();
    return new Map((saved.files as unknown[]).filter(isStampEntry).map(([file, size, mtimeMs, ctimeMs, ino, digest]) => [file, { size, mtimeMs, ctimeMs, ino, digest }]));
  } catch {
    return new Map();
  }
}

/** The record as saved: one array per file, sorted by path. */
export function stampsText(stamps: ReadonlyMap<string, SourceStamp>): string {
  const files = [...stamps].sort(([a], [b]) => compareText(a, b)).map(([file, s]) => [file, s.size, s.mtimeMs, s.ctimeMs, s.ino, s.digest]);
  return JSON.stringify({ magic: CACHE_MAGIC, digest: recordDigest(files), files });
}

function recordDigest(files: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}

/** The stamp for a file read with this digest after this stat, or none while the file has not settled (see SETTLED_MS). */
export function stampOf(stats: Stats, digest: string, readAt: number): SourceStamp | undefined {
  if (Math.max(stats.mtimeMs, stats.ctimeMs) > readAt - SETTLED_MS) return undefined;
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, digest };
}

/** Whether the file is as the stamp saw it. */
export function stillStamped(stamp: SourceStamp, stats: Stats): boolean {
  return stats.isFile() && stats.size === stamp.size && stats.mtimeMs === stamp.mtimeMs && stats.ctimeMs === stamp.ctimeMs && stats.ino === stamp.ino;
}

/**
 * A release file known by its digest, whose bytes are read from the file each time they are asked for (to render its
 * release), never held. Bytes read that no longer have the digest mean the file changed after it was looked at: the
 * source takes the new digest, so the render cache keys the content it renders, and `onChanged` is told, to drop the
 * file's stamp.
 */
export function sourceOnDemand(file: string, relative: string, digest: string, onChanged: () => void): ReleaseSource {
  const source: Omit<ReleaseSource, 'bytes'> = { path: relative, digest };
  return Object.defineProperty(source as ReleaseSource, 'bytes', {
    enumerable: true,
    get(): Uint8Array {
      // A buffer of its own. The getter runs while a worker message is being copied (it is an own, enumerable
      // property, so the copy carries the bytes), and a small file's bytes would otherwise sit in Node's shared pool,
      // which the next source's read writes into after the copy of it was taken.
      const bytes = new Uint8Array(readFileSync(file));
      const actual = contentDigest(bytes);
      if (actual !== source.digest) {
        source.digest = actual;
        onChanged();
      }
      return bytes;
    },
  });
}

function isStampEntry(value: unknown): value is [string, number, number, number, number, string] {
  return (
    Array.isArray(value) &&
    value.length === 6 &&
    typeof value[0] === 'string' &&
    value.slice(1, 5).every((n) => typeof n === 'number') &&
    typeof value[5] === 'string'
  );
}
