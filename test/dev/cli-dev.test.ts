import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { CLI, makeProject, readTree, release, removeProject } from '../helpers/project.js';

describe('pressroom dev and serve from the command line', () => {
  let root: string;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release({ slug: 'hello' }) });
  });
  after(() => removeProject(root));

  /** Starts the CLI and resolves with the address it prints once it is serving. */
  async function start(args: string[]) {
    const child = spawn(process.execPath, [CLI, ...args, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /Serving (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before serving: ${out}`)));
    });
    return { child, url, output: () => out };
  }

  it('dev builds, serves with live reload, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const { child, url, output } = await start(['dev']);
    const page = await fetch(`${url}release/hello/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /pressroom-live/);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    assert.deepEqual(await exited, [0, null]);
    assert.match(output(), /Stopping/);
    const files = [...(await readTree(path.join(root, 'public'))).keys()];
    assert.ok(files.includes('release/hello/index.html'));
    assert.deepEqual(files.filter((file) => file.includes('.pressroom')), [], 'no temp files are left');
  });

  it('serve serves the finished build without the live-reload script', async () => {
    assert.equal((await build({ root })).ok, true);
    const { child, url } = await start(['serve']);
    try {
      const page = await fetch(`${url}release/hello/`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(await page.text(), /pressroom-live/);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      assert.deepEqual(await exited, [0, null]);
    }
  });
});
