/** Safe, stable slugs: the only text that becomes part of an output path. */
import type { Slug } from './types.js';

/** Longest slug we make or accept, well under any file system's name limit. */
export const MAX_SLUG_LENGTH = 100;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when text is already a valid slug: lower-case ASCII letters, digits and single inner hyphens. */
export function isSlug(text: string): text is Slug {
  return text.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(text);
}

/**
 * Turns any text into a slug: macrons and accents lose their marks ("Whānau" → "whanau"), everything else that is
 * not a letter or digit becomes a hyphen, and the result is cut at a hyphen to MAX_SLUG_LENGTH. May return "".
 */
export function slugify(text: string): Slug {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[’'‘]/g, '')
    .toLowerCase();
  const hyphenated = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return truncateSlug(hyphenated) as Slug;
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
