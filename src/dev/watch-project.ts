/** Watches the project's sources and turns bursts of file events into batches, one rebuild at a time. */
import path from 'node:path';
import { watch } from 'chokidar';

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
 */
export async function watchProject(targets: readonly string[], onBatch: (changed: string[]) => Promise<void>): Promise<ProjectWatcher> {
  // chokidar's `atomic` holds back every unlink for 100 ms to see whether it was an editor's save; that splits a rename
  // into an add now and an unlink later (two rebuilds, a moment with both pages, maybe a slug clash). Batching covers
  // editors' saves instead: updateProject looks at what is on disk when the batch runs.
  const watcher = watch([...targets], { ignoreInitial: true, atomic: false });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = () => {
    if (closed || running || pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  };
  const run = () => {
    const batch = [...pending].sort();
    pending = new Set();
    running = onBatch(batch).finally(() => {
      running = undefined;
      schedule();
    });
  };
  watcher.on('all', (_event, changedPath) => {
    pending.add(changedPath);
    schedule();
  });
  // chokidar drops a file's second "change" within 50 ms of the first, so two quick saves would leave the first on
  // the page. Its raw file-system events are never throttled: every one of them joins the batch too.
  watcher.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!watched || !name) return;
    pending.add(path.basename(watched) === name ? watched : path.resolve(watched, name));
    schedule();
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
