/** The build's only writer: fills a staging folder, then swaps it into place, so a failed build leaves the old output. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../types.js';

const PARALLEL_WRITES = 64;

/** Writes every file into a fresh folder beside `outDir`, then replaces `outDir` with it in two renames. */
export async function writeSite(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const target = path.resolve(outDir);
  const stamp = `${path.basename(target)}-${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(path.dirname(target), `.pressroom-staging-${stamp}`);
  const previous = path.join(path.dirname(target), `.pressroom-old-${stamp}`);
  try {
    await writeFiles(staging, files);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  const hadPrevious = await rename(target, previous).then(
    () => true,
    (cause: NodeJS.ErrnoException) => {
      if (cause.code === 'ENOENT') return false;
      throw cause;
    },
  );
  try {
    await rename(staging, target);
  } catch (cause) {
    if (hadPrevious) await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/** Writes files below `root`, creating folders as needed; refuses any path that could lead outside it. */
export async function writeFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(root, { recursive: true });
  const made = new Set<string>([root]);
  let next = 0;
  const worker = async () => {
    for (let file = files[next++]; file; file = files[next++]) {
      const full = safeJoin(root, file.path);
      const dir = path.dirname(full);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(full, file.content);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
}

/** Joins an output path onto the root, throwing if it is absolute or climbs out: the last line of defence after slugs. */
export function safeJoin(root: string, relative: string): string {
  const segments = relative.split('/');
  if (relative === '' || path.isAbsolute(relative) || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
  return path.join(root, ...segments);
}
