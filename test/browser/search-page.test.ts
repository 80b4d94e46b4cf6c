import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/pipeline.js';
import { axeViolations } from '../helpers/axe.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { makeProject, release, removeProject } from '../helpers/project.js';
import { SEARCH_RELEASES } from '../helpers/search-fixture.js';
import { serveFolder, type TestServer } from '../helpers/static-server.js';


/** The results list as [title, href] pairs, once the live region has announced them. */
async function resultsAfter(page: Page, announcement: RegExp): Promise<string[][]> {
  await page.getByRole('status').filter({ hasText: announcement }).waitFor();
  return page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
}

for (const base of ['/', '/news/']) {
  // Under a subpath only what depends on the base path runs again: links, the index's location, the fallback links.
  const atRootOnly = { skip: base !== '/' && 'checked once, at the root' };
  describe(`the search page in a real browser, served at ${base}`, { skip: browserSkipReason() }, () => {
    let root: string;
    let server: TestServer;
    let browser: Browser;
    before(async () => {
      root = await makeProject(SEARCH_RELEASES, { settings: { title: 'Test Press Office', baseUrl: `https://example.test${base}` } });
      const result = await build({ root });
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      server = await serveFolder(path.join(root, 'public'), base);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await removeProject(root);
    });

    it('is linked from the header, finds releases as the reader types, and links each to its page', async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Search releases').fill('kiwisaver');
      assert.deepEqual(await resultsAfter(page, /^2 results for “kiwisaver”/), [
        ['KiwiSaver settings change', `${base}release/kiwisaver/`],
        ['Roads of national significance', `${base}release/roads/`],
      ]);
      assert.equal(await page.locator('.search-result mark').first().textContent(), 'KiwiSaver');
      assert.equal(await page.locator('.search-result script').count(), 0);
      await page.getByRole('link', { name: 'Roads of national significance' }).click();
      assert.equal(await page.locator('h1').textContent(), 'Roads of national significance');
    });

    it('narrows the results with a filter, and keeps the search in the address', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/`);
      await page.getByLabel('Search releases').fill('kiwisaver');
      await resultsAfter(page, /^2 results/);
      await page.getByLabel('Minister').selectOption('Rt Hon Chris Bishop');
      assert.deepEqual(await resultsAfter(page, /^1 result for “kiwisaver” \(minister Rt Hon Chris Bishop\)/), [['Roads of national significance', `${base}release/roads/`]]);
      assert.equal(new URL(page.url()).search, '?q=kiwisaver&minister=Rt+Hon+Chris+Bishop');
    });

    it('pre-fills the query and filters from the address, newest first without words', atRootOnly, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=Takitimu`);
      // The script shows the form and fills it from the address in one step, once Pagefind has loaded.
      await page.getByLabel('Search releases').waitFor({ state: 'visible' });
      assert.equal(await page.getByLabel('Search releases').inputValue(), 'Takitimu');
      assert.deepEqual(await resultsAfter(page, /^1 result for “Takitimu”/), [['Roads of national significance', `${base}release/roads/`]]);
      await page.goto(`${server.url}search/?portfolio=Housing`);
      assert.deepEqual(await resultsAfter(page, /^1 result \(portfolio Housing\)/), [['Going for housing growth', `${base}speech/housing/`]]);
    });

    it('can be used from the keyboard alone', atRootOnly, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/`);
      await page.getByLabel('Search releases').focus();
      await page.keyboard.type('housing');
      await page.keyboard.press('Enter');
      await resultsAfter(page, /^1 result for “housing”/);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Search');
    });

    it('has no axe violations (WCAG 2.2 A and AA) with results and a filter shown', atRootOnly, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=kiwisaver&portfolio=Transport`);
      await resultsAfter(page, /^1 result/);
      assert.deepEqual(await axeViolations(page), []);
    });

    it('without an index (Pagefind could not run at build time), says search is unavailable and offers the indexes', atRootOnly, async () => {
      const page = await browser.newPage();
      await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404 }));
      await page.goto(`${server.url}search/?q=kiwisaver`);
      await page.getByText('Search is not available right now.').waitFor();
      assert.equal(await page.getByLabel('Search releases').isVisible(), false);
      assert.equal(await page.getByRole('link', { name: 'Portfolios' }).last().getAttribute('href'), '/portfolio/');
    });

    it('without JavaScript, says so and links to the minister and portfolio indexes', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}search/`);
      assert.match((await page.locator('main').innerText()) ?? '', /Search needs JavaScript/);
      assert.equal(await page.getByLabel('Search releases').isVisible(), false);
      assert.equal(await page.getByRole('link', { name: 'Ministers' }).last().getAttribute('href'), `${base}minister/`);
      assert.equal(await page.getByRole('link', { name: 'Portfolios' }).last().getAttribute('href'), `${base}portfolio/`);
      await context.close();
    });
  });
}

/** Twelve releases over three years, each with "budget": dates chosen so Pagefind's own merged order would interleave years. */
function releasesOverYears(): Record<string, string> {
  const files: Record<string, string> = {};
  const dates = ['2022-02-03', '2022-05-10', '2022-08-21', '2022-11-30', '2023-01-15', '2023-04-04', '2023-07-19', '2023-12-01', '2024-03-08', '2024-06-14', '2024-09-09', '2024-10-31'];
  dates.forEach((date, index) => {
    const minister = index % 3 === 0 ? 'Hon Nicola Willis' : 'Hon Chris Bishop';
    files[`seeds/b${index}.md`] = release({ title: `"Budget note ${date}"`, date, ministers: `\n  - ${minister}` }, `The budget update number ${index}.\n`);
  });
  return files;
}

describe('the search page over one index per year, in a real browser', { skip: browserSkipReason() }, () => {
  let root: string;
  let server: TestServer;
  let browser: Browser;
  const titles = (dates: string[]) => dates.map((date) => `Budget note ${date}`);
  const allDates = ['2022-02-03', '2022-05-10', '2022-08-21', '2022-11-30', '2023-01-15', '2023-04-04', '2023-07-19', '2023-12-01', '2024-03-08', '2024-06-14', '2024-09-09', '2024-10-31'];
  before(async () => {
    root = await makeProject(releasesOverYears(), { settings: { title: 'Test Press Office', baseUrl: 'https://example.test/' } });
    const result = await build({ root });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.deepEqual(result.searchIndexes?.indexed, ['2022', '2023', '2024', 'runtime']);
    server = await serveFolder(path.join(root, 'public'), '/');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await removeProject(root);
  });

  /** Every result title, after "Show more" until there is no more. */
  async function allResults(page: Page, announcement: RegExp): Promise<string[]> {
    await page.getByRole('status').filter({ hasText: announcement }).waitFor();
    while (await page.getByRole('button', { name: 'Show more results' }).isVisible()) {
      const count = await page.locator('.search-result').count();
      await page.getByRole('button', { name: 'Show more results' }).click();
      await page.locator('.search-result').nth(count).waitFor();
    }
    return page.locator('.search-result h2 a').allTextContents();
  }

  it('finds releases from every year in one search, each year’s index loaded once', async () => {
    const page = await browser.newPage();
    const indexes = new Set<string>();
    page.on('request', (request) => {
      const year = /\/pagefind\/(\d{4})\/pagefind-entry\.json/.exec(request.url())?.[1];
      if (year) indexes.add(year);
    });
    await page.goto(`${server.url}search/?q=budget`);
    const found = await allResults(page, /^12 results for “budget”/);
    assert.deepEqual([...found].sort(), titles(allDates).sort());
    assert.deepEqual([...indexes].sort(), ['2022', '2023', '2024']);
  });

  it('sorts newest and oldest first across years, page after page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=budget&sort=newest`);
    assert.deepEqual(await allResults(page, /^12 results for “budget”/), titles([...allDates].reverse()));
    await page.goto(`${server.url}search/?q=budget&sort=oldest`);
    assert.deepEqual(await allResults(page, /^12 results for “budget”/), titles(allDates));
  });

  it('narrows by minister across years, and by year to that year alone, newest first without words', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?minister=Hon+Nicola+Willis`);
    assert.deepEqual(await allResults(page, /^4 results \(minister Hon Nicola Willis\)/), titles(['2024-06-14', '2023-07-19', '2022-11-30', '2022-02-03']));
    await page.goto(`${server.url}search/?q=budget&year=2023&sort=oldest`);
    assert.deepEqual(await allResults(page, /^4 results for “budget” \(year 2023\)/), titles(['2023-01-15', '2023-04-04', '2023-07-19', '2023-12-01']));
  });
});
