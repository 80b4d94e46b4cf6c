/** The site as data → the list of pages to build: each page's path, template and data. Pure. */
import { error } from '../problems.js';
import type { Group, Minister, PagePlan, Problem, RenderedRelease, Site } from '../types.js';
import { formatDate } from './format-date.js';
import { paginate } from './paginate.js';
import * as routes from './routes.js';
import { releaseCard, typeLabel } from './view-models.js';

/** The pages, and a problem for any two that would be written to the same file. */
export function planPages(site: Site): { pages: PagePlan[]; problems: Problem[] } {
  const pages = [
    ...listingPages(site, routes.HOME_PATH, 'Latest releases', site.releases, 'home'),
    ...site.releases.map((release, index) => releasePage(site, release, index)),
    indexPage(routes.MINISTERS_PATH, 'Ministers', 'ministers', site.ministers.map((m) => entry(m, routes.ministerPath(m)))),
    ...site.ministers.flatMap((m) => listingPages(site, routes.ministerPath(m), m.name, m.releases, `minister ${m.slug}`, crumb('Ministers', routes.MINISTERS_PATH))),
    indexPage(routes.PORTFOLIOS_PATH, 'Portfolios', 'portfolios', site.portfolios.map((p) => entry(p, routes.portfolioPath(p)))),
    ...site.portfolios.flatMap((p) => listingPages(site, routes.portfolioPath(p), p.name, p.releases, `portfolio ${p.slug}`, crumb('Portfolios', routes.PORTFOLIOS_PATH))),
    indexPage(routes.ARCHIVE_PATH, 'Archive', 'years', site.years.map((y) => ({ name: y.slug, path: routes.groupPath(y), count: y.releases.length }))),
    ...site.years.flatMap((y) => listingPages(site, routes.groupPath(y), `Releases from ${y.slug}`, y.releases, `year ${y.slug}`, crumb('Archive', routes.ARCHIVE_PATH))),
    ...site.types.flatMap((t: Group) => listingPages(site, routes.groupPath(t), typeLabel(t.slug, true), t.releases, `type ${t.slug}`)),
    accessibilityPage(site),
  ];
  return { pages, problems: findCollisions(pages) };
}

function releasePage(site: Site, release: RenderedRelease, index: number): PagePlan {
  const newer = site.releases[index - 1];
  const older = site.releases[index + 1];
  const card = releaseCard(release);
  return {
    path: routes.fileOf(card.path),
    template: 'release',
    source: release.file,
    data: {
      page: { title: release.title, path: card.path, description: card.summary },
      release: card,
      html: release.html,
      originalUrl: release.url,
      deliveredAt: release.deliveredAt,
      attachments: release.attachments,
      newer: newer ? releaseCard(newer) : undefined,
      older: older ? releaseCard(older) : undefined,
      breadcrumbs: [crumb('Home', routes.HOME_PATH), crumb(typeLabel(release.type, true), routes.groupPath({ slug: release.type }))],
    },
  };
}

function listingPages(
  site: Site,
  path: string,
  heading: string,
  releases: readonly RenderedRelease[],
  source: string,
  parent?: { name: string; path: string },
): PagePlan[] {
  return paginate(releases, path, site.settings.pageSize).map((pagination) => ({
    path: routes.fileOf(pagination.path),
    template: 'listing',
    source,
    data: {
      page: {
        title: pagination.number === 1 ? heading : `${heading}, page ${pagination.number} of ${pagination.total}`,
        path: pagination.path,
        description: describeListing(heading, releases),
      },
      heading,
      releases: pagination.items.map(releaseCard),
      count: releases.length,
      pagination,
      breadcrumbs: parent ? [crumb('Home', routes.HOME_PATH), parent] : undefined,
    },
  }));
}

function indexPage(path: string, heading: string, noun: string, entries: { name: string; path: string; count: number }[]): PagePlan {
  return {
    path: routes.fileOf(path),
    template: 'index',
    source: `${noun} index`,
    data: {
      page: { title: heading, path, description: `${heading}: ${entries.length} ${noun}, with their releases.` },
      heading,
      entries,
      breadcrumbs: [crumb('Home', routes.HOME_PATH)],
    },
  };
}

/** The accessibility statement the footer links to on every page, built from the settings. */
function accessibilityPage(site: Site): PagePlan {
  const heading = 'Accessibility statement';
  return {
    path: routes.fileOf(routes.ACCESSIBILITY_PATH),
    template: 'accessibility',
    source: 'accessibility statement',
    data: {
      page: { title: heading, path: routes.ACCESSIBILITY_PATH, description: `How accessible the ${site.settings.title} website is and how to report a problem.` },
      heading,
      contactEmail: site.settings.contactEmail,
      breadcrumbs: [crumb('Home', routes.HOME_PATH)],
    },
  };
}

function entry(group: Minister, path: string) {
  return { name: group.name, path, count: group.releases.length };
}

function crumb(name: string, path: string) {
  return { name, path };
}

function describeListing(heading: string, releases: readonly RenderedRelease[]): string {
  const newest = releases[0];
  return newest
    ? `${heading}: ${releases.length} item${releases.length === 1 ? '' : 's'}, the newest from ${formatDate(newest.date)}.`
    : `${heading}: no releases yet.`;
}

/** Two pages on one path would silently overwrite each other: name both sources instead. */
function findCollisions(pages: readonly PagePlan[]): Problem[] {
  const seen = new Map<string, PagePlan>();
  const problems: Problem[] = [];
  for (const page of pages) {
    const first = seen.get(page.path);
    if (!first) {
      seen.set(page.path, page);
      continue;
    }
    const isRelease = page.source.endsWith('.md');
    const fix = isRelease ? '; give one of them another "slug"' : '';
    problems.push(error(page.source, `would be written to ${page.path}, where ${first.source} is written already${fix}`, isRelease ? { field: 'slug' } : {}));
  }
  return problems;
}
