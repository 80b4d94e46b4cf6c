/** The shared vocabulary of the build: every stage speaks in these shapes and no others. */
import type { StoredBody } from './render/body-bytes.js';

/** A calendar date, "YYYY-MM-DD", in the site's time zone; kept as text so no time zone can move it. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Lower-case ASCII letters, digits and single hyphens: the only text that may become part of an output path. */
export type Slug = string & { readonly __brand: 'Slug' };

/** How serious a problem is: errors stop a build, warnings are printed and the build goes on. */
export type Severity = 'error' | 'warning';

/** One thing wrong with the input, as data, so that all of them can be collected and reported at once. */
export interface Problem {
  /** Project-relative path of the file at fault, with forward slashes ("seeds/a.md", "package.json"). */
  file: string;
  /** 1-based line in that file, where it is known. */
  line?: number;
  /** The front matter field or setting at fault, where there is one. */
  field?: string;
  /** Whether the problem stops the build. */
  severity: Severity;
  /** What is wrong, what was expected, and how to fix it, in one or more sentences. */
  message: string;
}

/** The site's settings, read from the "pressroom" key of package.json and filled with defaults. */
export interface Settings {
  /** The site's name, shown in the header and in every page title. */
  title: string;
  /** Absolute address the site is published at, always ending in "/"; its path is the prefix of every internal link. */
  baseUrl: string;
  /** BCP 47 language tag of the pages ("en-NZ"). */
  language: string;
  /** IANA time zone whose calendar dates the releases are dated in ("Pacific/Auckland"). */
  timeZone: string;
  /** How many releases a listing page shows before it paginates. */
  pageSize: number;
  /** How many of the newest entries each Atom feed carries. */
  feedSize: number;
  /** The organisation named as publisher in JSON-LD and as the feeds' rights holder; defaults to the title. */
  publisher: string;
  /** Whether a build without a search index fails ("required") or warns and goes on ("optional"). */
  search: SearchMode;
  /** Email address the accessibility statement gives for reporting problems, if the office publishes one. */
  contactEmail?: string;
}

/** "optional": a build that cannot make the search index warns and builds the rest; "required": it fails. */
export type SearchMode = 'optional' | 'required';

/** One input file, read but not yet understood. */
export interface SourceFile {
  /** Project-relative path with forward slashes. */
  path: string;
  /** The file's bytes as read; decoding is validation's job, so a bad encoding becomes a problem. */
  bytes: Uint8Array;
}

/** A release file, with its content digest (see contentDigest), by which the render cache and dev mode know it. */
export interface ReleaseSource extends SourceFile {
  digest: string;
}

/** A static file of the design (stylesheet, image) copied into the output with a content hash in its name. */
export interface AssetFile {
  /** Path below templates/assets/, forward slashes ("site.css", "img/logo.svg"). */
  name: string;
  /** The file's bytes. */
  bytes: Uint8Array;
}

/** Everything a build reads from disk, read once, so that later stages never touch the file system. */
export interface Project {
  /** package.json, whose "pressroom" key holds the settings. */
  packageJson: SourceFile;
  /** Every release file, in sorted path order. */
  releases: ReleaseSource[];
  /** Eta templates by name: the path below templates/ without ".eta" ("layout", "partials/pagination"). */
  templates: Map<string, string>;
  /** The design's static files, in sorted name order. */
  assets: AssetFile[];
}

/** A document attached to a release, such as a PDF of the full report. */
export interface Attachment {
  /** Readable title: the given one, else derived from the file name. */
  title: string;
  /** Absolute http(s) address of the document. */
  url: string;
  /** Upper-case file type taken from the address ("PDF", "DOCX"), or "" when the address has no extension. */
  fileType: string;
}

/** A dated correction to a release, shown on its page ("Updated 13 July 2024: …"). */
export interface Update {
  /** When it was corrected. */
  date: IsoDate;
  /** What was corrected. */
  note: string;
}

/** Why a release no longer stands: its page stays, with a banner, but it leaves every listing, feed and sitemap. */
export interface Withdrawal {
  /** When it was withdrawn. */
  date: IsoDate;
  /** Why, in a sentence. */
  reason: string;
}

