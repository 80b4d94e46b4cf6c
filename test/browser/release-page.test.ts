import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from '../../src/pipeline.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { makeProject, release, removeProject } from '../helpers/project.js';
import { serveFolder, type TestServer } from '../helpers/static-server.js';

describe('a release page in a real browser', { skip: browserSkipReason() }, () => {
  let root: string;
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release({ slug: 'hello' }, 'Some **bold** news.\n') });
    assert.equal((await build({ root })).ok, true);
    server = await serveFolder(path.join(root, 'public'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await removeProject(root);
  });

  it('shows the title as the only h1 and the body as rendered Markdown', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}release/hello/`);
    assert.deepEqual(await page.locator('h1').allTextContents(), ['Minister announces funding']);
    assert.equal(await page.locator('main strong').textContent(), 'bold');
  });
});
