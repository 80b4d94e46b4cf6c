/** A long listing's pages link the first and last pages and their own neighbours, with a gap for skipped runs. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

let root: string;

describe('pagination of a long listing', () => {
  before(async () => {
    const seeds = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`seeds/r${i}.md`, release({ title: `"Release ${i}"`, date: `2024-07-${String(10 + i)}` })]));
    root = await makeProject(seeds, { settings: { title: 'Test Press Office', baseUrl: 'https://news.example.test/', pageSize: 1 } });
    assert.equal((await build({ root })).ok, true);
  });
  after(() => removeProject(root));

  it('shows 1 … 4 5 6 … 10 on page 5, with the current page marked and every link leading to a page', async () => {
    const html = await readFile(path.join(root, 'public/page/5/index.html'), 'utf8');
    const nav = html.slice(html.indexOf('<nav class="pagination"'), html.indexOf('</nav>', html.indexOf('<nav class="pagination"')));
    const items = [...nav.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace('Page ', '').replace(' page', '').trim());
    assert.deepEqual(items, ['Previous', '1', '…', '4', '5', '6', '…', '10', 'Next']);
    assert.match(nav, /<a href="\/page\/5\/" aria-current="page">/);
    assert.match(nav, /<a href="\/">/);
  });
});
