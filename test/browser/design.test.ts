import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from '../../src/pipeline.js';
import { axeViolations, COLOUR_RULES } from '../helpers/axe.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { DESIGN_PAGES, DESIGN_SETTINGS, designSiteFiles } from '../helpers/design-site.js';
import { makeProject, readTree, REPO_ROOT, removeProject } from '../helpers/project.js';
import { serveFolder, type TestServer } from '../helpers/static-server.js';

/** Git-ignored, so a person can look at the design after a test run. */
const SCREENSHOTS = path.join(REPO_ROOT, 'test-output/screenshots');

describe('the default design in a real browser', { skip: browserSkipReason() }, () => {
  let root: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const open = async (sitePath: string) => {
    const response = await page.goto(`${server.url}${sitePath}`);
    assert.equal(response?.status(), 200, `${sitePath} should exist`);
  };

  before(async () => {
    root = await makeProject(designSiteFiles(), { settings: DESIGN_SETTINGS });
    const result = await build({ root });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    server = await serveFolder(path.join(root, 'public'));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await removeProject(root);
  });

  for (const [name, sitePath] of Object.entries(DESIGN_PAGES)) {
    it(`${name}: no WCAG 2.2 A/AA violations from axe, and no contrast failure in dark mode`, async () => {
      await open(sitePath);
      assert.deepEqual(await axeViolations(page), [], 'light mode, every WCAG A/AA rule');
      await page.emulateMedia({ colorScheme: 'dark' });
      await open(sitePath);
      assert.deepEqual(await axeViolations(page, COLOUR_RULES), [], 'dark mode, colour rules');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    it(`${name}: one h1, no skipped heading level, landmarks, and a datetime on every date`, async () => {
      await open(sitePath);
      const outline = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
        const skips = levels.flatMap((level, i) => (i > 0 && level > (levels[i - 1] ?? 0) + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
        const landmarks = ['body > header', 'header nav[aria-label="Main"]', 'main#main', 'body > footer'].filter((s) => document.querySelectorAll(s).length !== 1);
        const badTimes = [...document.querySelectorAll('time')].filter((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t.getAttribute('datetime') ?? '')).length;
        return { h1s: levels.filter((l) => l === 1).length, first: levels[0], skips, landmarks, badTimes };
      });
      assert.deepEqual(outline, { h1s: 1, first: 1, skips: [], landmarks: [], badTimes: 0 });
    });

    it(`${name}: reflows at 320 px, and at 640 px with text at 200 %, without scrolling sideways`, async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await open(sitePath);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await overflow(), 0, 'at 320 px');
      await page.setViewportSize({ width: 640, height: 640 });
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      assert.equal(await overflow(), 0, 'at 640 px with 200 % text');
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }

  it('axe does find violations on a page that has them, so the checks above can fail', async () => {
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><p style="color:#bbb">faint</p><a href="/"></a></body></html>');
    const rules = (await axeViolations(page)).map((v) => v.split(':')[0]);
    assert.deepEqual(rules.filter((r) => ['color-contrast', 'html-has-lang', 'link-name'].includes(r ?? '')).sort(), ['color-contrast', 'html-has-lang', 'link-name']);
  });

  it('puts the skip link first in the tab order, and it moves focus to main', async () => {
    for (const sitePath of ['', 'release/long/']) {
      await open(sitePath);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
      assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement!).transform), 'none', 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    }
  });

  it('shows a focus indicator on links', async () => {
    await open('release/short/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { text: document.activeElement?.textContent, background: style.backgroundColor };
    });
    assert.deepEqual(focused, { text: 'Office of the Example Government', background: 'rgb(255, 221, 0)' });
  });

  it('has breadcrumbs on release, minister and portfolio pages, and labelled pagination with aria-current', async () => {
    for (const [sitePath, crumbs] of [['release/short/', ['Home', 'Press releases']], ['minister/jane-example/', ['Home', 'Ministers']], ['portfolio/finance/', ['Home', 'Portfolios']]] as const) {
      await open(sitePath);
      assert.deepEqual(await page.locator('nav[aria-label="Breadcrumb"] li').allTextContents(), crumbs, sitePath);
    }
    await open('page/2/');
    assert.deepEqual(await page.locator('nav[aria-label="Pages"] a[aria-current="page"]').allTextContents(), ['Page 2']);
    assert.equal(await page.locator('nav[aria-label="Pages"] a[rel="prev"]').getAttribute('href'), '/');
  });

  it('links the feed, the sitemap and the accessibility statement from every footer; the statement gives the contact', async () => {
    await open('accessibility/');
    assert.deepEqual(await page.locator('footer a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['/feed.xml', '/sitemap.xml', '/accessibility/']);
    assert.equal(await page.locator('main a[href="mailto:access@news.example.test"]').count(), 1);
  });

  it('prints black on white without navigation, with each link address after its text on release pages', async () => {
    await open('release/long/');
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')!).display,
      breadcrumbs: getComputedStyle(document.querySelector('.breadcrumbs')!).display,
      color: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      after: getComputedStyle(document.querySelector('.body a[href^="https://www.treasury"]')!, '::after').content,
    }));
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(print, { nav: 'none', breadcrumbs: 'none', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', after: '" (https://www.treasury.example.govt.nz/)"' });
  });

  it('keeps a release page under 30 KB of HTML and CSS, with no script and no web font', async () => {
    const tree = await readTree(path.join(root, 'public'));
    const html = tree.get('release/long/index.html') ?? '';
    const css = [...tree].filter(([file]) => file.endsWith('.css')).map(([, text]) => text).join('');
    assert.ok(Buffer.byteLength(html) + Buffer.byteLength(css) < 30_000, `${Buffer.byteLength(html)} + ${Buffer.byteLength(css)} bytes`);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(css, /@font-face|@import/);
  });

  it('saves screenshots of a release and a minister page at 375 and 1280 px, on screen and in print', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const [name, sitePath] of [['release', 'release/long/'], ['minister', 'minister/jane-example/']] as const) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await open(sitePath);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1280-dark.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light', media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }
    const png = await readFile(path.join(SCREENSHOTS, 'release-375.png'));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
  });
});
