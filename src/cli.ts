#!/usr/bin/env node
/** The `pressroom` command: argv → a library call → printed problems and summary → exit code. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { DevOptions } from './dev/start-dev.js';
import type { BuildOptions, BuildResult } from './pipeline.js';
import { countProblems, formatProblem, plural } from './problems.js';
import { progressLine } from './progress-line.js';
import type { Problem } from './types.js';

const HELP = `Usage: pressroom <command> [options]

Commands:
  build     Build the site from the release files into the output folder
  check     Report every problem in every release file, template and setting; write nothing
  dev       Build, serve the output with live reload, and rebuild what changed on every save
  serve     Serve a finished build from the output folder (no watching, no reload script)

Options:
  --content DIR    folder of release files (default: seeds)
  --out DIR        output folder (default: public); build replaces it whole on success, dev updates it
  --templates DIR  folder of Eta templates and assets (default: templates)
  --base-url URL   address the site is published at, overriding the baseUrl setting
  --now TIME       build as at this instant (ISO 8601 with offset, such as 2024-07-12T06:00:00+12:00),
                   instead of the clock; embargoes that have not lifted by then stay hidden
  --drafts         build draft releases too, for a preview
  --json           build: print the summary (counts, pages, problems, nextEmbargo) as JSON on stdout
  --port N         dev/serve: first port to try (default: 4000; the next is tried if it is taken)
  --host H         dev/serve: interface to listen on (default: 127.0.0.1, this machine only)
  --no-cache       build from scratch, neither reading nor writing node_modules/.cache/pressroom/
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success, 1 problems in the content (all printed, nothing written), 2 usage error.`;

const OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  'base-url': { type: 'string' },
  now: { type: 'string' },
  drafts: { type: 'boolean' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Lets V8's heap grow by `percent` of its live size between full collections, a fifth unless told. V8 otherwise lets
 * it grow up to four times, collecting late because the machine seems to have memory to spare: a cold build of
 * 10,000 releases peaked at 740-850 MB of RSS where its live heap stays under 300 MB. Side by side on the bench's
 * corpus (whole process tree, two Pagefind services included), 20 peaked at 586-592 MiB and 50 at 637-647 MiB, in
 * the same time within this machine's noise; V8's own sizing was about 120 MiB above 50. Figures: the README's
 * Performance section.
 * The flag is read at every collection, so setting it once the process runs takes effect (checked: peak RSS falls).
 * Node started with its own `--heap-growing-percent` (0 is V8's own sizing) keeps it.
 */
