/**
 * The warm build's writer: updates the last build's output folder in place instead of staging a whole new one, so an
 * unchanged file costs a stat rather than a link and a folder. Changed files are written beside the output first; only
 * when every page is ready are they renamed into place, the files they replace and the files no longer produced moved
 * aside, and a failure while doing so moves everything back. Until that last step the output is untouched.
 */
import { statSync, type Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry, OutputManifest } from '../load/read-build-cache.js';
import { addAll } from '../add-all.js';
import { mapInParallel } from '../in-parallel.js';
import { manifestEntry, removeEmptyFolders, safeJoin, type Staging } from './write-site.js';

/** An in-place update that can also keep files it is not given, such as a search index made by an earlier build. */
export interface InPlaceUpdate extends Staging {
  /** Keeps these files of the last build as they are, if every one is still as it left it; false (keeping none) if not. */
  keep(files: readonly string[]): Promise<boolean>;
  /**
   * Keeps each page the last build rendered from the same source digest (path → digest, see pageSources) that is
   * still as it left it, and gives their paths; the others must be rendered and written.
   */
  keepUnchanged(sources: ReadonlyMap<string, string>): Promise<Set<string>>;
  /** The text of a kept file, as the last build left it (the commit has not touched the output yet). */
  read(file: string): Promise<string>;
}

