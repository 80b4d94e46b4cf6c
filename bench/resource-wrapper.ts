/** Runs a Node script in this process and prints its CPU time and peak memory at exit, for machines without GNU time. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error('usage: resource-wrapper.js <script> [args...]');
process.argv = [process.argv[0]!, path.resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(`PRESSROOM_USAGE ${JSON.stringify({ cpu, rssMiB: usage.maxRSS / 1024 })}\n`);
});
await import(pathToFileURL(path.resolve(script)).href);
