import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { build, check } from '../../src/pipeline.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

describe('the accessibility statement', () => {
  const roots: string[] = [];
  const project = async (settings: Record<string, unknown>) => {
    const root = await makeProject({ 'seeds/a.md': release() }, { settings: { title: 'Test Press Office', baseUrl: 'https://news.example.test/', ...settings } });
    roots.push(root);
    return root;
  };
  after(async () => {
    for (const root of roots) await removeProject(root);
  });

  it('is built at /accessibility/ with the contact email from settings, and every footer links it', async () => {
    const root = await project({ contactEmail: 'access@news.example.test' });
    assert.equal((await build({ root })).ok, true);
    const statement = await readFile(path.join(root, 'public/accessibility/index.html'), 'utf8');
    assert.match(statement, /<h1>Accessibility statement<\/h1>/);
    assert.match(statement, /<a href="mailto:access@news.example.test">access@news.example.test<\/a>/);
    const home = await readFile(path.join(root, 'public/index.html'), 'utf8');
    assert.match(home, /<a href="\/accessibility\/">Accessibility<\/a>/);
  });

  it('asks readers to contact the office by name when no email is set', async () => {
    const root = await project({});
    assert.equal((await build({ root })).ok, true);
    const statement = await readFile(path.join(root, 'public/accessibility/index.html'), 'utf8');
    assert.doesNotMatch(statement, /mailto:/);
    assert.match(statement, /please contact Test Press Office/);
  });

  it('reports a contactEmail that is not an email address, with its line and field', async () => {
    const root = await project({ contactEmail: 'https://example.test/contact' });
    const result = await check({ root });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => ({ file: p.file, field: p.field, message: p.message, line: typeof p.line })),
      [{ file: 'package.json', field: 'pressroom.contactEmail', message: 'expected an email address such as "press@example.govt.nz", got "https://example.test/contact"', line: 'number' }],
    );
  });
});
