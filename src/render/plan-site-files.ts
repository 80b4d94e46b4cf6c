/** The files for crawlers and lost visitors: sitemap.xml, robots.txt and 404.html. Pure. */
import type { IsoDate, PagePlan } from '../types.js';
import type { FeedLink } from './plan-feeds.js';
import * as routes from './routes.js';

/** What the sitemap needs from an HTML page's data. */
interface PageMeta {
  path: string;
  modified?: IsoDate;
  noindex?: boolean;
}

/** The sitemap lists every HTML page that may be indexed, in plan order, with its last change where known. */
export function planSitemap(pages: readonly PagePlan[]): PagePlan {
  const entries = pages
    .filter((plan) => plan.path.endsWith('.html'))
    .map((plan) => plan.data.page as PageMeta)
    .filter((page) => !page.noindex)
    .map((page) => ({ path: page.path, lastmod: page.modified }));
  return { path: routes.SITEMAP_FILE, template: 'sitemap', source: 'sitemap', data: { entries } };
}

/** robots.txt lets every crawler in and names the sitemap. */
export function planRobots(): PagePlan {
  return { path: routes.ROBOTS_FILE, template: 'robots', source: 'robots.txt', data: { sitemap: routes.SITEMAP_FILE } };
}

/** The page servers show for a missing address; never indexed. */
export function planNotFound(siteFeed: FeedLink): PagePlan {
  return {
    path: routes.NOT_FOUND_FILE,
    template: '404',
    source: 'not-found page',
    data: { page: { title: 'Page not found', path: routes.NOT_FOUND_FILE, description: 'There is no page at this address.', noindex: true, feeds: [siteFeed] } },
  };
}
