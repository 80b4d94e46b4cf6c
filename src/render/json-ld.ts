/** Schema.org NewsArticle data for a release page, as text safe to put inside a <script> element. Pure. */
import type { RenderedRelease, Settings } from '../types.js';
import { startOfDay } from '../zoned-time.js';
import { absoluteUrl, releasePath } from './routes.js';
import { lastModified } from './view-models.js';

/** The JSON-LD text: a NewsArticle with its dates, ministers as authors and the publisher from the settings. */
export function releaseJsonLd(release: RenderedRelease, summary: string, settings: Settings): string {
  const url = absoluteUrl(settings.baseUrl, releasePath(release));
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title,
    description: summary,
    url,
    mainEntityOfPage: url,
    datePublished: startOfDay(release.date, settings.timeZone),
    dateModified: startOfDay(lastModified(release), settings.timeZone),
    inLanguage: settings.language,
    author: release.ministers.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: settings.publisher, url: settings.baseUrl },
  });
}

/**
 * JSON whose text can sit inside <script>: "<", ">" and "&" become \u escapes (so "</script>" or "<!--" in a title
 * cannot end the element), as do the line separators JavaScript once refused. JSON parsers read them back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
