/** Runs a command and reports its wall time, CPU time and peak memory: with /usr/bin/time -v where it exists. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** One run's figures. */
export interface Measurement {
  /** Wall-clock seconds. */
  wall: number;
  /** User + system CPU seconds. */
  cpu: number;
  /** Peak resident set size in MiB. */
  rssMiB: number;
}

const GNU_TIME = '/usr/bin/time';
const WRAPPER = new URL('./resource-wrapper.js', import.meta.url).pathname;

/** Runs `node script args` in `cwd`; throws with its output if it fails. */
export function measureNode(script: string, args: readonly string[], cwd: string): Measurement {
  const started = performance.now();
  if (existsSync(GNU_TIME)) {
    const report = path.join(tmpdir(), `pressroom-bench-${process.pid}.txt`);
    const run = spawnSync(GNU_TIME, ['-v', '-o', report, process.execPath, script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
    const text = readFileSync(report, 'utf8');
    rmSync(report, { force: true });
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
    return { wall, cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024 };
  }
  // No GNU time: a wrapper runs the script in its own process and prints process.resourceUsage() at exit.
  const run = spawnSync(process.execPath, [WRAPPER, script, ...args], { cwd, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
  const usage = JSON.parse(/PRESSROOM_USAGE (.*)/.exec(run.stderr)?.[1] ?? '{}') as { cpu: number; rssMiB: number };
  return { wall, cpu: usage.cpu, rssMiB: usage.rssMiB };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
