/**
 * The build's only reader: takes everything it needs off the disk at once, in sorted order, except the bytes of
 * release files an earlier build stamped, which are read only for the releases that are rendered (see readStamped).
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentDigest } from '../content-digest.js';
import { error } from '../problems.js';
import type { AssetFile, Problem, Project, ReleaseSource, SourceFile } from '../types.js';
import { sourceOnDemand, stampOf, stillStamped, type SourceStamp } from './source-stamps.js';

/** Where a project's parts live. Relative paths are resolved against `root`. */
export interface ProjectPaths {
  /** The project folder, holding package.json. */
  root: string;
  /** The folder of release files ("seeds"). */
  content: string;
  /** The folder of Eta templates, with the design's files in its assets/ folder ("templates"). */
  templates: string;
}

/** What was read, with the problems that stopped parts of it being read (a missing folder, say). */
export interface ReadResult {
  project: Project;
  problems: Problem[];
  /** The release files' stamps for the next build to know them by, for those that have settled (see source-stamps). */
  stamps: Map<string, SourceStamp>;
}

/** Templates are the files below the templates folder with this extension. */
export const TEMPLATE_EXTENSION = '.eta';
/** The folder below templates/ whose files are copied as assets. */
export const ASSETS_FOLDER = 'assets';

/**
 * Reads package.json, every release under the content folder, and every template and asset. A release file whose
 * stat matches its stamp in `known` (an earlier build's) is not read: it comes with the stamp's digest, and its bytes
 * are read only if asked for. `onProgress` is told how many release files are read, out of how many: first as soon as
 * they are listed, before any is read.
 */
export async function readProject(paths: ProjectPaths, known: ReadonlyMap<string, SourceStamp> = new Map(), onProgress?: (done: number, total: number) => void): Promise<ReadResult> {
  const problems: Problem[] = [];
  const root = path.resolve(paths.root);
  const contentDir = path.resolve(root, paths.content);
  const templatesDir = path.resolve(root, paths.templates);

  const packageJson = await readPackageJson(root);
  const releaseFiles = await listFolder(root, contentDir, problems, 'release files');
  const templateFiles = await listFolder(root, templatesDir, problems, 'templates');
  const assetsDir = path.join(templatesDir, ASSETS_FOLDER);

  const readAt = Date.now();
  const stamps = new Map<string, SourceStamp>();
  const releaseMarkdown = releaseFiles.filter((file) => file.endsWith('.md'));
  onProgress?.(0, releaseMarkdown.length);
  const releases = releaseMarkdown.map((file) => {
    const { source, stamp } = readStamped(root, file, known, readAt, (changed) => stamps.delete(changed));
    if (stamp) stamps.set(source.path, stamp);
    return source;
  });
  onProgress?.(releases.length, releases.length);
  const templates = new Map<string, string>();
  const assets: AssetFile[] = [];
  for (const file of templateFiles) {
    if (isInside(assetsDir, file)) {
      assets.push({ name: toPosix(path.relative(assetsDir, file)), bytes: await readFile(file) });
    } else if (file.endsWith(TEMPLATE_EXTENSION)) {
      const name = toPosix(path.relative(templatesDir, file)).slice(0, -TEMPLATE_EXTENSION.length);
      templates.set(name, await readFile(file, 'utf8'));
    }
  }
  return { project: { packageJson, releases, templates, assets }, problems, stamps };
}

/** package.json as a source file; a missing one reads as empty, which settings validation reports. */
export async function readPackageJson(root: string): Promise<SourceFile> {
  try {
    return { path: 'package.json', bytes: await readFile(path.join(root, 'package.json')) };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { path: 'package.json', bytes: new Uint8Array() };
    throw cause;
  }
}

/**
 * One release file, read synchronously: reading 10,000 of them one by one takes 0.35 s, where the promise API, even
 * 64 at a time, took 1.2 s (this machine, files in the page cache). Nothing else waits on the main thread meanwhile.
 */
export function readSource(root: string, file: string): ReleaseSource {
  const bytes = readFileSync(file);
  return { path: toPosix(path.relative(root, file)), bytes, digest: contentDigest(bytes) };
}

/**
 * A release file by its stamp when it still has it, else read and digested; with the stamp for the next build. The
 * bytes are not kept: a release that is rendered reads its file again, about a third of a second more at 10,000
 * releases, on the main thread while the workers render. Held until then, the archive's text (250 MB at 71,000)
 * took small blocks that the allocator kept once they were let go. The stat comes before the read, so a file changed
 * in between is stamped with times older than its content and read again next time.
 */
function readStamped(
  root: string,
  file: string,
  known: ReadonlyMap<string, SourceStamp>,
  readAt: number,
  unstamp: (relative: string) => void,
): { source: ReleaseSource; stamp: SourceStamp | undefined } {
  const relative = toPosix(path.relative(root, file));
  const stats = statSync(file);
  const onChanged = () => unstamp(relative);
  const previous = known.get(relative);
  if (previous && stillStamped(previous, stats)) return { source: sourceOnDemand(file, relative, previous.digest, onChanged), stamp: previous };
  const digest = contentDigest(readFileSync(file));
  return { source: sourceOnDemand(file, relative, digest, onChanged), stamp: stampOf(stats, digest, readAt) };
}

/** Every file below a folder, in sorted path order, skipping names that start with "_" or ".". */
async function listFolder(root: string, dir: string, problems: Problem[], what: string): Promise<string[]> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      problems.push(error(displayPath(root, dir), `expected a folder of ${what}, found a file`));
      return [];
    }
  } catch {
    problems.push(error(displayPath(root, dir), `the folder of ${what} does not exist; create it or name another one`));
    return [];
  }
  const files: string[] = [];
  await walk(dir, files);
  return files.sort(comparePaths);
}

/** Adds every file below `dir` to `files`, unsorted, skipping hidden and "_" names and linked folders. */
export async function walk(dir: string, files: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // A linked folder is skipped rather than followed: it could lead outside the project or round in a loop.
    if (entry.isDirectory()) await walk(full, files);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile())) files.push(full);
  }
}

/** Sorts by path segments, so "a/b.md" comes before "a-b.md" on every machine. */
export function comparePaths(a: string, b: string): number {
  const left = toPosix(a).split('/');
  const right = toPosix(b).split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const l = left[i]!;
    const r = right[i]!;
    if (l !== r) return l < r ? -1 : 1;
  }
  return left.length - right.length;
}

/** True when `child` is strictly below `parent`. */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function displayPath(root: string, full: string): string {
  const relative = path.relative(root, full);
  return toPosix(relative.startsWith('..') ? full : relative) || '.';
}

/** A platform path with forward slashes. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
