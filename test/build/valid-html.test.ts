import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { build } from '../../src/pipeline.js';
import { DESIGN_SETTINGS, designSiteFiles } from '../helpers/design-site.js';
import { makeProject, readTree, REPO_ROOT, removeProject } from '../helpers/project.js';

// The project's own validator settings, so `npx html-validate public/` gives what this test gives.
const validator = new HtmlValidate(JSON.parse(await readFile(path.join(REPO_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData);

/** Every html-validate message on every page of a built folder, as "path:line rule: message". */
async function validateFolder(folder: string): Promise<{ pages: number; messages: string[] }> {
  const pages = [...(await readTree(folder))].filter(([file]) => file.endsWith('.html'));
  const messages: string[] = [];
  for (const [file, html] of pages) {
    const report = await validator.validateString(html, file);
    for (const result of report.results) for (const m of result.messages) messages.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
  }
  return { pages: pages.length, messages };
}

describe('every page is valid HTML', () => {
  const roots: string[] = [];
  after(async () => {
    for (const root of roots) await removeProject(root);
  });

  it('in the default build of seeds/', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pressroom-valid-'));
    roots.push(out);
    const result = await build({ root: REPO_ROOT, out });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    const { pages, messages } = await validateFolder(out);
    assert.ok(pages > 30, `expected the whole seeds site, validated ${pages} pages`);
    assert.deepEqual(messages, []);
  });

  it('in the design fixture site, with pagination, attachments, a speech and a wide table', async () => {
    const root = await makeProject(designSiteFiles(), { settings: DESIGN_SETTINGS });
    roots.push(root);
    const result = await build({ root });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    const { pages, messages } = await validateFolder(path.join(root, 'public'));
    assert.ok(pages > 20, `expected the whole fixture site, validated ${pages} pages`);
    assert.deepEqual(messages, []);
  });

  it('and the validator does report an invalid page, so the checks above can fail', async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><h1>a</h1><h3>skipped</h3><main><main></main></main></body></html>');
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    assert.ok(rules.includes('no-multiple-main'), rules.join(', '));
  });
});
