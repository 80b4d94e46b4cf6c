/** The build's only writer: fills a staging folder, then swaps it into place, so a failed build leaves the old output. */
import { createHash } from 'node:crypto';
import { link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry, OutputManifest } from '../load/read-build-cache.js';
import type { OutputFile } from '../types.js';

const PARALLEL_WRITES = 64;

/**
 * Writes every file into a fresh folder beside `outDir`, then replaces `outDir` with it in two renames. Given the
 * manifest of the last build, a file whose content is unchanged is hard-linked from the current output instead of
 * written. Returns the manifest of what is now in `outDir`.
 */
export async function writeSite(outDir: string, files: readonly OutputFile[], last?: OutputManifest): Promise<OutputManifest>;
/**
 * The same, with files that are still being made (the search index): they are awaited once `files` are staged, so
 * making them overlaps the write. When `later` settles on undefined nothing is swapped in and the result is undefined.
 */
export async function writeSite(outDir: string, files: readonly OutputFile[], last: OutputManifest | undefined, later: Promise<readonly OutputFile[] | undefined>): Promise<OutputManifest | undefined>;
export async function writeSite(outDir: string, files: readonly OutputFile[], last?: OutputManifest, later?: Promise<readonly OutputFile[] | undefined>): Promise<OutputManifest | undefined> {
  const target = path.resolve(outDir);
  const stamp = `${path.basename(target)}-${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(path.dirname(target), `.pressroom-staging-${stamp}`);
  const previous = path.join(path.dirname(target), `.pressroom-old-${stamp}`);
  let manifest: OutputManifest;
  try {
    const earlier = last?.out === target ? { ...last, out: target } : undefined;
    const written = await writeFiles(staging, files, earlier);
    const rest = await later;
    if (later && rest === undefined) {
      await rm(staging, { recursive: true, force: true });
      return undefined;
    }
    if (rest) for (const [file, entry] of await writeFiles(staging, rest, earlier)) written.set(file, entry);
    manifest = { out: target, writtenAt: Date.now(), files: written };
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
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
}

/**
 * Writes files below `root`, creating folders as needed; refuses any path that could lead outside it. With the
 * manifest of an earlier output, links each unchanged file from there (when it is still as that build left it).
 * Returns each file's hash and size.
 */
export async function writeFiles(root: string, files: readonly OutputFile[], earlier?: OutputManifest): Promise<Map<string, ManifestEntry>> {
  await mkdir(root, { recursive: true });
  const made = new Set<string>([root]);
  const entries: (ManifestEntry | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index]!;
      const full = safeJoin(root, file.path);
      const dir = path.dirname(full);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      const entry = { hash: createHash('sha1').update(file.content).digest('base64'), size: Buffer.byteLength(file.content) };
      entries[index] = entry;
      if (!(earlier && (await linkUnchanged(earlier, file.path, entry, full)))) await writeFile(full, file.content);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
  return new Map(files.map((file, index) => [file.path, entries[index]!]));
}

/** Links the earlier output's copy when its hash matches and it is unmodified since; false when it cannot be reused. */
async function linkUnchanged(earlier: OutputManifest, file: string, entry: ManifestEntry, destination: string): Promise<boolean> {
  const known = earlier.files.get(file);
  if (!known || known.hash !== entry.hash || known.size !== entry.size) return false;
  const source = safeJoin(earlier.out, file);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isFile() || info.size !== entry.size || info.mtimeMs > earlier.writtenAt) return false;
  return link(source, destination).then(
    () => true,
    () => false,
  );
}

/** Joins an output path onto the root, throwing if it is absolute or climbs out: the last line of defence after slugs. */
export function safeJoin(root: string, relative: string): string {
  const segments = relative.split('/');
  if (relative === '' || path.isAbsolute(relative) || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
  return path.join(root, ...segments);
}
