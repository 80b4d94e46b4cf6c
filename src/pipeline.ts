/** The build, stage by stage: load → validate → assemble → render → write. `check` is the same without the write. */
import path from 'node:path';
import { assembleSite } from './assemble/assemble-site.js';
import type { SiteAssembler } from './assemble/reassemble-site.js';
import { selectPublished, type NextEmbargo, type Visibility } from './assemble/select-published.js';
import { readBuildCache, type BuildCache } from './load/read-build-cache.js';
import { readProject } from './load/read-project.js';
import { error, hasErrors, sortProblems } from './problems.js';
import { indexSearch, selectSearchPages } from './render/index-search.js';
import { planAssets } from './render/plan-assets.js';
import { planPages, type PlanMemo } from './render/plan-pages.js';
import { renderPages } from './render/render-pages.js';
import { renderCacheKey } from './render/render-cache.js';
import { renderReleases, type ReleaseOutcome, type RenderOptions } from './render/render-releases.js';
import type { OutputFile, Problem, Project, RenderedRelease, SearchInput, Settings, SourceFile } from './types.js';
import { validateSettings, type SettingsOverrides } from './validate/validate-settings.js';
import { checkLinks } from './verify/check-links.js';
import { formatInstant } from './zoned-time.js';
import { reuseSearchIndex, saveSearchIndexKey, searchIndexKey } from './write/search-index-cache.js';
import { writeBuildCache } from './write/write-build-cache.js';
import { writeSite } from './write/write-site.js';

/** Where a project is and what to build. Relative folders are resolved against `root`. */
export interface BuildOptions {
  /** The project folder (holding package.json); defaults to the current folder. */
  root?: string;
  /** Folder of release files; default "seeds". */
  content?: string;
  /** Output folder; default "public". */
  out?: string;
  /** Folder of templates and assets; default "templates". */
  templates?: string;
  /** Overrides the baseUrl setting for this build. */
  baseUrl?: string;
  /**
   * The instant the build is for: embargoes that have not lifted by then hold their releases back. When absent, every
   * embargoed release is held back, so a caller that forgets the clock never publishes one early.
   */
  now?: Date;
  /** Build draft releases too, for a preview. */
  drafts?: boolean;
  /** Use and update the render cache in node_modules/.cache/pressroom/ (default true); false builds from scratch. */
  cache?: boolean;
  /** Worker threads for rendering Markdown; default one per core for large sites, 0 renders on the main thread. */
  threads?: number;
  /** Told what the build is doing as it goes: a stage, and how much of it is done. */
  progress?: (stage: 'render' | 'pages' | 'write', done: number, total: number) => void;
}

/** Counts for the summary line. */
export interface BuildStats {
  releases: number;
  ministers: number;
  portfolios: number;
  pages: number;
  files: number;
  /** Atom feeds among the files. */
  feeds: number;
  /** Releases held back: embargoed, or drafts when drafts are not built. */
  withheld: number;
  /** Withdrawn releases, whose pages stay but which no listing shows. */
  withdrawn: number;
}

/** What a build or check found: every problem, sorted; and counts of what was (or would be) written. */
export interface BuildResult {
  /** False when any problem is an error; a build then writes nothing. */
  ok: boolean;
  problems: Problem[];
  stats: BuildStats;
  /** Every output path, sorted. */
  pages: string[];
  /** The embargo that lifts soonest among the held-back releases, so a scheduler can rebuild then. */
  nextEmbargo?: NextEmbargo & {
    /** The same instant in the site's time zone, as the press office reads it ("2024-07-13T06:00:00+12:00"). */
    local: string;
  };
}

/** How a site is produced beyond the settings: what is visible now, how releases render, and names for messages. */
export interface ProduceOptions extends Visibility {
  /** The output folder as the user named it ("public"). */
  outFolder?: string;
  /** The render cache and worker threads for the per-file stage. */
  render?: RenderOptions;
  /** Told what the build is doing as it goes. */
  progress?: BuildOptions['progress'];
}

