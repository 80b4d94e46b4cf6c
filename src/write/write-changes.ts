/** Dev mode's writer: writes only the files given and deletes the ones that went, each file replaced whole. */
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../types.js';
import { safeJoin } from './write-site.js';

/**
 * Writes `files` and deletes `removed` (output paths) below `outDir`. Each file goes to a temp name first and is
 * renamed into place, so the preview server never serves half a page and Ctrl-C never leaves one behind.
 */
export async function writeChanges(outDir: string, files: readonly OutputFile[], removed: readonly string[]): Promise<void> {
  const root = path.resolve(outDir);
  for (const file of files) {
    const full = safeJoin(root, file.path);
    await mkdir(path.dirname(full), { recursive: true });
    const temp = path.join(path.dirname(full), `.pressroom-${process.pid}-${path.basename(full)}`);
    await writeFile(temp, file.content);
    await rename(temp, full);
  }
  for (const relative of removed) {
    const full = safeJoin(root, relative);
    await rm(full, { force: true });
    await removeEmptyFolders(root, path.dirname(full));
  }
}

/** A full build has no empty folders, so neither may an incremental one: climbs from `dir` towards `root`. */
async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  for (let current = dir; current !== root && current.startsWith(root + path.sep); current = path.dirname(current)) {
    const removed = await rmdir(current).then(() => true, () => false);
    if (!removed) return;
  }
}
