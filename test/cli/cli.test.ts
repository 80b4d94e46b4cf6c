/** The real `pressroom` binary, spawned: exit codes 0/1/2, the summary on stdout, problems on stderr. Independent runs go in parallel, since each start-up costs most of a second. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, EXPECTED_PROBLEMS, makeFixtureProject, makeProject, readTree, readTreeBytes, release, removeProject, REPO_ROOT, runCli, SITES } from '../helpers/project.js';

const HINT = 'Run "pressroom --help" for the commands and options.\n';

describe('pressroom usage', { concurrency: true }, () => {
  let root: string;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release() });
  });
  after(() => removeProject(root));

  for (const args of [['--help'], ['build', '-h']]) {
    it(`${args.join(' ')} prints the help on stdout and exits 0`, async () => {
      const run = await runCli(args, root);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: pressroom <command> \[options\]\n/);
      assert.match(run.stdout, /--content DIR/);
      assert.equal(run.stderr, '');
    });
  }

  it('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await runCli(['--version'], root), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  const usageErrors: [string[], string][] = [
    [[], 'a command is needed'],
    [['publish'], 'unknown command "publish"'],
    [['build', '--colour'], 'unknown option "--colour"'],
    [['build', 'extra'], 'unexpected argument "extra"'],
    [['check', '--out', 'site'], '--out is for build; check writes nothing'],
  ];
  for (const [args, message] of usageErrors) {
    it(`"${args.join(' ')}" is a usage error: exit 2 with the help hint, nothing written`, async () => {
      assert.deepEqual(await runCli(args, root), { code: 2, stdout: '', stderr: `pressroom: ${message}\n${HINT}` });
      assert.equal(existsSync(path.join(root, 'public')), false);
    });
  }
});

describe('pressroom build', { concurrency: true }, () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map(removeProject)));
  const project = async (...args: Parameters<typeof makeProject>) => {
    const root = await makeProject(...args);
    roots.push(root);
    return root;
  };

  it('exits 0 and prints one summary line on stdout, nothing on stderr', async () => {
    const root = await project({ 'seeds/a.md': release(), 'seeds/b.md': release({ ministers: '\n  - Hon Jane Example\n  - Hon Tama Whānau' }) });
    const run = await runCli(['build'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Built 2 releases, 2 ministers, 1 portfolio: \d+ pages and \d+ feeds written to public\/ in \d+ ms\n$/);
    assert.equal(run.stderr, '');
    assert.ok(existsSync(path.join(root, 'public/release/a/index.html')));
  });

  it('prints warnings on stderr, uncoloured when not a terminal, and still builds', async () => {
    const root = await project({ 'seeds/a.md': release({ minsters: '\n  - Hon X Y' }) });
    const run = await runCli(['build'], root);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, 'seeds/a.md:8 warning: minsters: unknown key is ignored; did you mean "ministers"?\n');
    assert.match(run.stdout, /^Built 1 release, 1 minister, 1 portfolio: /);
  });

  it('exits 1 on problems, prints them all on stderr with a count, and writes nothing', async () => {
    const root = await project({ 'seeds/a.md': release({ title: null }), 'seeds/b.md': release({ date: '2024-02-30' }) });
    const run = await runCli(['build'], root);
    assert.deepEqual(run, {
      code: 1,
      stdout: '',
      stderr: [
        'seeds/a.md:1 title: is required; add a line such as "title: Minister announces new funding"',
        'seeds/b.md:3 date: "2024-02-30" is not a real date: month 2 of 2024 has 29 days',
        '2 errors, 0 warnings: nothing was written',
        '',
      ].join('\n'),
    });
    assert.equal(existsSync(path.join(root, 'public')), false);
  });

  it('takes --content, --out, --templates and --base-url', async () => {
    const root = await project({ 'news/a.md': release() }, { templates: false });
    await cp(path.join(REPO_ROOT, 'templates'), path.join(root, 'design'), { recursive: true });
    const run = await runCli(['build', '--content', 'news', '--out', 'site', '--templates', 'design', '--base-url', 'https://gov.example/media'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /written to site\/ in/);
    const page = readFileSync(path.join(root, 'site/release/a/index.html'), 'utf8');
    assert.match(page, /href="https:\/\/gov\.example\/media\/release\/a\/"/);
    assert.match(page, /href="\/media\/minister\/jane-example\/"/);
    assert.equal(existsSync(path.join(root, 'public')), false);
  });

  it('names a missing content folder and exits 1', async () => {
    const root = await project({});
    const run = await runCli(['build', '--content', 'nowhere'], root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^nowhere the folder of release files does not exist; create it or name another one\n/);
  });
});

describe('pressroom check', { concurrency: true }, () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map(removeProject)));

  it('exits 0 with a summary line and writes nothing', async () => {
    const root = await makeProject({ 'seeds/a.md': release(), 'seeds/b.md': release() });
    roots.push(root);
    const before_ = await readTreeBytes(root);
    assert.deepEqual(await runCli(['check'], root), { code: 0, stdout: 'Checked 2 releases: no problems\n', stderr: '' });
    assert.deepEqual(await readTreeBytes(root), before_);
  });

  it('reports every problem in every file at once, exits 1, and writes nothing', async () => {
    const root = await makeFixtureProject('invalid/many-files');
    roots.push(root);
    const before_ = await readTree(root);
    const run = await runCli(['check'], root);
    const expected = readFileSync(path.join(SITES, 'invalid/many-files', EXPECTED_PROBLEMS), 'utf8');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `${expected}4 errors, 2 warnings: the site cannot be built until the errors are fixed\n`);
    assert.deepEqual(await readTree(root), before_);
  });
});

// util-linux's `script` runs a command on a pseudo-terminal, the one way to give the CLI a TTY without a native module.
const SCRIPT = '/usr/bin/script';

describe('colour', { skip: existsSync(SCRIPT) ? false : `${SCRIPT} (util-linux) is not installed` }, () => {
  let root: string;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release({ minsters: '\n  - Hon X Y' }) });
  });
  after(() => removeProject(root));
  const onTerminal = (env: Record<string, string>) => {
    const command = [process.execPath, CLI, 'check'].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
  };

  it('paints warnings yellow on a terminal', () => {
    assert.ok(onTerminal({}).includes('\x1b[33mseeds/a.md:8 warning: minsters: unknown key is ignored; did you mean "ministers"?\x1b[0m'));
  });

  it('paints nothing when NO_COLOR is set', () => {
    assert.ok(!onTerminal({ NO_COLOR: '1' }).includes('\x1b['));
  });
});
