/** An equivalent minimal Eleventy 3 site of the same corpus, installed on demand outside the project's dependencies. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCorpusProject } from './generate-corpus.js';

/** Bumped when the peer site changes, so a corpus made for an earlier one is made again. */
export const ELEVENTY_SITE_VERSION = 'with minister and portfolio listings';

/** Installs Eleventy 3 into `peersDir` (git-ignored) if it is not there; returns its command script. */
export function installEleventy(peersDir: string): string {
  const cmd = path.join(peersDir, 'node_modules/@11ty/eleventy/cmd.cjs');
  if (!existsSync(cmd)) {
    process.stdout.write('Installing @11ty/eleventy@3 into bench/.peers (once)...\n');
    execFileSync('npm', ['install', '--prefix', peersDir, '--no-save', '--no-audit', '--no-fund', '@11ty/eleventy@3'], { stdio: 'inherit' });
  }
  return cmd;
}

/**
 * The same releases as Eleventy input, making the same kinds of page Pressroom makes from them: one page per release
 * through a layout (Markdown via markdown-it, no template language inside Markdown, as Pressroom has none), the
 * newest-first listing, and a listing per minister and per portfolio, each paginated 20 to a page. Feeds, the
 * sitemap and the search index are left out, so the peer does less than Pressroom, not more.
 */
export async function writeEleventySite(dir: string, count: number, templates: string): Promise<void> {
  await writeCorpusProject(dir, { count, templates });
  await mkdir(path.join(dir, '_includes'), { recursive: true });
  await writeFile(path.join(dir, 'eleventy.config.mjs'), `export default function (config) {
  config.ignores.add('templates/**');
  config.addFilter('isoDate', (date) => date.toISOString().slice(0, 10));
  // One entry per listing page of each minister and portfolio, newest release first.
  const listingPages = (field) => (api) => {
    const groups = new Map();
    for (const item of api.getFilteredByTag('releases').reverse()) {
      for (const name of item.data[field] ?? []) groups.set(name, [...(groups.get(name) ?? []), item]);
    }
    const pages = [];
    for (const [name, items] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      for (let start = 0; start < items.length; start += 20) pages.push({ name, number: start / 20 + 1, items: items.slice(start, start + 20) });
    }
    return pages;
  };
  config.addCollection('ministerPages', listingPages('ministers'));
  config.addCollection('portfolioPages', listingPages('portfolios'));
  return { dir: { input: '.', output: '_site' }, markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
}
`);
  await writeFile(path.join(dir, 'seeds/seeds.11tydata.js'), `module.exports = {
  layout: 'release.njk',
  tags: ['releases'],
  permalink: (data) => \`\${data.type ?? 'release'}/\${data.page.fileSlug}/index.html\`,
};
`);
  await writeFile(path.join(dir, '_includes/release.njk'), `<!doctype html><html lang="en-NZ"><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<article><p>{{ page.date | isoDate }}</p><h1>{{ title }}</h1><ul>{% for m in ministers %}<li>{{ m }}</li>{% endfor %}</ul>
<ul>{% for p in portfolios %}<li>{{ p }}</li>{% endfor %}</ul>{{ content | safe }}</article></body></html>
`);
  await writeFile(path.join(dir, 'index.njk'), `---
pagination: { data: collections.releases, size: 20, alias: items, reverse: true }
permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}index.html"
eleventyExcludeFromCollections: true
---
<!doctype html><html lang="en-NZ"><head><meta charset="utf-8"><title>Latest releases</title></head><body><ul>
{% for item in items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> {{ item.date | isoDate }}</li>{% endfor %}
</ul></body></html>
`);
  for (const [kind, collection] of [['minister', 'ministerPages'], ['portfolio', 'portfolioPages']]) {
    await writeFile(path.join(dir, `${kind}.njk`), `---
pagination: { data: collections.${collection}, size: 1, alias: listing }
permalink: "${kind}/{{ listing.name | slugify }}/{% if listing.number > 1 %}page/{{ listing.number }}/{% endif %}index.html"
eleventyExcludeFromCollections: true
---
<!doctype html><html lang="en-NZ"><head><meta charset="utf-8"><title>{{ listing.name }}</title></head><body><h1>{{ listing.name }}</h1><ul>
{% for item in listing.items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> {{ item.date | isoDate }}</li>{% endfor %}
</ul></body></html>
`);
  }
}
