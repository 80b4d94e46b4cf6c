/** Runs a command and reports its wall time, CPU time and peak memory: with /usr/bin/time -v where it exists. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleProcessTree } from './process-tree.js';

/** One run's figures. */
export interface Measurement {
  /** Wall-clock seconds. */
  wall: number;
  /** User + system CPU seconds. */
  cpu: number;
  /** Peak resident set size in MiB. */
  rssMiB: number;
  /** Peak resident set size of Pagefind's process alone, in MiB (0 when it did not run or could not be sampled). */
  pagefindRssMiB: number;
}

const GNU_TIME = '/usr/bin/time';
const WRAPPER = new URL('./resource-wrapper.js', import.meta.url).pathname;

/**
 * Runs `node script args` in `cwd`; throws with its output if it fails. CPU and peak memory count every process the
 * script starts (the larger of GNU time's figure and the sampled process tree's), so Pagefind's share is not hidden.
 */
export async function measureNode(script: string, args: readonly string[], cwd: string): Promise<Measurement> {
  const started = performance.now();
  if (existsSync(GNU_TIME)) {
    const report = path.join(tmpdir(), `pressroom-bench-${process.pid}.txt`);
    const child = spawn(GNU_TIME, ['-v', '-o', report, process.execPath, script, ...args], { cwd, env: { ...process.env, CI: '1' } });
    const tree = sampleProcessTree(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const usage = tree.stop();
    const wall = (performance.now() - started) / 1000;
    if (status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${output.slice(-3000)}`);
    const text = readFileSync(report, 'utf8');
    rmSync(report, { force: true });
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
    const cpu = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
    return { wall, cpu: Math.max(cpu, usage.cpuSeconds), rssMiB: Math.max(field('Maximum resident set size \\(kbytes\\)') / 1024, usage.peakRssMiB), pagefindRssMiB: usage.peakPagefindRssMiB };
  }
  // No GNU time: a wrapper runs the script in its own process and prints process.resourceUsage() at exit.
  const run = spawnSync(process.execPath, [WRAPPER, script, ...args], { cwd, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
  const usage = JSON.parse(/PRESSROOM_USAGE (.*)/.exec(run.stderr)?.[1] ?? '{}') as { cpu: number; rssMiB: number };
  return { wall, cpu: usage.cpu, rssMiB: usage.rssMiB, pagefindRssMiB: 0 };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