/** An update of the folder `last` describes; a file is kept when the manifest and the disk both say it is unchanged. */
export function openInPlaceUpdate(last: OutputManifest): InPlaceUpdate {
  const target = last.out;
  const stamp = `${path.basename(target)}-${process.pid}-${Date.now().toString(36)}`;
  const staged = path.join(path.dirname(target), `.pressroom-staging-${stamp}`);
  const replaced = path.join(path.dirname(target), `.pressroom-old-${stamp}`);
  const entries = new Map<string, ManifestEntry>();
  const changed = new Set<string>();
  const made = new Set<string>();
  const makeFolderOf = async (file: string) => {
    const dir = path.dirname(file);
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  return {
    async write(files) {
      await mapInParallel(files, async (file) => {
        const kept = path.join(target, ...file.path.split('/'));
        const entry = manifestEntry(file);
        const full = safeJoin(staged, file.path);
        entries.set(file.path, entry);
        if (isIntact(last, file.path, entry, kept)) return;
        await makeFolderOf(full);
        await writeFile(full, file.content);
        changed.add(file.path);
      });
    },
    async commit() {
      const present = await filesBelow(target, last);
      const gone = present.filter((file) => !entries.has(file));
      const displaced = [...present.filter((file) => changed.has(file)), ...gone];
      const done: [from: string, to: string][] = [];
      const move = async (from: string, to: string) => {
        await makeFolderOf(to);
        await rename(from, to);
        done.push([from, to]);
      };
      try {
        await mapInParallel(displaced, (file) => move(path.join(target, file), path.join(replaced, file)));
        await mapInParallel([...changed], (file) => move(path.join(staged, file), path.join(target, file)));
      } catch (cause) {
        for (const [from, to] of done.reverse()) await rename(to, from).catch(() => undefined);
        await Promise.all([rm(staged, { recursive: true, force: true }), rm(replaced, { recursive: true, force: true })]);
        throw cause;
      }
      await Promise.all([rm(staged, { recursive: true, force: true }), rm(replaced, { recursive: true, force: true })]);
      await removeEmptyFolders(target, gone);
      const files = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return { out: target, writtenAt: Date.now(), files };
    },
    async keep(files) {
      const intact = files.every((file) => {
        const known = last.files.get(file);
        return known !== undefined && isIntact(last, file, known, safeJoin(target, file));
      });
      if (!intact) return false;
      for (const file of files) entries.set(file, last.files.get(file)!);
      return true;
    },
    async keepUnchanged(sources) {
      const kept = new Set<string>();
      for (const [file, source] of sources) {
        const known = last.files.get(file);
        if (known?.source !== source || !isIntact(last, file, known, safeJoin(target, file))) continue;
        entries.set(file, known);
        kept.add(file);
      }
      return kept;
    },
    // A written file's staged copy goes with the staged folder; the commit removes the output's, as no longer produced.
    forget(files) {
      for (const file of files) {
        entries.delete(file);
        changed.delete(file);
      }
    },
    read: (file) => readFile(safeJoin(target, file), 'utf8'),
    discard: () => rm(staged, { recursive: true, force: true }),
  };
}

/**
 * True when the output still holds this content as the last build left it: same hash and size, not touched since. Its
 * change time counts, which any write, rename or `touch` moves on and nothing sets back: an edit by hand that kept the
 * size and set the modification time back (`touch -r`, `cp -p`) looked untouched by that.
 * The stat is synchronous: a warm build asks it of every file, and for the 37,000 of a 10,000-release site, one by one
 * took 0.2 s where the promise API took 0.85 s.
 */
function isIntact(last: OutputManifest, file: string, entry: ManifestEntry, full: string): boolean {
  const known = last.files.get(file);
  if (!known || known.hash !== entry.hash || known.size !== entry.size) return false;
  const info = statOrNothing(full);
  // writtenAt is in whole milliseconds and taken after the last write; a file written in that millisecond has a
  // fraction above it, so the comparison drops the fraction.
  return info !== undefined && info.isFile() && info.size === entry.size && Math.floor(info.ctimeMs) <= last.writtenAt;
}

/** What is at `full`, or nothing when there is nothing there or it cannot be looked at (a file where a folder was). */
function statOrNothing(full: string): Stats | undefined {
  try {
    return statSync(full, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

// A folder changed this close to the last build's end is read again: file times come from a coarser clock than
// Date.now(), and may lag it by a tick.
const SETTLE_MS = 2000;

/**
 * Every file (anything but a folder) below `root`, as output paths; none when it does not exist. A folder whose
 * status last changed well before the last build finished writing holds just what that build left in it (adding,
 * removing or renaming an entry changes a folder's status), so its files are taken from the manifest and only the
 * others are read. Its change time counts, not its modification time: tools set the latter back (`rsync -t`,
 * `cp -p`), and nothing sets back the former. Reading every folder, the ~13,500 of a 10,000-release site took
 * 230-450 ms; a `stat` each, 70 ms. Folders are read many at a time: one after another took over a second.
 */
async function filesBelow(root: string, last: OutputManifest): Promise<string[]> {
  const layout = folderLayout(last.files.keys());
  const files: string[] = [];
  const pending = [''];
  const readFolder = async (folder: string) => {
    const entries = await readdir(path.join(root, ...folder.split('/')), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) pending.push(file);
      else files.push(file);
    }
  };
  while (pending.length > 0) {
    const unread: string[] = [];
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      const known = layout.get(folder);
      const status = known && statOrNothing(path.join(root, ...folder.split('/')));
      if (known && status?.isDirectory() && status.ctimeMs < last.writtenAt - SETTLE_MS) {
        // A big archive's release folder holds a folder per release: more than a spread into push can take.
        addAll(files, known.files);
        addAll(pending, known.folders);
      } else unread.push(folder);
    }
    await mapInParallel(unread, readFolder);
  }
  return files;
}

/** Each folder the files are in, "" for the top, with the files and folders directly in it. */
function folderLayout(files: Iterable<string>): Map<string, { files: string[]; folders: string[] }> {
  const layout = new Map<string, { files: string[]; folders: string[] }>([['', { files: [], folders: [] }]]);
  const folderOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));
  const enter = (folder: string): { files: string[]; folders: string[] } => {
    let known = layout.get(folder);
    if (known === undefined) {
      known = { files: [], folders: [] };
      layout.set(folder, known);
      enter(folderOf(folder)).folders.push(folder);
    }
    return known;
  };
  for (const file of files) enter(folderOf(file)).files.push(file);
  return layout;
}
