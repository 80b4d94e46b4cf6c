import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DevSession } from '../../src/dev/start-dev.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { startQuietDev } from '../helpers/dev-session.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

describe('pressroom dev in a real browser', { skip: browserSkipReason() }, () => {
  let root: string;
  let session: DevSession;
  let browser: Browser;
  before(async () => {
    root = await makeProject({ 'seeds/a.md': release({ slug: 'hello', title: '"First title"' }) });
    session = await startQuietDev(root);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await session?.close();
    await removeProject(root);
  });

  it('shows an edit without a manual reload, shows broken front matter as an overlay, and hides it once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${session.url}release/hello/`);
    assert.equal(await page.locator('h1').textContent(), 'First title');
    const seed = path.join(root, 'seeds/a.md');

    await writeFile(seed, release({ slug: 'hello', title: '"Second title"' }));
    await page.locator('h1', { hasText: 'Second title' }).waitFor();

    await writeFile(seed, '---\ntitle: "Second title\nslug: hello\n---\n\nBody.\n');
    const overlay = page.locator('#pressroom-overlay');
    await overlay.waitFor({ state: 'visible' });
    assert.match((await overlay.textContent()) ?? '', /seeds\/a\.md/);
    assert.equal(await page.locator('h1').first().textContent(), 'Second title', 'the last good page stays under the overlay');

    await writeFile(seed, release({ slug: 'hello', title: '"Third title"' }));
    await page.locator('h1', { hasText: 'Third title' }).waitFor();
    await overlay.waitFor({ state: 'detached' });
  });
});