function limitHeapGrowth(percent = 20): void {
  if (process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent') || arg.startsWith('--heap_growing_percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

type Progress = NonNullable<BuildOptions['progress']>;

/** From this many releases even a build that takes them all from the cache limits heap growth (see limitHeapWhenItPays). */
const LARGE_SITE = 25_000;

/**
 * Passes progress on, and limits heap growth once the render stage starts, if it starts with more than half of the
 * releases still to render (a cold build, or the first after an upgrade, whose cache matches nothing) or the site is
 * large. A large site's heap is held to half its size already while the cache is read.
 * - Deciding on what the cache holds, not on whether there is one: the first build after an upgrade, with V8's own
 *   sizing, peaked at 3,342 MiB at 71,000 releases (whole process tree), against 1,728 MiB for a cold build with the
 *   limit.
 * - A build that takes most releases from the cache peaks at about 300 MiB at 10,000 releases, and there the
 *   collections of a limited heap only cost it time: six pairs, 3.87 s with V8's own sizing against 4.13 s limited,
 *   for 306 MiB against 301 MiB.
 * - At 71,000 the same build peaks at 1.3 GiB, and there the limit pays: in alternating pairs, warm builds peaked at
 *   1,110-1,246 MiB against 1,269-1,350 MiB (4 pairs), builds with one release changed at 1,350-1,434 MiB against
 *   1,686-1,690 MiB (2 pairs), in the same wall time within the noise (27-37 s for both).
 * - While the cache of 71,000 releases is read, V8's own sizing took warm builds to 1,013 MiB (2 runs), against
 *   812-831 MiB with growth held to 50% (2 runs alternated with them), in 20.3 s against 22.0-22.9 s. Held to 20%
 *   from the start, 760-815 MiB against 1,010-1,022 MiB, but in 23.5-27.9 s against 20.7-22.9 s.
 */
function limitHeapWhenItPays(progress: Progress | undefined): Progress {
  let seen = false;
  return (stage, done, total) => {
    if (stage === 'read' && done === 0 && total >= LARGE_SITE) limitHeapGrowth(50);
    if (stage === 'render' && !seen) {
      seen = true;
      if (total - done > total / 2 || total >= LARGE_SITE) limitHeapGrowth();
    }
    progress?.(stage, done, total);
  };
}

/** Runs the command line and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    // Node's own wording suggests "--" for positionals starting with "-", which never applies to pressroom.
    const unknown = (cause as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec((cause as Error).message) : null;
    return usageError(unknown ? `unknown option "${unknown[1]}"` : (cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command === undefined) return usageError('a command is needed');
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);
  const options = {
    ...(values.content !== undefined ? { content: values.content } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.templates !== undefined ? { templates: values.templates } : {}),
    ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
    ...(values.drafts ? { drafts: true } : {}),
    // The one place the real clock is read: every stage gets "now" from here, so a build can be replayed with --now.
    now: values.now === undefined ? new Date() : parseNow(values.now),
    ...(values['no-cache'] ? { cache: false } : {}),
  };
  if (Number.isNaN(options.now.getTime())) return usageError(`--now "${values.now}" is not a date and time; expected one such as 2024-07-12T06:00:00+12:00`);
  if ((values.port !== undefined || values.host !== undefined) && command !== 'dev' && command !== 'serve') {
    return usageError('--port and --host are for dev and serve');
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) return usageError(`--port expects a port number from 0 to 65535, got "${values.port}"`);
  const listen = { ...(port !== undefined ? { port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) };
  if (command === 'dev' || command === 'serve') limitHeapGrowth();
  if (command === 'dev') return runDev({ ...options, ...listen });
  if (command === 'serve') return runServe({ ...options, ...listen });
  const started = performance.now();
  // Loaded only now, so --help, --version and usage errors answer without loading the Markdown and template engines.
  const { build, check } = await import('./pipeline.js');
  if (command === 'build') {
    const progress = progressLine(process.stderr);
    const result = await build({ ...options, progress: limitHeapWhenItPays(progress?.update) }).finally(() => progress?.done());
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summaryJson(result, values.out ?? 'public'), null, 2)}\n`);
      return result.ok ? 0 : 1;
    }
    report(result.problems);
    if (!result.ok) return failed(result, 'nothing was written');
    const ms = Math.round(performance.now() - started);
    const { stats } = result;
    process.stdout.write(
      `Built ${plural(stats.releases, 'release')}, ${plural(stats.ministers, 'minister')}, ${plural(stats.portfolios, 'portfolio')}: ${plural(stats.pages, 'page')} and ${plural(stats.feeds, 'feed')} written to ${values.out ?? 'public'}/${stats.unchanged > 0 ? ` (${stats.unchanged} unchanged since the last build)` : ''} in ${ms} ms\n`,
    );
    if (result.nextEmbargo) {
      process.stdout.write(`${plural(stats.withheld, 'release')} held back; the next embargo lifts at ${result.nextEmbargo.local} (${new Date(result.nextEmbargo.at).toISOString()}, ${result.nextEmbargo.file}): build again then\n`);
    }
    return 0;
  }
  if (command === 'check') {
    if (values.out !== undefined) return usageError('--out is for build; check writes nothing');
    const result = await check({ ...options, progress: limitHeapWhenItPays(undefined) });
    report(result.problems);
    if (!result.ok) return failed(result, 'the site cannot be built until the errors are fixed');
    process.stdout.write(`Checked ${plural(result.stats.releases, 'release')}: ${result.problems.length === 0 ? 'no problems' : countProblems(result.problems)}\n`);
    return 0;
  }
  return usageError(`unknown command "${command}"`);
}

/** Only a date-time with an explicit offset: an offset-less one would mean the builder's own time zone. */
function parseNow(text: string): Date {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : new Date(Number.NaN);
}

/** The build summary for schedulers and scripts: stable keys, instants as ISO text. */
function summaryJson(result: BuildResult, out: string) {
  return {
    ok: result.ok,
    out,
    counts: result.stats,
    pages: result.pages,
    problems: result.problems,
    searchIndexes: result.searchIndexes ?? null,
    nextEmbargo: result.nextEmbargo ? { file: result.nextEmbargo.file, at: new Date(result.nextEmbargo.at).toISOString(), local: result.nextEmbargo.local } : null,
  };
}

/** Runs until Ctrl-C (SIGINT) or SIGTERM, then closes the watcher and server and exits 0. */
async function runDev(options: DevOptions): Promise<number> {
  const { startDev } = await import('./dev/start-dev.js');
  const session = await startDev({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
  await untilStopped();
  await session.close();
  return 0;
}

async function runServe(options: DevOptions): Promise<number> {
  const out = options.out ?? 'public';
  if (!existsSync(path.resolve(options.root ?? '.', out))) {
    process.stderr.write(`pressroom: ${out}/ does not exist; run "pressroom build" first, or "pressroom dev" to build and watch\n`);
    return 1;
  }
  const { startServe } = await import('./dev/start-dev.js');
  const server = await startServe(options);
  process.stdout.write(`Serving ${server.url} (Ctrl-C to stop)\n`);
  await untilStopped();
  await server.close();
  return 0;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write('Stopping\n');
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function report(problems: readonly Problem[]): void {
  const colour = process.stderr.isTTY === true && !process.env.NO_COLOR;
  for (const problem of problems) {
    const line = formatProblem(problem);
    const paint = problem.severity === 'error' ? '\x1b[31m' : '\x1b[33m';
    process.stderr.write(colour ? `${paint}${line}\x1b[0m\n` : `${line}\n`);
  }
}

function failed(result: BuildResult, consequence: string): number {
  process.stderr.write(`${countProblems(result.problems)}: ${consequence}\n`);
  return 1;
}

function usageError(message: string): number {
  process.stderr.write(`pressroom: ${message}\nRun "pressroom --help" for the commands and options.\n`);
  return 2;
}

function readVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`pressroom: the build stopped: ${(cause as Error)?.stack ?? cause}\n`);
    process.exitCode = 1;
  },
);
