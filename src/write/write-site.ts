/** The cold build's writer: fills a staging folder, then swaps it into place, so a failed build leaves the old output. */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapInParallel } from '../in-parallel.js';
import type { ManifestEntry, OutputManifest } from '../load/read-build-cache.js';
import type { OutputFile } from '../types.js';

/** A fresh folder beside the output that a build fills batch by batch, then swaps in whole or throws away. */
export interface Staging {
  /** Writes a batch; refuses any path that could lead outside the folder. */
  write(files: readonly OutputFile[]): Promise<void>;
  /** Leaves these files out of the commit after all, as files this build does not produce. */
  forget(files: readonly string[]): void;
  /** Replaces the output folder with the staged one in two renames; returns the manifest of what is now there. */
  commit(): Promise<OutputManifest>;
  /** Removes the staged folder; the output stays as it was. */
  discard(): Promise<void>;
}

/** Opens a staging folder for `outDir`. */
export function openStaging(outDir: string): Staging {
  const target = path.resolve(outDir);
  const stamp = `${path.basename(target)}-${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(path.dirname(target), `.pressroom-staging-${stamp}`);
  const previous = path.join(path.dirname(target), `.pressroom-old-${stamp}`);
  const written = new Map<string, ManifestEntry>();
  const made = new Set<string>();
  // Written, then left out: removed from the staged folder before it is swapped in.
  const forgotten = new Set<string>();
  return {
    async write(files) {
      for (const [file, entry] of await writeFiles(staging, files, made)) written.set(file, entry);
    },
    forget(files) {
      for (const file of files) if (written.delete(file)) forgotten.add(file);
    },
    async commit() {
      const manifest = { out: target, writtenAt: Date.now(), files: new Map([...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
      await mkdir(staging, { recursive: true });
      await Promise.all([...forgotten].map((file) => rm(safeJoin(staging, file), { force: true })));
      await removeEmptyFolders(staging, [...forgotten]);
      const hadPrevious = await rename(target, previous).then(
        () => true,
        (cause: NodeJS.ErrnoException) => {
          if (cause.code === 'ENOENT') return false;
          throw cause;
        },
      );
      try {
        await rename(staging, target);
      } catch (cause) {
        if (hadPrevious) await rename(previous, target);
        await rm(staging, { recursive: true, force: true });
        throw cause;
      }
      if (hadPrevious) await rm(previous, { recursive: true, force: true });
      return manifest;
    },
    discard: () => rm(staging, { recursive: true, force: true }),
  };
}

/** Writes every file through a staging folder swapped in whole; a write that fails part-way leaves `outDir` as it was. */
export async function writeSite(outDir: string, files: readonly OutputFile[]): Promise<OutputManifest> {
  const staging = openStaging(outDir);
  try {
    await staging.write(files);
  } catch (cause) {
    await staging.discard();
    throw cause;
  }
  return staging.commit();
}

/**
 * Writes files below `root`, creating folders as needed (`made` remembers those already there); refuses any path
 * that could lead outside it. Returns each file's hash and size.
 */
export async function writeFiles(root: string, files: readonly OutputFile[], made = new Set<string>()): Promise<Map<string, ManifestEntry>> {
  if (!made.has(root)) {
    await mkdir(root, { recursive: true });
    made.add(root);
  }
  // All started writes finish before a failure is thrown, so discarding the folder afterwards never races one.
  const entries = await mapInParallel(files, async (file) => {
    const full = safeJoin(root, file.path);
    const dir = path.dirname(full);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(full, file.content);
    return manifestEntry(file);
  });
  return new Map(files.map((file, index) => [file.path, entries[index]!]));
}

/** What the manifest records of a file: its content's hash and size and, for a page, what it was rendered from. */
export function manifestEntry(file: OutputFile): ManifestEntry {
  const entry = { hash: createHash('sha1').update(file.content).digest('base64'), size: Buffer.byteLength(file.content) };
  return file.source === undefined ? entry : { ...entry, source: file.source };
}

/** Joins an output path onto the root, throwing if it is absolute or climbs out: the last line of defence after slugs. */
export function safeJoin(root: string, relative: string): string {
  const segments = relative.split('/');
  if (relative === '' || path.isAbsolute(relative) || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
  return path.join(root, ...segments);
}

/** Removes the folders that removing `files` left empty, up to but not including `root`. */
export async function removeEmptyFolders(root: string, files: readonly string[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(path.join(root, file))));
  for (const start of [...folders].sort((a, b) => b.length - a.length)) {
    for (let dir = start; dir !== root && dir.startsWith(root); dir = path.dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }
}
