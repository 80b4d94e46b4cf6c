/** Schema.org NewsArticle data for a release page, as text safe to put inside a <script> element. Pure. */
import type { RenderedRelease, Settings } from '../types.js';
import { bodyRenderKey } from './body-bytes.js';
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
 * A release page's JSON-LD text, made each time it is printed rather than held with every plan: at 1.5 KB a page it
 * was the largest part of the plans (15.6 MB of the heap at 10,000 releases). Templates print it as the text. A getter
 * did the same, but an object literal with a getter is held as a dictionary, 0.8 KB a page.
 */
export class ReleaseJsonLd {
  constructor(
    private readonly release: RenderedRelease,
    private readonly summary: string,
    private readonly settings: Settings,
  ) {}

  toString(): string {
    return releaseJsonLd(this.release, this.summary, this.settings);
  }

  /**
   * What the text is made from, for a page's digest (see pageSources), when the release has a render-cache key: the
   * key names everything the release is made from, and every page's digest covers the settings and the code. So the
   * text need not be made to be digested: at 10,000 releases, making and hashing it was about 100 ms of a warm build.
   */
  digestKey(): string | undefined {
    const key = bodyRenderKey(this.release.html);
    return key === undefined ? undefined : `${key}\0${this.summary}`;
  }
}

/**
 * JSON whose text can sit inside <script>: "<", ">" and "&" become \u escapes (so "</script>" or "<!--" in a title
 * cannot end the element), as do the line separators JavaScript once refused. JSON parsers read them back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
