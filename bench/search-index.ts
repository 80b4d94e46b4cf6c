/**
 * How long the search index takes: builds N generated releases in memory, then times indexSearch alone.
 * Run: npm run compile && node dist/bench/search-index.js [count …]   (default 1000)
 */
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readProject } from '../src/load/read-project.js';
import { produceSite } from '../src/pipeline.js';
import { indexSearch } from '../src/render/index-search.js';
import { isRendered } from '../src/render/search-pages.js';
import type { SearchPage } from '../src/types.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MINISTERS = ['Hon Nicola Willis', 'Hon Chris Bishop', 'Rt Hon Christopher Luxon', 'Hon Erica Stanford', 'Hon Shane Jones', 'Hon Judith Collins'];
const PORTFOLIOS = ['Finance', 'Transport', 'Housing', 'Education', 'Regional Development', 'Health', 'Defence', 'Science'];
const TYPES = ['release', 'release', 'release', 'speech', 'feature'];
const WORDS = 'government announce funding community regional investment school hospital road rail housing council water energy export trade climate police justice health workforce'.split(' ');

/** A deterministic release: number `i` picks its minister, portfolio, date and words. */
function generated(i: number): string {
  const pick = <T>(list: readonly T[], salt: number) => list[(i * 7 + salt * 13) % list.length] as T;
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const paragraph = (n: number) => Array.from({ length: 60 }, (_, w) => pick(WORDS, n * 61 + w)).join(' ');
  return `---\ntitle: "Release ${i}: ${pick(WORDS, 1)} ${pick(WORDS, 2)}"\ndate: ${day}\ntype: ${pick(TYPES, 3)}\nministers:\n  - ${pick(MINISTERS, 4)}\nportfolios:\n  - ${pick(PORTFOLIOS, 5)}\n---\n\n${[1, 2, 3, 4].map(paragraph).join('.\n\n')} (ref${i}).\n`;
}

async function measure(count: number): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'pressroom-bench-search-'));
  try {
    await mkdir(path.join(root, 'seeds'));
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ pressroom: { title: 'Bench', baseUrl: 'https://example.test/' } }));
    for (let i = 0; i < count; i++) await writeFile(path.join(root, 'seeds', `r${String(i).padStart(5, '0')}.md`), generated(i));
    const read = await readProject({ root, content: 'seeds', templates: path.join(REPO, 'templates') });
    const pages: SearchPage[] = [];
    const produced = await produceSite(read.project, {}, 'templates', {}, { start: async () => undefined, write: async (_files, searchable) => void pages.push(...searchable.filter(isRendered)) });
    const started = performance.now();
    const index = await indexSearch({ pages, mode: produced.searchMode });
    const ms = Math.round(performance.now() - started);
    const bytes = index.files.reduce((sum, file) => sum + file.content.length, 0);
    // The same input must give the same index: compare this across runs.
    const hash = createHash('sha256');
    for (const file of index.files) hash.update(file.path).update(file.content);
    const sha256 = hash.digest('hex').slice(0, 16);
    if (index.problems.length > 0) throw new Error(index.problems.map((p) => p.message).join('\n'));
    process.stdout.write(`${JSON.stringify({ releases: count, indexed: pages.length, ms, files: index.files.length, bytes, sha256 })}\n`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const counts = process.argv.slice(2).map(Number);
for (const count of counts.length > 0 ? counts : [1000]) await measure(count);
