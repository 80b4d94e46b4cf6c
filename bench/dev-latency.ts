/**
 * How long from saving one release to the rewritten page, in `pressroom dev`, on a generated N-release corpus.
 * Run after `npm run compile`: node dist/bench/dev-latency.js [N=1000] [saves=15]
 * It starts a real dev session (file watcher, preview server on a free port) in a temp folder, edits one
 * release's title per round, and waits until the release page on disk shows the new title.
 */
import { mkdir, mkdtemp, cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startDev } from '../src/dev/start-dev.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MINISTERS = ['Hon Aroha Tane', 'Hon Ben Carter', 'Hon Cara Ngata', 'Hon Dev Patel', 'Hon Eli Moana', 'Hon Fay Lim', 'Hon Gus Reid', 'Hon Hana Wiremu'];
const PORTFOLIOS = ['Finance', 'Health', 'Education', 'Transport', 'Housing', 'Justice', 'Energy', 'Conservation', 'Trade', 'Tourism', 'Defence', 'Police'];

/** A small deterministic corpus: release i has a date, a minister and portfolio chosen by i, and a few paragraphs. */
function releaseText(i: number, title = `Release number ${i} announced`): string {
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  const body = Array.from({ length: 4 }, (_, p) => `Paragraph ${p + 1} of release ${i}: the Minister said the programme would **continue** in ${PORTFOLIOS[(i + p) % PORTFOLIOS.length]}.`).join('\n\n');
  return `---\ntitle: "${title}"\ndate: ${day}\nslug: release-${i}\nministers:\n  - ${MINISTERS[i % MINISTERS.length]}\nportfolios:\n  - ${PORTFOLIOS[i % PORTFOLIOS.length]}\n---\n\n${body}\n`;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1000);
  const rounds = Number(process.argv[3] ?? 15);
  const root = await mkdtemp(path.join(tmpdir(), 'pressroom-bench-'));
  try {
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'bench', private: true, pressroom: { title: 'Bench', baseUrl: 'https://bench.example.test/' } }));
    await cp(path.join(REPO_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
    await mkdir(path.join(root, 'seeds'));
    for (let i = 0; i < count; i++) await writeFile(path.join(root, 'seeds', `r${String(i).padStart(5, '0')}.md`), releaseText(i));

    let started = performance.now();
    const session = await startDev({ root, port: 0, log: () => {} });
    const firstBuild = performance.now() - started;
    const target = Math.floor(count / 2);
    const seed = path.join(root, 'seeds', `r${String(target).padStart(5, '0')}.md`);
    const page = path.join(root, 'public', 'release', `release-${target}`, 'index.html');
    const draft = path.join(root, '.edited-release.tmp');
    const times: number[] = [];
    const rebuildTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const title = `Edited title round ${round}`;
      const rebuilt = new Promise<number>((resolve) => session.events.once('rebuild', (event: { ms: number }) => resolve(event.ms)));
      started = performance.now();
      // Saved the way editors save: written beside the project, then renamed over the release in one step, so the
      // watcher never sees the file half-written (a plain writeFile truncates first, and the first rebuild could read
      // an empty file).
      await writeFile(draft, releaseText(target, title));
      await rename(draft, seed);
      rebuildTimes.push(await rebuilt);
      if (!(await readFile(page, 'utf8')).includes(title)) throw new Error('the page was not rewritten');
      times.push(performance.now() - started);
    }
    await session.close();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    process.stdout.write(
      `N=${count}: first build ${Math.round(firstBuild)} ms; save → rewritten page median ${median(times).toFixed(1)} ms ` +
        `(rebuild alone ${median(rebuildTimes).toFixed(1)} ms) over ${rounds} saves\n`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
