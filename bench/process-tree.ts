/**
 * Samples a process and everything it starts, from /proc: a build's figures must count Pagefind's own process, which
 * Node never waits for and so never shows in the parent's resource usage.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The tree's peak total resident memory and its CPU time, as far as the samples saw. */
export interface TreeUsage {
  peakRssMiB: number;
  cpuSeconds: number;
  /** The peak resident memory of the tree's Pagefind processes alone (0 when none ran): the index's own cost. */
  peakPagefindRssMiB: number;
}

// Pagefind's service runs as pagefind or pagefind_extended; /proc truncates the name to 15 characters.
const PAGEFIND_COMMAND = /^pagefind/;

const PAGE_BYTES = 4096;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Samples the tree under `rootPid` every `intervalMs` until `stop` is called; then gives what it saw. */
export function sampleProcessTree(rootPid: number, intervalMs = 100): { stop: () => TreeUsage } {
  let peakPages = 0;
  let peakPagefindPages = 0;
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    const stats = readAllStats();
    const children = new Map<number, number[]>();
    for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
    let pages = 0;
    let pagefindPages = 0;
    const pending = [rootPid];
    while (pending.length > 0) {
      const pid = pending.pop()!;
      const stat = stats.get(pid);
      if (stat) {
        pages += stat.rssPages;
        if (PAGEFIND_COMMAND.test(stat.command)) pagefindPages += stat.rssPages;
        cpuTicks.set(pid, stat.cpuTicks);
      }
      pending.push(...(children.get(pid) ?? []));
    }
    peakPages = Math.max(peakPages, pages);
    peakPagefindPages = Math.max(peakPagefindPages, pagefindPages);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const ticks = [...cpuTicks.values()].reduce((sum, value) => sum + value, 0);
      const mib = (pages: number) => (pages * PAGE_BYTES) / 1024 / 1024;
      return { peakRssMiB: mib(peakPages), cpuSeconds: ticks / CLOCK_TICKS, peakPagefindRssMiB: mib(peakPagefindPages) };
    },
  };
}

interface ProcessStat {
  pid: number;
  command: string;
  ppid: number;
  cpuTicks: number;
  rssPages: number;
}

function readAllStats(): Map<number, ProcessStat> {
  const stats = new Map<number, ProcessStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name is in parentheses and may hold spaces: the fields that matter follow the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const command = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    stats.set(Number(name), { pid: Number(name), command, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssPages: Number(fields[21]) });
  }
  return stats;
}
