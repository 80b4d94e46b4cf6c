/** Watches the project's sources and turns bursts of file events into batches, one rebuild at a time. */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A running watcher. */
export interface ProjectWatcher {
  /** Stops watching and waits for a rebuild in progress to finish, so no write is cut off. */
  close(): Promise<void>;
}

/** How long the watcher waits after an event for more of the same burst (an editor's atomic save is several). */
const SETTLE_MS = 15;

/**
 * Watches `targets` (files or folders, which need not exist yet) and calls `onBatch` with every path that changed.
 * Batches never overlap: paths that change while one runs are collected and make up the next.
 *
 * Plain `fs.watch`, one per folder, reports a changed name and nothing more: a batch needs no more, since
 * updateProject looks at what is on disk when it runs. (chokidar re-read and stat-ed a whole folder on every rename in
 * it, so each editor's save in a folder of 10,000 releases cost the main thread most of a second.)
 */
export async function watchProject(targets: readonly string[], onBatch: (changed: string[]) => Promise<void>): Promise<ProjectWatcher> {
  const folders = new Map<string, { watcher: FSWatcher; inode: number }>();
  const parents = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let followed = Promise.resolve();

  const schedule = () => {
    if (closed || running || pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  };
  const run = () => {
    const batch = [...pending].sort();
    pending = new Set();
    // New folders are watched before the rebuild starts, so a change in one right after it is never missed.
    running = followed.then(() => onBatch(batch)).finally(() => {
      running = undefined;
      schedule();
    });
  };
  const changed = (full: string) => {
    pending.add(full);
    schedule();
    // A folder that appeared (or came back) is watched from now on; one that went stops being watched.
    followed = Promise.all([followed, follow(full)]).then(() => undefined);
  };

  /** Watches `full` and every folder below it if it is a folder not watched yet; forgets folders that are gone. */
  async function follow(full: string): Promise<void> {
    const info = await stat(full).catch(() => undefined);
    const known = folders.get(full);
    // The same inode is the same folder; another one (removed and made again) needs a watcher of its own.
    if (known && info?.isDirectory() && known.inode === info.ino) return;
    for (const [folder, { watcher }] of folders) {
      if (folder === full || folder.startsWith(full + path.sep)) {
        watcher.close();
        folders.delete(folder);
      }
    }
    if (closed || !info?.isDirectory()) return;
    const watcher = watchOrSkip(full, (name) => changed(path.join(full, name)));
    if (!watcher) return;
    folders.set(full, { watcher, inode: info.ino });
    const entries = await readdir(full, { withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => follow(path.join(full, entry.name))));
  }

  for (const parent of new Set(targets.map((target) => path.dirname(target)))) {
    // The folder holding a target tells when the target itself is created, replaced or removed.
    const watcher = watchOrSkip(parent, (name) => {
      const target = path.join(parent, name);
      if (targets.includes(target)) changed(target);
    });
    if (watcher) parents.set(parent, watcher);
  }
  for (const target of targets) await follow(target);

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of [...[...folders.values()].map((folder) => folder.watcher), ...parents.values()]) watcher.close();
      await running;
    },
  };
}

/** `fs.watch` on a folder, calling `onName` with each changed entry's name; undefined when it cannot be watched. */
function watchOrSkip(folder: string, onName: (name: string) => void): FSWatcher | undefined {
  try {
    const watcher = watch(folder, { persistent: true }, (_event, name) => {
      if (name) onName(name.toString());
    });
    // A watched folder that is removed reports an error on some systems: its parent's watcher reports the removal.
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}
