/** `pressroom dev`: build once, serve the output with live reload, and rebuild incrementally on every change. */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolvePaths, type BuildOptions } from '../pipeline.js';
import { error, formatProblem, plural } from '../problems.js';
import type { Settings } from '../types.js';
import { createLiveReload } from './live-reload.js';
import { createRebuilder, type RebuildReport } from './rebuild.js';
import { serveSite, type PreviewServer } from './serve-site.js';
import { readPackageJson } from '../load/read-project.js';
import { watchProject } from './watch-project.js';
import { DEFAULT_SETTINGS, validateSettings } from '../validate/validate-settings.js';

/** What to build and where to serve it. */
export interface DevOptions extends BuildOptions {
  /** First port to try (default 4000; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Where progress lines and problems go (default: stdout). */
  log?: (line: string) => void;
}

/** One rebuild, as the "rebuild" event reports it. */
export interface RebuildEvent extends RebuildReport {
  /** The paths that changed, relative to the project. */
  changed: string[];
  /** How long the rebuild took, reading to writing. */
  ms: number;
}

/** A running dev session. */
export interface DevSession {
  /** The preview's address. */
  url: string;
  /** Emits "rebuild" with a RebuildEvent after every rebuild, good or bad, and "search" when the index caught up. */
  events: EventEmitter;
  /** The first build's report. */
  first: RebuildReport;
  /** Resolves when the search index, rebuilt in the background, has caught up with the last rebuild. */
  searchIdle(): Promise<void>;
  /** Stops watching (letting a rebuild in progress finish) and closes the server. */
  close(): Promise<void>;
}

/** Starts a dev session; resolves once the site is built, served and watched. */
export async function startDev(options: DevOptions = {}): Promise<DevSession> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const paths = resolvePaths(options);
  const events = new EventEmitter();
  // The index follows the pages: a save shows up first, then search catches up and open pages hear nothing of it.
  const rebuilder = createRebuilder(options, (report) => {
    for (const problem of report.problems) log(formatProblem(problem));
    if (report.problems.length === 0) log(`search index updated: ${plural(report.written, 'file')} written, ${report.deleted} deleted in ${Math.round(report.ms)} ms`);
    events.emit('search', report);
  });
  const live = createLiveReload();
  let settings: Settings = DEFAULT_SETTINGS;

  const run = async (changed: string[]): Promise<RebuildEvent> => {
    const started = performance.now();
    const report = await rebuilder.rebuild(changed).catch((cause: unknown): RebuildReport => ({
      ok: false, written: [], deleted: [], rendered: 0, settings,
      problems: [error('(dev)', `the rebuild stopped: ${(cause as Error)?.message ?? cause}; save again to retry`)],
    }));
    settings = report.settings;
    const event = { ...report, changed: changed.map((file) => toProjectPath(paths.root, file)), ms: performance.now() - started };
    live.publish({ touched: [...report.written, ...report.deleted], problems: report.ok ? [] : report.problems, basePath: basePathOf(settings) });
    return event;
  };

  const first = await run([]);
  for (const problem of first.problems) log(formatProblem(problem));
  log(first.ok ? `Built ${plural(first.written.length, 'file')} in ${Math.round(first.ms)} ms` : 'The site has errors: fix them and save; the preview shows them until then');
  const server = await serveSite({ dir: paths.out, host: options.host, port: options.port, basePath: () => basePathOf(settings), live, log });
  const targets = [path.resolve(paths.root, paths.content), path.resolve(paths.root, paths.templates), path.join(paths.root, 'package.json')];
  const watcher = await watchProject(targets, async (changed) => {
    const event = await run(changed);
    for (const problem of event.problems) log(formatProblem(problem));
    log(describeRebuild(event));
    events.emit('rebuild', event);
  });
  log(`Serving ${server.url} (Ctrl-C to stop)`);
  return {
    url: server.url,
    events,
    first,
    searchIdle: () => rebuilder.searchIdle(),
    async close() {
      await watcher.close();
      await rebuilder.searchIdle();
      await server.close();
    },
  };
}

/** "seeds/a.md changed → 6 files rewritten, 0 deleted in 41 ms" */
export function describeRebuild(event: RebuildEvent): string {
  const what = event.changed.length === 1 ? `${event.changed[0]} changed` : `${event.changed.length} files changed`;
  const ms = Math.round(event.ms);
  if (!event.ok) return `${what} → not rebuilt: ${plural(event.problems.filter((p) => p.severity === 'error').length, 'error')}; still serving the last good site (${ms} ms)`;
  return `${what} → ${plural(event.written.length, 'file')} rewritten, ${event.deleted.length} deleted in ${ms} ms`;
}

function basePathOf(settings: Settings): string {
  return new URL(settings.baseUrl).pathname;
}

function toProjectPath(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

/** `pressroom serve`: the output folder as it is, with no watching and no injected script. */
export async function startServe(options: DevOptions = {}): Promise<PreviewServer> {
  const paths = resolvePaths(options);
  const read = await readPackageJson(paths.root);
  const { settings } = validateSettings(read, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  return serveSite({ dir: paths.out, host: options.host, port: options.port, basePath: () => basePathOf(settings), log: options.log ?? ((line) => process.stdout.write(`${line}\n`)) });
}
