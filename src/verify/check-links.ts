/**
 * The link check: every internal link, asset reference and feed or sitemap address in every produced file must lead
 * to a produced file. Pure: it reads the output list in memory, after rendering and before anything is written.
 */
import { error } from '../problems.js';
import type { OutputFile, Problem } from '../types.js';
import { linksIn } from './links-in.js';

/** One link that leads nowhere. */
export interface BrokenLink {
  /** Output path of the file holding the link ("release/x/index.html"). */
  page: string;
  /** The link exactly as written, entities decoded ("/news/minister/x/"). */
  link: string;
  /** Why it is broken. */
  reason: string;
}

// Links that resolve the same from every page: a path from the site's root (one "/") or a full http(s) address, with
// no backslash, tab or line break (URL parsing turns those into "/" or drops them, which could make "//" of "/").
const ROOTED = /^(?:\/(?![/\\])|https?:\/\/)[^\\\t\n\r]*$/i;
// A path URL parsing leaves exactly as written: no "%" to decode, nothing it escapes or drops, no "\" it turns into
// "/", and (checked apart) no "." or ".." segment it would resolve.
const PLAIN_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/** What a link string, as written, comes to: the link as reported and, for a page-independent one, its verdict. */
interface Verdict {
  link: string;
  pageIndependent: boolean;
  reason?: string;
}

/**
 * Checks pages against one set of produced paths, remembering the verdict on every link that reads the same from any
 * page, so a build can check its pages in chunks (or dev mode page by page) and still judge each address once. At
 * 10,000 releases that is millions of links (feeds repeat every body) but only tens of thousands of addresses.
 * `produced` must not change while the checker is in use.
 */
export class LinkChecker {
  private readonly base: URL;
  private readonly origin: string | undefined;
  private readonly verdicts = new Map<string, Verdict>();

  constructor(
    baseUrl: string,
    private readonly produced: ReadonlySet<string>,
  ) {
    this.base = new URL(baseUrl);
    // A full address on the site's own origin is a root path once the origin is cut off (only http(s) has one).
    this.origin = this.base.protocol === 'http:' || this.base.protocol === 'https:' ? `${this.base.origin}/` : undefined;
  }

  /** Broken links in page order, each (page, link) once. Links to other sites and non-web schemes are not followed. */
  findBroken(files: readonly OutputFile[]): BrokenLink[] {
    const broken: BrokenLink[] = [];
    for (const file of files) {
      if (typeof file.content !== 'string' || !/\.(html|xml|txt)$/.test(file.path)) continue;
      let pageUrl: URL | undefined;
      let pageVerdicts: Map<string, string | undefined> | undefined;
      let reported: Set<string> | undefined;
      for (const raw of linksIn(file.path, file.content)) {
        const verdict = this.verdictOn(raw);
        let reason = verdict.reason;
        if (!verdict.pageIndependent) {
          pageVerdicts ??= new Map();
          if (pageVerdicts.has(verdict.link)) reason = pageVerdicts.get(verdict.link);
          else pageVerdicts.set(verdict.link, (reason = this.judge(verdict.link, (pageUrl ??= new URL(file.path, this.base)))));
        }
        if (reason === undefined || reported?.has(verdict.link)) continue;
        (reported ??= new Set()).add(verdict.link);
        broken.push({ page: file.path, link: verdict.link, reason });
      }
    }
    return broken;
  }

  /** The broken links as build errors naming the page (below the output folder as the user named it) and the link. */
  problems(files: readonly OutputFile[], outFolder: string): Problem[] {
    return this.findBroken(files).map((b) => error(`${outFolder}/${b.page}`, `links to "${b.link}", ${b.reason}; fix the link, or the template or release that writes it`));
  }

  /** The link a raw attribute value stands for and, when it reads the same from every page, whether it is broken. */
  private verdictOn(raw: string): Verdict {
    let verdict = this.verdicts.get(raw);
    if (verdict === undefined) {
      const trimmed = raw.trim();
      // A link is a slice of its page, and V8 keeps a slice's whole parent string alive: the memo keeps copies, or it
      // would hold every page of the build.
      const link = ownCopy(trimmed.includes('&') ? decodeEntities(trimmed) : trimmed);
      verdict = ROOTED.test(link) ? { link, pageIndependent: true, reason: this.judge(link, this.base) } : { link, pageIndependent: false };
      this.verdicts.set(ownCopy(raw), verdict);
    }
    return verdict;
  }

  /** Why a link is broken, or undefined when it is fine or leads off the site. */
  private judge(link: string, pageUrl: URL): string | undefined {
    const rootPath = link.startsWith('/') ? link : this.origin && link.startsWith(this.origin) ? link.slice(this.origin.length - 1) : undefined;
    const plain = rootPath === undefined ? undefined : plainPath(rootPath);
    return plain === undefined ? this.judgeParsed(link, pageUrl) : this.judgePath(plain);
  }

  /** The general case: let URL parsing resolve the link against the page. */
  private judgeParsed(link: string, pageUrl: URL): string | undefined {
    if (link === '') return 'an empty address';
    let target: URL;
    try {
      target = new URL(link, pageUrl);
    } catch {
      return 'which is not a valid address';
    }
    const base = this.base;
    if (target.protocol !== base.protocol && (target.protocol === 'http:' || target.protocol === 'https:') && target.host === base.host) {
      return `which uses ${target.protocol} where the site is published on ${base.protocol}`;
    }
    if (target.origin !== base.origin) return undefined;
    return this.judgePath(target.pathname);
  }

  /** Whether a path on the site's origin, as URL parsing gives it, is under the base path and leads to a produced file. */
  private judgePath(pathname: string): string | undefined {
    if (!pathname.startsWith(this.base.pathname)) return `which is outside the site's base path ${this.base.pathname}, so it breaks when the site is deployed there`;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(this.base.pathname.length));
    } catch {
      return 'which has a malformed %-escape';
    }
    const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    if (this.produced.has(file) || this.produced.has(`${file}/index.html`)) return undefined;
    return `but the build produces no file ${file}`;
  }
}

/**
 * The path of a root-relative link ("/a/b/?q#f" → "/a/b/") when URL parsing would give exactly that path, so the
 * link can be judged without parsing; undefined when it might not (a "//" host, "%", "\", spaces, dot segments…).
 */
export function plainPath(link: string): string | undefined {
  if (link.charCodeAt(0) !== 0x2f || link.charCodeAt(1) === 0x2f) return undefined;
  let end = link.length;
  const query = link.indexOf('?');
  const fragment = link.indexOf('#');
  if (query >= 0) end = query;
  if (fragment >= 0 && fragment < end) end = fragment;
  const path = end === link.length ? link : link.slice(0, end);
  if (!PLAIN_PATH.test(path)) return undefined;
  if (path.includes('/.') && path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return path;
}

/** Broken links in page order, each (page, link) once. `produced` is every output path, when `files` holds only some. */
export function findBrokenLinks(files: readonly OutputFile[], baseUrl: string, produced: ReadonlySet<string> = new Set(files.map((f) => f.path))): BrokenLink[] {
  return new LinkChecker(baseUrl, produced).findBroken(files);
}

/** The broken links as build errors naming the page (below the output folder as the user named it) and the link. */
export function checkLinks(files: readonly OutputFile[], baseUrl: string, outFolder: string, produced?: ReadonlySet<string>): Problem[] {
  return new LinkChecker(baseUrl, produced ?? new Set(files.map((f) => f.path))).problems(files, outFolder);
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

/** The same text in a string of its own, sharing no memory with the string it was sliced from. */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
