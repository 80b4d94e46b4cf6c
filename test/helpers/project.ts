/** Test projects in temp folders: made from an object of files, built with the real pipeline, read back as text. */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this compiled file (dist/test/helpers/project.js). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The compiled CLI, for tests that spawn the real binary. */
export const CLI = path.join(REPO_ROOT, 'dist/src/cli.js');

/** A minimal valid release's front matter and body, with fields replaced or added by `fields` (null removes one). */
export function release(fields: Record<string, string | null> = {}, body = 'The Minister announced it today.\n'): string {
  const defaults: Record<string, string> = {
    title: '"Minister announces funding"',
    date: '2024-07-12',
    ministers: '\n  - Hon Jane Example',
    portfolios: '\n  - Finance',
  };
  const merged: Record<string, string | null> = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** Files every project gets unless the test gives its own: package.json and the repository's templates. */
export interface ProjectOptions {
  /** Settings for the "pressroom" key of package.json. */
  settings?: Record<string, unknown>;
  /** Copy the repository's templates/ (default true). */
  templates?: boolean;
}

/** Makes a project in a new temp folder: `files` maps project-relative paths to contents. Returns its root. */
export async function makeProject(files: Record<string, string | Uint8Array>, options: ProjectOptions = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pressroom-test-'));
  const settings = options.settings ?? { title: 'Test Press Office', baseUrl: 'https://news.example.test/' };
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'site', private: true, pressroom: settings }, null, 2));
  if (options.templates !== false) await cp(path.join(REPO_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  await mkdir(path.join(root, 'seeds'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

/** Every file below a folder as path → text, paths with forward slashes, sorted. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const bytes = await readTreeBytes(dir);
  return new Map([...bytes].map(([file, content]) => [file, content.toString('utf8')]));
}

/** Every file below a folder as path → bytes, for byte-for-byte comparisons; paths with forward slashes, sorted. */
export async function readTreeBytes(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full));
    }
  };
  await walk(dir);
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The fixture sites' folder in the repository (test/sites/), read by tests from the source tree. */
export const SITES = path.join(REPO_ROOT, 'test/sites');

/**
 * Makes a temp project from a fixture site under test/sites/: every file of the fixture except its expected output
 * (`expected/`, `expected-problems.txt`). The fixture's own package.json and templates/ win over the defaults.
 */
export async function makeFixtureProject(name: string): Promise<string> {
  const dir = path.join(SITES, name);
  const files: Record<string, Uint8Array> = {};
  for (const [file, content] of await readTreeBytes(dir)) {
    if (file.startsWith('expected/') || file === EXPECTED_PROBLEMS) continue;
    files[file] = content;
  }
  const hasTemplates = Object.keys(files).some((file) => file.startsWith('templates/'));
  return makeProject(files, { templates: !hasTemplates });
}

/** The file in an invalid fixture that holds the exact problems `check` must report, one formatted problem a line. */
export const EXPECTED_PROBLEMS = 'expected-problems.txt';

/** True when the tests were run with UPDATE=1, asking golden files to be rewritten from the actual output. */
export const UPDATE_GOLDEN = process.env.UPDATE === '1';

/** A new empty temp folder, for a test that needs a place on disk but no project; remove it with removeProject. */
export async function makeFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'pressroom-test-'));
}

/** Removes a temp project. */
export async function removeProject(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** What a run of the real `pressroom` binary printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI with `args` in `cwd`, with extra environment variables (TZ, say); never through a shell. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