/** Turns one settings' worth of release files into outcomes: `renderReleases`, or a memoised stand-in in dev mode. */
export type ReleaseRenderer = (sources: readonly SourceFile[], settings: Settings, options?: RenderOptions) => Promise<ReleaseOutcome[]>;

/**
 * Everything up to rendering pages: settings, the releases visible now, the assembled site, its page plans and
 * assets. Reads and writes nothing; dev mode calls it with a memoised renderer, planner and assembler, and renders only
 * the stale plans.
 */
export async function planSite(
  project: Project,
  overrides: SettingsOverrides,
  visibility: Visibility = {},
  render: ReleaseRenderer = renderReleases,
  renderOptions: RenderOptions = {},
  memo?: PlanMemo,
  assemble: SiteAssembler = assembleSite,
) {
  const { settings, problems } = validateSettings(project.packageJson, overrides);
  const rendered: RenderedRelease[] = [];
  const outcomes = await render(project.releases, settings, renderOptions);
  for (const outcome of outcomes) {
    problems.push(...outcome.problems);
    if (outcome.release) rendered.push(outcome.release);
  }
  // Held-back releases go before assembly, so no page, listing, feed, count or neighbour link can mention them.
  const visible = selectPublished(rendered, visibility);
  const site = assemble(visible.published, settings);
  const plan = planPages(site, memo);
  const assets = planAssets(project.assets);
  problems.push(...plan.problems);
  const nextEmbargo = visible.nextEmbargo ? { ...visible.nextEmbargo, local: formatInstant(visible.nextEmbargo.at, settings.timeZone) } : undefined;
  return { settings, site, held: visible.held, nextEmbargo, pages: plan.pages, assets, problems, outcomes };
}

/**
 * The whole site produced in memory from what was read: reads nothing, writes nothing. The search index is not in
 * `files`: pass `search` to indexSearch (build awaits it before writing; dev mode runs it after writing pages).
 */
export async function produceSite(project: Project, overrides: SettingsOverrides, templatesFolder: string, options: ProduceOptions = {}) {
  const planned = await planSite(project, overrides, options, renderReleases, options.render);
  const { settings, site, problems } = planned;
  // The outcomes by cache key, for the next build: only files that are still here, so the cache never outgrows them.
  const cache = options.render?.cache;
  const renders = new Map<string, ReleaseOutcome>(cache ? project.releases.map((source, index) => [renderCacheKey(source, settings, cache.salt), planned.outcomes[index]!]) : []);
  options.progress?.('pages', 0, planned.pages.length);
  const pages = renderPages(planned.pages, { templates: project.templates, folder: templatesFolder }, settings, planned.assets.paths);
  problems.push(...pages.problems);
  const files: OutputFile[] = [...pages.files, ...planned.assets.files];
  // Links are checked only when everything rendered: a missing template would make every link to its pages look broken.
  if (pages.problems.length === 0) problems.push(...checkLinks(files, settings.baseUrl, options.outFolder ?? 'public'));
  const stats: BuildStats = {
    releases: site.releases.length,
    ministers: site.ministers.length,
    portfolios: site.portfolios.length,
    pages: pages.files.filter((f) => f.path.endsWith('.html')).length,
    files: files.length,
    feeds: pages.files.filter((f) => f.path.endsWith('feed.xml')).length,
    withheld: planned.held,
    withdrawn: site.withdrawn.length,
  };
  return {
    files,
    problems: sortProblems(problems),
    stats,
    pages: files.map((f) => f.path).sort(),
    search: selectSearchPages(planned.pages, pages.files, settings),
    renders,
    ...(planned.nextEmbargo ? { nextEmbargo: planned.nextEmbargo } : {}),
  };
}

/** Checks every release, setting and template, and reports every problem; writes nothing. */
export async function check(options: BuildOptions = {}): Promise<BuildResult> {
  const { result } = await readAndProduce(options);
  return result;
}

