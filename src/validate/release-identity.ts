/** Where a release's page lives: its type and slug, from the front matter, the original address, or the file name. */
import { isSlug, MAX_SLUG_LENGTH, slugify } from '../slug.js';
import type { Slug } from '../types.js';

/** The kinds of item a press office publishes; each has its own section of the site. */
export const RELEASE_TYPES = ['release', 'speech', 'feature', 'ministerial-diary'] as const;

/** The type and slug, or the field and message of what stops them being worked out. */
export type Identity = { ok: true; type: Slug; slug: Slug } | { ok: false; field: string; message: string };

/** What the front matter says that bears on identity, already checked for shape. */
export interface IdentityInput {
  file: string;
  type?: string;
  slug?: string;
  url?: URL;
}

/**
 * `type`: the field, else the first segment of `url` when it names a type, else "release".
 * `slug`: the field, else the last segment of `url`, else the file name. A slug that is given must already be valid;
 * one that is derived is made safe with slugify, so nothing in an address can lead outside the output folder.
 */
export function releaseIdentity(input: IdentityInput): Identity {
  const segments = input.url ? urlSegments(input.url) : [];
  let type: Slug = 'release' as Slug;
  if (input.type !== undefined) {
    if (!(RELEASE_TYPES as readonly string[]).includes(input.type)) {
      return { ok: false, field: 'type', message: `unknown type ${JSON.stringify(input.type)}; expected one of ${RELEASE_TYPES.join(', ')}` };
    }
    type = input.type as Slug;
  } else if (segments.length > 1 && (RELEASE_TYPES as readonly string[]).includes(segments[0]!)) {
    type = segments[0] as Slug;
  }

  if (input.slug !== undefined) {
    if (!isSlug(input.slug)) {
      const suggestion = slugify(input.slug);
      return {
        ok: false,
        field: 'slug',
        message: `${JSON.stringify(input.slug)} is not a valid slug: use lower-case letters a-z, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters${suggestion ? ` (such as "${suggestion}")` : ''}`,
      };
    }
    return { ok: true, type, slug: input.slug };
  }
  const fromUrl = segments.length > 0 && !(segments.length === 1 && segments[0] === type) ? slugify(segments.at(-1)!) : '';
  if (fromUrl !== '') return { ok: true, type, slug: fromUrl as Slug };
  const fromFile = slugify(fileStem(input.file));
  if (fromFile !== '') return { ok: true, type, slug: fromFile };
  return { ok: false, field: 'slug', message: 'no slug can be made from the address or the file name; add a line such as "slug: budget-2024-announced"' };
}

/** The address's path segments, percent-decoded where that is possible, with empty ones dropped. */
function urlSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function fileStem(file: string): string {
  const name = file.split('/').at(-1) ?? file;
  return name.replace(/\.md$/i, '');
}
