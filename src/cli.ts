#!/usr/bin/env node
/** The `pressroom` command: argv → a library call → printed problems and summary → exit code. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build, check, type BuildResult } from './pipeline.js';
import { countProblems, formatProblem, plural } from './problems.js';
import { progressLine } from './progress-line.js';
import type { Problem } from './types.js';

const HELP = `Usage: pressroom <command> [options]

Commands:
  build     Build the site from the release files into the output folder
  check     Report every problem in every release file, template and setting; write nothing

Options:
  --content DIR    folder of release files (default: seeds)
  --out DIR        output folder, replaced whole on success (default: public; build only)
  --templates DIR  folder of Eta templates and assets (default: templates)
  --base-url URL   address the site is published at, overriding the baseUrl setting
  --no-cache       build from scratch, neither reading nor writing node_modules/.cache/pressroom/
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success, 1 problems in the content (all printed, nothing written), 2 usage error.`;

const OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  'base-url': { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the command line and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    return usageError((cause as Error).message);
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
    ...(values['no-cache'] ? { cache: false } : {}),
  };
  const started = performance.now();
  if (command === 'build') {
    const progress = progressLine(process.stderr);
    const result = await build({ ...options, ...(progress ? { progress: progress.update } : {}) }).finally(() => progress?.done());
    report(result.problems);
    if (!result.ok) return failed(result, 'nothing was written');
    const ms = Math.round(performance.now() - started);
    const { stats } = result;
    process.stdout.write(
      `Built ${plural(stats.releases, 'release')}, ${plural(stats.ministers, 'minister')}, ${plural(stats.portfolios, 'portfolio')}: ${plural(stats.pages, 'page')} written to ${values.out ?? 'public'}/ in ${ms} ms\n`,
    );
    return 0;
  }
  if (command === 'check') {
    if (values.out !== undefined) return usageError('--out is for build; check writes nothing');
    const result = await check(options);
    report(result.problems);
    if (!result.ok) return failed(result, 'the site cannot be built until the errors are fixed');
    process.stdout.write(`Checked ${plural(result.stats.releases, 'release')}: ${result.problems.length === 0 ? 'no problems' : countProblems(result.problems)}\n`);
    return 0;
  }
  return usageError(`unknown command "${command}"`);
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
