/**
 * `npm run bench`: cold, warm and one-change builds of a generated archive through the real CLI, beside the
 * read-and-write floor (and Eleventy 3 with --peers). Prints a table of medians and writes them to bench/results.json.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpusProject } from './generate-corpus.js';
import { ELEVENTY_SITE_VERSION, installEleventy, writeEleventySite } from './eleventy-peer.js';
import { measureNode, median, type Measurement } from './measure.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist/src/cli.js');
const FLOOR = path.join(REPO, 'dist/bench/floor.js');
const WORK = path.join(REPO, 'bench/.work');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    full: { type: 'boolean' },
    peers: { type: 'boolean' },
    runs: { type: 'string' },
    sizes: { type: 'string' },
  },
});
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [1000] : values.full ? [1000, 10000, 71000] : [1000, 10000];
const runs = Number(values.runs ?? 3);

interface Row {
  releases: number;
  scenario: string;
  runs: number;
  wall: number;
  cpu: number;
  rssMiB: number;
  pagefindRssMiB: number;
}
const rows: Row[] = [];

for (const count of sizes) {
  const project = path.join(WORK, String(count));
  await ensureCorpus(project, count, () => writeCorpusProject(project, { count, templates: path.join(REPO, 'templates') }));
  // The corpus is kept between runs, but its templates must be today's: the bench measures the design as it is.
  await rm(path.join(project, 'templates'), { recursive: true, force: true });
  await cp(path.join(REPO, 'templates'), path.join(project, 'templates'), { recursive: true });
  const cache = path.join(project, 'node_modules/.cache/pressroom');
  const build = () => measureNode(CLI, ['build'], project);
  // Cold is a fresh checkout: no cache and no output, as the Eleventy peer's cold run has no _site.
  const fresh = async () => void (await Promise.all([rm(cache, { recursive: true, force: true }), rm(path.join(project, 'public'), { recursive: true, force: true })]));
  await record(count, 'cold (no cache or output)', repeat(runs, fresh, build));
  await record(count, 'warm (nothing changed)', repeat(runs, async () => undefined, build));
  const edited = path.join(project, 'seeds', (await readdir(path.join(project, 'seeds'))).sort()[Math.floor(count / 2)]!);
  let edit = 0;
  await record(count, 'warm, one release changed', repeat(runs, () => appendFile(edited, `\nAn added line, edit ${++edit}.\n`), build));
  const outputs = await countFiles(path.join(project, 'public'));
  await record(count, `read-and-write floor (${outputs} files)`, repeat(runs, async () => undefined, () => measureNode(FLOOR, [project, String(outputs)], REPO)));
  if (values.peers) {
    const eleventy = installEleventy(path.join(REPO, 'bench/.peers'));
    const site = path.join(WORK, `${count}-eleventy`);
    await ensureCorpus(site, count, () => writeEleventySite(site, count, path.join(REPO, 'templates')), `${count} ${ELEVENTY_SITE_VERSION}`);
    await record(count, 'Eleventy 3 cold', repeat(runs, () => rm(path.join(site, '_site'), { recursive: true, force: true }), () => measureNode(eleventy, ['--quiet'], site)));
  }
}

printTable();
await writeFile(path.join(REPO, 'bench/results.json'), `${JSON.stringify({ node: process.version, runs, rows }, null, 2)}\n`);

function repeat(times: number, prepare: () => Promise<unknown>, run: () => Promise<Measurement>): Promise<Measurement[]> {
  return (async () => {
    const results: Measurement[] = [];
    for (let index = 0; index < times; index++) {
      await prepare();
      results.push(await run());
    }
    return results;
  })();
}

async function record(releases: number, scenario: string, pending: Promise<Measurement[]>): Promise<void> {
  const results = await pending;
  const row = { releases, scenario, runs: results.length, wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rssMiB: median(results.map((r) => r.rssMiB)), pagefindRssMiB: median(results.map((r) => r.pagefindRssMiB)) };
  rows.push(row);
  process.stdout.write(`  ${releases} ${scenario}: ${row.wall.toFixed(2)} s wall, ${row.cpu.toFixed(2)} s CPU, ${row.rssMiB.toFixed(0)} MiB (Pagefind ${row.pagefindRssMiB.toFixed(0)} MiB)\n`);
}

/** Makes the corpus in `dir` unless it is there already, made with the same `recipe` (a change to it remakes it). */
async function ensureCorpus(dir: string, count: number, make: () => Promise<void>, recipe = String(count)): Promise<void> {
  const stamp = path.join(dir, '.bench-corpus');
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === recipe) return;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  process.stdout.write(`Generating ${count} releases in ${path.relative(REPO, dir)}...\n`);
  await make();
  await writeFile(stamp, recipe);
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

function printTable(): void {
  const header = ['releases', 'scenario', 'wall (s)', 'CPU (s)', 'peak RSS (MiB)', 'of which Pagefind (MiB)', '× floor'];
  const lines = rows.map((row) => {
    const floor = rows.find((r) => r.releases === row.releases && r.scenario.startsWith('read-and-write floor'));
    return [String(row.releases), row.scenario, row.wall.toFixed(2), row.cpu.toFixed(2), row.rssMiB.toFixed(0), row.pagefindRssMiB.toFixed(0), floor ? (row.wall / floor.wall).toFixed(2) : ''];
  });
  process.stdout.write(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
  for (const line of lines) process.stdout.write(`| ${line.join(' | ')} |\n`);
  for (const count of sizes) {
    const cold = rows.find((r) => r.releases === count && r.scenario === 'cold (no cache or output)');
    const peer = rows.find((r) => r.releases === count && r.scenario === 'Eleventy 3 cold');
    if (cold && peer) process.stdout.write(`${count} releases: Pressroom cold / Eleventy cold = ${(cold.wall / peer.wall).toFixed(2)}\n`);
  }
}
