/** A person's identity across title changes: the name with honorifics removed, as a slug. */
import { slugify } from './slug.js';
import type { Slug } from './types.js';

// Longest first, so "Rt Hon" is removed whole rather than leaving "Rt".
const HONORIFICS = [
  'the right honourable', 'right honourable', 'the honourable', 'honourable', 'rt hon', 'rt. hon.', 'hon.', 'hon',
  'dr.', 'dr', 'sir', 'dame', 'professor', 'prof.', 'prof', 'mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'miss', 'mx',
];

/** "Rt Hon Christopher Luxon" and "Hon Christopher Luxon" both give "christopher-luxon". May return "" for a bare title. */
export function ministerKey(name: string): Slug {
  return slugify(withoutHonorifics(name));
}

/** The name with every leading honorific removed ("Hon Dr Jane Doe" → "Jane Doe"). */
export function withoutHonorifics(name: string): string {
  let rest = name.trim().replace(/\s+/g, ' ');
  for (let changed = true; changed; ) {
    changed = false;
    const lower = rest.toLowerCase();
    for (const honorific of HONORIFICS) {
      // A bare title ("Hon") is removed too, leaving no name, so validation can say the name is missing.
      if (lower === honorific || lower.startsWith(`${honorific} `)) {
        rest = rest.slice(honorific.length + 1).trimStart();
        changed = true;
        break;
      }
    }
  }
  return rest;
}
