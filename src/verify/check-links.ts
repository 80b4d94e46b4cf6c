/**
 * The link check: every internal link, asset reference and feed or sitemap address in every produced file must lead
 * to a produced file. Pure: it reads the output list in memory, after rendering and before anything is written.
 */
import { error } from '../problems.js';
import type { OutputFile, Problem } from '../types.js';

/** One link that leads nowhere. */
export interface BrokenLink {
  /** Output path of the file holding the link ("release/x/index.html"). */
  page: string;
  /** The link exactly as written, entities decoded ("/news/minister/x/"). */
  link: string;
  /** Why it is broken. */
  reason: string;
}

const ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const SITEMAP_LOC = /<loc>([^<]*)<\/loc>/g;
const ROBOTS_SITEMAP = /^Sitemap:\s*(\S+)\s*$/gim;
// Links that resolve the same from every page: a path from the site's root (one "/") or a full http(s) address, with
// no backslash, tab or line break (URL parsing turns those into "/" or drops them, which could make "//" of "/").
const ROOTED = /^(?:\/(?![/\\])|https?:\/\/)[^\\\t\n\r]*$/i;

/**
 * Broken links in page order, each (page, link) once. Links to other sites and non-web schemes are not followed.
 * `produced` is every output path, when `files` holds only some of them (dev mode checks just the pages it re-rendered).
 */
export function findBrokenLinks(files: readonly OutputFile[], baseUrl: string, produced: ReadonlySet<string> = new Set(files.map((f) => f.path))): BrokenLink[] {
  const base = new URL(baseUrl);
  const broken: BrokenLink[] = [];
  // Most links lead to the same place from any page (ROOTED): each of those is checked once for the whole site.
  // At 10,000 releases that is millions of links (feeds repeat every body) but only tens of thousands of addresses.
  const rooted = new Map<string, string | undefined>();
  for (const file of files) {
    if (typeof file.content !== 'string' || !/\.(html|xml|txt)$/.test(file.path)) continue;
    const seen = new Set<string>();
    let pageUrl: URL | undefined;
    for (const raw of linksIn(file.path, file.content)) {
      const trimmed = raw.trim();
      const link = trimmed.includes('&') ? decodeEntities(trimmed) : trimmed;
      if (seen.has(link)) continue;
      seen.add(link);
      const pageIndependent = ROOTED.test(link);
      let reason = pageIndependent ? rooted.get(link) : undefined;
      if (!pageIndependent || !rooted.has(link)) {
        reason = checkLink(link, (pageUrl ??= new URL(file.path, base)), base, produced);
        if (pageIndependent) rooted.set(link, reason);
      }
      if (reason) broken.push({ page: file.path, link, reason });
    }
  }
  return broken;
}

/** The broken links as build errors naming the page (below the output folder as the user named it) and the link. */
export function checkLinks(files: readonly OutputFile[], baseUrl: string, outFolder: string, produced?: ReadonlySet<string>): Problem[] {
  return findBrokenLinks(files, baseUrl, produced).map((b) => error(`${outFolder}/${b.page}`, `links to "${b.link}", ${b.reason}; fix the link, or the template or release that writes it`));
}

function linksIn(path: string, content: string): string[] {
  const patterns = path.endsWith('.txt') ? [ROBOTS_SITEMAP] : path.endsWith('.xml') ? [ATTRIBUTE, SITEMAP_LOC] : [ATTRIBUTE];
  return patterns.flatMap((pattern) => [...content.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? ''));
}

/** Why a link is broken, or undefined when it is fine or leads off the site. */
function checkLink(link: string, pageUrl: URL, base: URL, produced: ReadonlySet<string>): string | undefined {
  if (link === '') return 'an empty address';
  let target: URL;
  try {
    target = new URL(link, pageUrl);
  } catch {
    return 'which is not a valid address';
  }
  if (target.protocol !== base.protocol && (target.protocol === 'http:' || target.protocol === 'https:') && target.host === base.host) {
    return `which uses ${target.protocol} where the site is published on ${base.protocol}`;
  }
  if (target.origin !== base.origin) return undefined;
  if (!target.pathname.startsWith(base.pathname)) return `which is outside the site's base path ${base.pathname}, so it breaks when the site is deployed there`;
  let relative: string;
  try {
    relative = decodeURIComponent(target.pathname.slice(base.pathname.length));
  } catch {
    return 'which has a malformed %-escape';
  }
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (produced.has(file) || produced.has(`${file}/index.html`)) return undefined;
  return `but the build produces no file ${file}`;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
