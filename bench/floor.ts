/** The read-and-write floor: reads every release file and writes as many files as a build does, nothing else. */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [project, countText] = process.argv.slice(2);
if (!project || !countText) throw new Error('usage: floor.js <project folder> <number of files to write>');
const seeds = path.join(project, 'seeds');
const names = (await readdir(seeds)).sort();
// Read as the build reads them (one by one, synchronously), so the floor is no slower than the build's own reading;
// but only read: the build's readSource also digests each file now, which is work, not the floor's.
const inputs = names.map((name) => readFileSync(path.join(seeds, name)));
const staging = path.join(project, '.floor-staging');
const target = path.join(project, '.floor-out');
await rm(staging, { recursive: true, force: true });
const count = Number(countText);
let next = 0;
const worker = async () => {
  for (let index = next++; index < count; index = next++) {
    const dir = path.join(staging, `page-${index}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.html'), inputs[index % inputs.length]!);
  }
};
await Promise.all(Array.from({ length: 64 }, worker));
await rm(target, { recursive: true, force: true });
await rename(staging, target);
