/** A deterministic synthetic archive in the seeds' format (~45 ministers, ~90 portfolios, ≈3.5 KB a file), for benchmarks and tests. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Options of the corpus; the same options always give byte-identical files. */
export interface CorpusOptions {
  /** How many release files. */
  count: number;
  /** Seed of the pseudo-random sequence (default 1). */
  seed?: number;
}

const GIVEN = ['Aroha', 'Ben', 'Catherine', 'David', 'Erica', 'Finn', 'Grace', 'Hemi', 'Isla', 'James', 'Kiri', 'Liam', 'Mere', 'Nikau', 'Olivia', 'Paul', 'Rawiri', 'Sarah', 'Tama', 'Una', 'Wiremu', 'Xavier', 'Yvonne'];
const FAMILY = ['Anderson', 'Bishop', 'Carter', 'Doyle', 'Edwards', 'Fitzgerald', 'Gray', 'Hēnare', 'Irwin', 'Jackson', 'Kereama', 'Lusk', 'Morgan', 'Ngata', 'O’Brien', 'Pōhatu', 'Quinn', 'Reti', 'Simmonds', 'Tūhoe-Walker', 'Upston', 'Vaughan', 'Whaanga'];
const HONORIFICS = ['Hon', 'Hon', 'Hon', 'Hon Dr', 'Rt Hon'];
const AREAS = ['Finance', 'Health', 'Education', 'Transport', 'Housing', 'Justice', 'Police', 'Defence', 'Trade', 'Agriculture', 'Conservation', 'Environment', 'Energy', 'Tourism', 'Immigration', 'Revenue', 'Social Development', 'Whānau Ora', 'Māori Development', 'Pacific Peoples', 'Seniors', 'Youth', 'Sport and Recreation', 'Arts, Culture and Heritage', 'Regional Development', 'Forestry', 'Fisheries', 'Oceans', 'Climate Change', 'Building and Construction'];
const QUALIFIERS = ['', 'Associate ', 'Digital '];
const VERBS = ['announces', 'welcomes', 'confirms', 'launches', 'opens', 'extends', 'reviews', 'funds', 'marks', 'updates'];
const SUBJECTS = ['new funding for rural schools', 'regional infrastructure package', 'changes to the benefit system', 'support for flood-hit communities', 'a boost for frontline nurses', 'trade mission to Asia', 'investment in rail freight', 'new marine reserve', 'apprenticeship scheme results', 'cost of living measures', 'road safety campaign', 'Budget priorities', 'emergency housing changes', 'export growth figures', 'school lunch programme'];
const WORDS = 'the government will today announce funding for communities across region people support programme new zealand minister says this year more than million investment work families services local councils health schools jobs housing infrastructure over next three years partners agencies provide help deliver plan ensure long term change build stronger economy future'.split(' ');
const PLACES = ['Wellington', 'Auckland', 'Christchurch', 'Hamilton', 'Tauranga', 'Dunedin', 'Rotorua', 'Napier', 'Nelson', 'Whangārei'];

/** Ministers with their honorific, about 45 distinct people; some appear under two honorifics over the years. */
export function corpusMinisters(seed = 1): string[] {
  const random = makeRandom(seed * 7919);
  const names = new Set<string>();
  while (names.size < 45) names.add(`${pick(random, GIVEN)} ${pick(random, FAMILY)}`);
  return [...names].map((name) => `${pick(random, HONORIFICS)} ${name}`);
}

/** About 90 portfolio names. */
export function corpusPortfolios(): string[] {
  return AREAS.flatMap((area) => QUALIFIERS.map((qualifier) => `${qualifier}${area}`));
}