/** Builds the site into the output folder, replacing it only if there is no error anywhere. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { result, files, search, paths, cache, renders } = await readAndProduce(options);
  const unsafe = checkOutputFolder(paths);
  if (unsafe) result.problems.push(unsafe);
  if (hasErrors(result.problems)) return { ...result, ok: false };
  // Pagefind indexes in its own process while the pages are staged; the swap waits for the index, and an error from
  // it leaves the output untouched. Earlier errors returned above, so only the index's own can stop the swap here.
  const indexing = searchIndexFor(search, paths.root, cache);
  options.progress?.('write', 0, files.length);
  const manifest = await writeSite(paths.out, files, cache?.manifest, indexing.then((index) => (hasErrors(index.problems) ? undefined : index.files)));
  const index = await indexing;
  const indexed: BuildResult = {
    ...result,
    ok: manifest !== undefined,
    problems: sortProblems([...result.problems, ...index.problems]),
    stats: { ...result.stats, files: result.stats.files + index.files.length },
    pages: [...result.pages, ...index.files.map((f) => f.path)].sort(),
  };
  if (!manifest) return indexed;
  // The caches only save time: failing to write them must not fail a build whose site is already in place.
  if (cache) await writeBuildCache(paths.root, cache, renders, manifest).catch(() => undefined);
  if (index.key && index.problems.length === 0) await saveSearchIndexKey(paths.root, index.key, manifest).catch(() => undefined);
  return indexed;
}

/** The search index: with the cache, one made from exactly these pages last time is taken from the output instead. */
async function searchIndexFor(search: SearchInput, root: string, cache: BuildCache | undefined) {
  const key = cache ? await searchIndexKey(search) : undefined;
  const reused = key ? await reuseSearchIndex(root, key, cache?.manifest) : undefined;
  const index = reused ? { files: reused, problems: [] } : await indexSearch(search);
  return { ...index, key };
}

/** The project's folders with defaults filled in; `out` is absolute. */
export function resolvePaths(options: BuildOptions) {
  const root = path.resolve(options.root ?? '.');
  return {
    root,
    content: options.content ?? 'seeds',
    templates: options.templates ?? 'templates',
    out: path.resolve(root, options.out ?? 'public'),
  };
}

/** What the options say is visible: the build's "now" as an instant, and whether drafts are built. */
export function visibilityOf(options: BuildOptions): Visibility {
  return { ...(options.now ? { now: options.now.getTime() } : {}), ...(options.drafts ? { drafts: true } : {}) };
}

async function readAndProduce(options: BuildOptions) {
  const paths = resolvePaths(options);
  const root = paths.root;
  const read = await readProject(paths);
  const cache: BuildCache | undefined = options.cache === false ? undefined : await readBuildCache(root);
  const produced = await produceSite(read.project, options.baseUrl ? { baseUrl: options.baseUrl } : {}, displayFolder(root, paths.templates), {
    ...visibilityOf(options),
    outFolder: displayFolder(root, paths.out),
    render: {
      ...(cache ? { cache: cache.render } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.progress ? { onProgress: (done: number, total: number) => options.progress?.('render', done, total) } : {}),
    },
    ...(options.progress ? { progress: options.progress } : {}),
  });
  const problems = sortProblems([...read.problems, ...produced.problems]);
  const result: BuildResult = {
    ok: !hasErrors(problems),
    problems,
    stats: produced.stats,
    pages: produced.pages,
    ...(produced.nextEmbargo ? { nextEmbargo: produced.nextEmbargo } : {}),
  };
  return { result, files: produced.files, search: produced.search, paths, cache, renders: produced.renders };
}

/** The output folder is replaced whole, so it must not be the project, or hold it, or hold its sources. */
export function checkOutputFolder(paths: { root: string; content: string; templates: string; out: string }): Problem | undefined {
  const sources = [paths.root, path.resolve(paths.root, paths.content), path.resolve(paths.root, paths.templates)];
  const clash = sources.find((source) => source === paths.out || !path.relative(paths.out, source).startsWith('..'));
  if (clash === undefined) return undefined;
  return error(displayFolder(paths.root, paths.out), `cannot be the output folder: it is or holds ${displayFolder(paths.root, clash)}, and the output folder is replaced whole on every build; choose an empty or separate folder such as "public"`);
}

/** A folder as the user would name it, relative to the project ("templates", "."). */
export function displayFolder(root: string, folder: string): string {
  const relative = path.relative(root, path.resolve(root, folder));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
