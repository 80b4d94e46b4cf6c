/** In-memory releases and settings for unit tests of the stages after validation. */
import { bodyBytes } from '../../src/render/body-bytes.js';
import type { IsoDate, RenderedRelease, Settings, Slug } from '../../src/types.js';
import { DEFAULT_SETTINGS } from '../../src/validate/validate-settings.js';

/** A rendered release with `fields` replacing the defaults; the slug defaults to the file name. */
export function renderedRelease(fields: Partial<Omit<RenderedRelease, 'date' | 'type' | 'slug'>> & { date?: string; type?: string; slug?: string } = {}): RenderedRelease {
  const slug = (fields.slug ?? (fields.file ?? 'seeds/a.md').replace(/^.*\/|\.md$/g, '')) as Slug;
  return {
    file: `seeds/${slug}.md`,
    title: `Release ${slug}`,
    ministers: ['Hon Jane Example'],
    portfolios: ['Finance'],
    attachments: [],
    bodyLine: 7,
    html: bodyBytes('<p>Body.</p>\n'),
    excerpt: 'Body.',
    ...fields,
    draft: fields.draft ?? false,
    updates: fields.updates ?? [],
    date: (fields.date ?? '2024-07-12') as IsoDate,
    type: (fields.type ?? 'release') as Slug,
    slug,
  };
}

/** The default settings with some replaced. */
export function settings(fields: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...fields };
}