/** One validated release: everything its front matter says, checked, with its identity worked out. */
export interface Release {
  /** Project-relative path of the file it came from. */
  file: string;
  /** Headline, exactly as written. */
  title: string;
  /** Date of publication in the site's time zone. */
  date: IsoDate;
  /** Canonical original address, when given. */
  url?: string;
  /** Ministers' names exactly as written, honorifics included. */
  ministers: string[];
  /** Portfolio names exactly as written. */
  portfolios: string[];
  /** The kind of item: release, speech, feature or ministerial-diary. */
  type: Slug;
  /** Last segment of the page's address. */
  slug: Slug;
  /** The summary written in the front matter, if any; otherwise listings use the body's first paragraph. */
  summary?: string;
  /** For a speech, where it was delivered. */
  deliveredAt?: string;
  /** Documents attached to the release. */
  attachments: Attachment[];
  /** Instant (ms since 1970 UTC) before which the release must not appear anywhere, when it is embargoed. */
  embargo?: number;
  /** True for a draft, which is built only when drafts are asked for. */
  draft: boolean;
  /** Corrections, oldest first, each dated on or after the release. */
  updates: Update[];
  /** When and why the release was withdrawn, if it was. */
  withdrawn?: Withdrawal;
  /** The Markdown body. */
  body: string;
  /** 1-based line of the file on which the body starts, so body problems can name their line. */
  bodyLine: number;
}

/** A release with its body rendered: what pages are built from. The Markdown is dropped: every release is held at once. */
export interface RenderedRelease extends Omit<Release, 'body'> {
  /** The body as sanitized HTML in UTF-8, held or left in the render cache (see body-bytes.ts); templates print it as text. */
  html: Uint8Array | StoredBody;
  /** The summary listings show: the front matter's, else the first paragraph's text cut near 200 characters. */
  excerpt: string;
}

/** A person, gathered from every release that names them under any honorific. */
export interface Minister {
  /** Key of the name without honorifics ("christopher-luxon"). */
  slug: Slug;
  /** The name as written in their newest release. */
  name: string;
  /** Their releases, newest first. */
  releases: RenderedRelease[];
}

/** A portfolio, gathered from every release that lists it. */
export interface Portfolio {
  /** Key of the name. */
  slug: Slug;
  /** The name as written in its newest release. */
  name: string;
  /** Its releases, newest first. */
  releases: RenderedRelease[];
}

/** A group of releases with its own listing: a year of the archive, or a type. */
export interface Group {
  /** Path segment of the group's listing ("2024", "speech"). */
  slug: Slug;
  /** Its releases, newest first. */
  releases: RenderedRelease[];
}

/** The whole site as data: releases and every way of grouping them, all sorted. */
export interface Site {
  /** The settings in force. */
  settings: Settings;
  /** Every release, newest first (date descending, then type and slug ascending). */
  releases: RenderedRelease[];
  /** Ministers, A–Z by name without honorifics. */
  ministers: Minister[];
  /** Portfolios, A–Z. */
  portfolios: Portfolio[];
  /** Years of the archive, newest first. */
  years: Group[];
  /** Types that have releases (and "release" always), A–Z. */
  types: Group[];
  /** Withdrawn releases: each keeps its page, but no listing, feed or sitemap shows it. */
  withdrawn: RenderedRelease[];
}

/** One page the build will produce: where it goes, which template renders it, and with what. */
export interface PagePlan {
  /** Output path below the output folder, forward slashes ("release/x/index.html"). */
  path: string;
  /** Name of the Eta template that renders it. */
  template: string;
  /** Where the page came from, for problems about it ("seeds/a.md", "minister christopher-luxon"). */
  source: string;
  /** The template's data, less the helpers every page gets. */
  data: Record<string, unknown>;
  /**
   * The search index a page goes into, named by its release's year ("2024"), or by the first month of its part of a
   * year too large for one index ("2024-07", see searchIndexing): set for the pages of releases that reach listings,
   * and no others. A build re-indexes only the years whose pages changed.
   */
  searchIndex?: string;
}

/** A file ready to write. */
export interface OutputFile {
  /** Output path below the output folder, forward slashes. */
  path: string;
  /** Its content. */
  content: string | Uint8Array;
  /** For a page, the digest of what it was rendered from (see pageSources), so a later build can keep it. */
  source?: string;
}

/** One page for the search index. */
export interface SearchPage {
  path: string;
  url: string;
  html: string;
  /** The index it goes into (its plan's searchIndex). */
  index: string;
}

/** A searchable page as a build produces it: without its HTML when the output kept the page from the last build. */
export type ProducedSearchPage = Omit<SearchPage, 'html'> & { html?: string };

/** What the search index is built from: rendered pages, read from memory, never from the output folder. */
export interface SearchInput {
  /** The searchable pages in plan order: each one's output path, its address from the site root ("/release/x/"), and its HTML. */
  pages: SearchPage[];
  /** Whether failing to build the index is an error or a warning. */
  mode: SearchMode;
}
