/**
 * One fixture per kind of problem under test/sites/invalid/<case>/: `check` must report exactly the problems in its
 * expected-problems.txt, formatted as the CLI prints them. UPDATE=1 rewrites those files from the actual report.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { build, check } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { EXPECTED_PROBLEMS, makeFixtureProject, removeProject, SITES, UPDATE_GOLDEN } from '../helpers/project.js';

const INVALID = path.join(SITES, 'invalid');
const cases = (await readdir(INVALID, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** Checks the fixture and returns the report as the CLI prints it: one formatted problem a line. */
async function reportOf(name: string): Promise<{ report: string; ok: boolean; root: string }> {
  const root = await makeFixtureProject(`invalid/${name}`);
  const result = await check({ root });
  return { report: result.problems.map((p) => `${formatProblem(p)}\n`).join(''), ok: result.ok, root };
}

describe('invalid fixture sites report their exact problems', () => {
  for (const name of cases) {
    it(name, async () => {
      const { report, ok, root } = await reportOf(name);
      try {
        const expectedFile = path.join(INVALID, name, EXPECTED_PROBLEMS);
        if (UPDATE_GOLDEN) await writeFile(expectedFile, report);
        assert.equal(report, await readFile(expectedFile, 'utf8'));
        assert.equal(ok, false, 'every invalid fixture has at least one error');
        const result = await build({ root });
        assert.equal(result.ok, false);
        assert.equal(existsSync(path.join(root, 'public')), false, 'a build with errors writes nothing');
      } finally {
        await removeProject(root);
      }
    });
  }
});

describe('---js front matter', () => {
  after(() => {
    delete process.env.PRESSROOM_PWNED_FILE;
    delete (globalThis as Record<string, unknown>).pressroomPwned;
  });

  it('holds code that would leave a trace if it ran', async () => {
    // Without this, the next test could pass because the payload is broken rather than because it was never run.
    const text = await readFile(path.join(INVALID, 'js-front-matter/seeds/script.md'), 'utf8');
    const code = text.split('\n---\n')[0]!.replace(/^---js\n/, '');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'pressroom-pwn-'));
    process.env.PRESSROOM_PWNED_FILE = path.join(dir, 'pwned');
    try {
      const value = new Function(`return (${code});`)() as { title: string };
      assert.equal(value.title, 'Executed');
      assert.equal(existsSync(process.env.PRESSROOM_PWNED_FILE), true);
    } finally {
      delete (globalThis as Record<string, unknown>).pressroomPwned;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is refused and never executed', async () => {
    const root = await makeFixtureProject('invalid/js-front-matter');
    process.env.PRESSROOM_PWNED_FILE = path.join(root, 'pwned');
    try {
      const checked = await check({ root });
      const built = await build({ root });
      assert.equal(checked.ok, false);
      assert.equal(built.ok, false);
      assert.equal(existsSync(process.env.PRESSROOM_PWNED_FILE), false, 'the front matter wrote a file: it was executed');
      assert.equal((globalThis as Record<string, unknown>).pressroomPwned, undefined);
    } finally {
      await removeProject(root);
    }
  });
});
