import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CLI, makeProject, release, removeProject } from '../helpers/project.js';

const run = promisify(execFile);

// An architecture Pagefind has no binary package for: its own lookup then fails as it would on such a machine.
const NO_BINARY = { ...process.env, npm_config_arch: 's390x' };

async function build(root: string, env: NodeJS.ProcessEnv) {
  return run(process.execPath, [CLI, 'build'], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failure: { code: number; stdout: string; stderr: string }) => ({ code: failure.code, stdout: failure.stdout, stderr: failure.stderr }),
  );
}

describe('a build where Pagefind cannot run', () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map(removeProject)));
  const project = async (settings: Record<string, unknown>) => {
    const root = await makeProject({ 'seeds/a.md': release() }, { settings: { baseUrl: 'https://news.example.test/', ...settings } });
    roots.push(root);
    return root;
  };

  it('warns, says why, and builds the rest of the site when search is optional (the default)', async () => {
    const root = await project({});
    const result = await build(root, NO_BINARY);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^package\.json warning: pressroom\.search: the search index could not be built: Pagefind cannot run on this machine \(Failed to install either of \[pagefind_extended, pagefind\]\. Most likely the platform \w+-s390x is not yet a supported architecture\.\); the rest of the site is built/m);
    assert.ok(existsSync(path.join(root, 'public/release/a/index.html')));
    assert.ok(existsSync(path.join(root, 'public/search/index.html')));
    assert.equal(existsSync(path.join(root, 'public/pagefind')), false);
  });

  it('fails and writes nothing when search is required', async () => {
    const root = await project({ search: 'required' });
    const result = await build(root, NO_BINARY);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^package\.json pressroom\.search: the search index could not be built: .*search is "required", so nothing was written/m);
    assert.equal(existsSync(path.join(root, 'public')), false);
  });

  it('names a missing binary given by PAGEFIND_BINARY_PATH', async () => {
    const root = await project({});
    const missing = path.join(root, 'no-such-pagefind');
    const result = await build(root, { ...process.env, PAGEFIND_BINARY_PATH: missing });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
    assert.ok(result.stderr.includes(`the environment variable PAGEFIND_BINARY_PATH names ${missing}, which does not exist`), result.stderr);
  });

  it('rejects a search setting other than "optional" or "required", naming the line', async () => {
    const root = await project({ search: 'yes' });
    const result = await build(root, process.env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^package\.json:\d+ pressroom\.search: expected "optional" .* or "required" .*, got the text "yes"/m);
  });
});