/** File name → text of every release, in name order. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  const random = makeRandom(options.seed ?? 1);
  const ministers = corpusMinisters(options.seed ?? 1);
  const portfolios = corpusPortfolios();
  const files = new Map<string, string>();
  const firstDay = Date.UTC(1993, 0, 1);
  const span = Date.UTC(2026, 0, 1) - firstDay;
  for (let index = 0; index < options.count; index++) {
    const date = new Date(firstDay + Math.floor((span * index) / Math.max(1, options.count))).toISOString().slice(0, 10);
    const speech = random() < 0.17;
    const subject = pick(random, SUBJECTS);
    const title = speech ? `Speech on ${subject}` : `Minister ${pick(random, VERBS)} ${subject}`;
    const stem = `${date}-${slugOf(subject)}-${index + 1}`;
    const who = uniqueSample(random, ministers, random() < 0.8 ? 1 : 2);
    const what = uniqueSample(random, portfolios, 1 + Math.floor(random() * 3));
    const lines = ['---', `title: ${JSON.stringify(title)}`, `date: ${date}`];
    if (speech) lines.push('type: speech', `delivered_at: ${JSON.stringify(`${pick(random, PLACES)} Conference Centre`)}`);
    if (random() < 0.7) lines.push(`url: https://www.example.govt.nz/${speech ? 'speech' : 'release'}/${stem}`);
    lines.push('ministers:', ...who.map((name) => `  - ${name}`), 'portfolios:', ...what.map((name) => `  - ${name}`));
    if (random() < 0.2) lines.push(`summary: ${JSON.stringify(sentence(random, 20))}`);
    if (random() < 0.1) lines.push('attachments:', `  - https://www.example.govt.nz/assets/${stem}.pdf`);
    lines.push('---', '', body(random, 170 + Math.floor(random() * 440)));
    files.set(`${stem}.md`, `${lines.join('\n')}\n`);
  }
  return files;
}

/** Writes a complete project (package.json with settings, seeds/, a copy of templates/) into `dir`. */
export async function writeCorpusProject(dir: string, options: CorpusOptions & { templates: string }): Promise<void> {
  await mkdir(path.join(dir, 'seeds'), { recursive: true });
  const settings = { title: 'Benchmark Press Office', baseUrl: 'https://news.example.test/', language: 'en-NZ', timeZone: 'Pacific/Auckland', pageSize: 20 };
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-site', private: true, pressroom: settings }, null, 2)}\n`);
  await cp(options.templates, path.join(dir, 'templates'), { recursive: true });
  const files = [...generateCorpus(options)];
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(files.slice(start, start + 256).map(([name, text]) => writeFile(path.join(dir, 'seeds', name), text)));
  }
}

/** A body of about `words` words: paragraphs with links and emphasis, some headings, lists and tables. */
function body(random: () => number, words: number): string {
  const blocks: string[] = [];
  let written = 0;
  while (written < words) {
    const roll = random();
    if (roll < 0.08 && blocks.length > 0) {
      blocks.push(`## ${capitalise(sentence(random, 4).slice(0, -1))}`);
      written += 4;
    } else if (roll < 0.16) {
      const items = 3 + Math.floor(random() * 3);
      blocks.push(Array.from({ length: items }, () => `- ${sentence(random, 8).slice(0, -1)}`).join('\n'));
      written += items * 8;
    } else if (roll < 0.2) {
      const rows = 3 + Math.floor(random() * 4);
      const table = ['| Region | 2024 | 2025 |', '| --- | ---: | ---: |'];
      for (let row = 0; row < rows; row++) table.push(`| ${pick(random, PLACES)} | $${Math.floor(random() * 900)}m | $${Math.floor(random() * 900)}m |`);
      blocks.push(table.join('\n'));
      written += rows * 3;
    } else {
      const length = 40 + Math.floor(random() * 50);
      let text = `${sentence(random, Math.floor(length / 2))} “${sentence(random, length - Math.floor(length / 2))}” the Minister says.`;
      if (random() < 0.3) text += ` More detail is on [the programme page](https://www.example.govt.nz/programmes/${pick(random, WORDS)}).`;
      if (random() < 0.2) text = text.replace(/ (\w+) /, ' **$1** ');
      blocks.push(text);
      written += length;
    }
  }
  return blocks.join('\n\n');
}

function sentence(random: () => number, count: number): string {
  const words = Array.from({ length: Math.max(1, count) }, () => pick(random, WORDS));
  return `${capitalise(words.join(' '))}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function uniqueSample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(random, items));
  return [...chosen];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** mulberry32: small, fast and the same on every machine. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
