/** The build, stage by stage: load → validate → assemble → render → write. `check` is the same without the write. */
import path from 'node:path';
import { addAll } from './add-all.js';
import { assembleSite } from './assemble/assemble-site.js';
import type { SiteAssembler } from './assemble/reassemble-site.js';
import { selectPublished, type NextEmbargo, type Visibility } from './assemble/select-published.js';
import { startBuildSearch, type SearchIndexPlan } from './build-search.js';
import { cacheFolder, readBuildCache, type BuildCache, type OutputManifest } from './load/read-build-cache.js';
import { readProject, type ReadResult } from './load/read-project.js';
import { readSourceStamps } from './load/source-stamps.js';
import { error, hasErrors, sortProblems } from './problems.js';
import { pageSources } from './render/page-sources.js';
import { planAssets } from './render/plan-assets.js';
import { planPages, type PlanMemo } from './render/plan-pages.js';
import { compilePages } from './render/render-pages.js';
import { renderCacheKey } from './render/render-cache.js';
import { renderReleases, type ReleaseOutcome, type RenderOptions } from './render/render-releases.js';
import { searchablePages, searchIndexInputs } from './render/search-pages.js';
import type { OutputFile, Problem, ProducedSearchPage, Project, ReleaseSource, RenderedRelease, Settings } from './types.js';
import { validateSettings, type SettingsOverrides } from './validate/validate-settings.js';
import { LinkChecker } from './verify/check-links.js';
import { formatInstant } from './zoned-time.js';
import { openBodySpill, type BodySpill } from './write/body-spill.js';
import { saveSearchIndexKeys } from './write/search-index-cache.js';
import { writeOutputManifest, writeRenderCache, writeSourceStamps } from './write/write-build-cache.js';
import { openInPlaceUpdate } from './write/update-in-place.js';
import { openStaging } from './write/write-site.js';

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
  progress?: (stage: 'read' | 'render' | 'pages' | 'write', done: number, total: number) => void;
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
  /** Pages and feeds a warm build kept as the last build left them, because nothing they are made from changed. */
  unchanged: number;
}

/** What a build or check found: every problem, sorted; and counts of what was (or would be) written. */
export interface BuildResult {
  /** False when any problem is an error; a build then writes nothing. */
  ok: boolean;
  problems: Problem[];
  stats: BuildStats;
  /** Every output path, sorted. */
  pages: string[];
  /**
   * The search indexes of a build that wrote its output, by name (each year or part of a year, and "runtime" for
   * Pagefind's script): those Pagefind made afresh, and those kept as the last build left them.
   */
  searchIndexes?: { indexed: string[]; kept: string[] };
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
export type ReleaseRenderer = (sources: readonly ReleaseSource[], settings: Settings, options?: RenderOptions) => Promise<ReleaseOutcome[]>;

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
  addAll(problems, plan.problems);
  const nextEmbargo = visible.nextEmbargo ? { ...visible.nextEmbargo, local: formatInstant(visible.nextEmbargo.at, settings.timeZone) } : undefined;
  return { settings, site, held: visible.held, nextEmbargo, pages: plan.pages, assets, problems, outcomes };
}

/** Where produceSite sends each batch of files once it is rendered and link-checked; never called after an error. */
export interface SiteOutput {
  /** Told once, before any page is rendered, which search indexes the pages fill and what each is made from. */
  start(search: SearchIndexPlan): Promise<void>;
  /** A batch of files, and the searchable pages among them and among the pages it kept (those without their HTML). */
  write(files: readonly OutputFile[], searchable: readonly ProducedSearchPage[]): Promise<void>;
  /**
   * For an output that holds the last build: keeps the pages it holds as rendered from the same source digest (path →
   * digest, see pageSources) and gives their paths, so they are not rendered again.
   */
  keepUnchanged?(sources: ReadonlyMap<string, string>): Promise<ReadonlySet<string>>;
  /** The pages the last build rendered, for keepUnchanged: its link check judged the kept pages against them. */
  lastPages?: readonly string[];
}

// Pages rendered, checked and handed on at a time: enough to keep the writes busy, few enough that memory stays flat.
const PAGES_PER_BATCH = 250;

/**
 * The whole site produced batch by batch: reads nothing, and writes only through `output`, so no more than a batch
 * of pages is held at once. Without `output` it is a check. The search index is the caller's: see build.
 */
export async function produceSite(project: Project, overrides: SettingsOverrides, templatesFolder: string, options: ProduceOptions = {}, output?: SiteOutput) {
  // The plans are held in `plans` alone, which gives each batch up once its pages are handed on (see below).
  const { pages: plans, ...planned } = await planSite(project, overrides, options, renderReleases, options.render);
  const { settings, site, problems } = planned;
  // The outcomes by cache key, for the next build: only files that are still here, so the cache never outgrows them.
  const cache = options.render?.cache;
  const renders = new Map<string, ReleaseOutcome>(cache ? project.releases.map((source, index) => [renderCacheKey(source, settings, cache.salt), planned.outcomes[index]!]) : []);
  const produced = new Set([...plans.map((plan) => plan.path), ...planned.assets.files.map((file) => file.path)]);
  const outFolder = options.outFolder ?? 'public';
  const compiled = compilePages({ templates: project.templates, folder: templatesFolder }, settings, planned.assets.paths);
  const pageProblems = [...compiled.problems];
  const linkProblems: Problem[] = [];
  // Writing stops at the first error; rendering and checking go on, so every problem is reported at once.
  const writable = () => output !== undefined && !hasErrors(problems) && pageProblems.length === 0 && !hasErrors(linkProblems);
  const written: string[] = [];
  let pageCount = 0;
  let feedCount = 0;
  let unchangedCount = 0;
  const links = new LinkChecker(settings.baseUrl, produced);
  const send = async (files: readonly OutputFile[], searchable: readonly ProducedSearchPage[], kept: readonly string[] = []) => {
    addAll(linkProblems, links.problems(files, outFolder));
    written.push(...files.map((file) => file.path), ...kept);
    if (writable()) await output?.write(files, searchable);
  };
  // Source digests only pay when a later build can compare them: the cache records them with the output.
  const salt = options.render?.cache?.salt;
  const sources = output && salt !== undefined ? pageSources(plans, project.templates, settings, planned.assets.paths, salt) : undefined;
  // A kept page is not link-checked again: its links held against the last build's pages, so they hold while every
  // one of those is still produced. A build that drops a page renders and checks every page.
  const keepUnchanged = output?.keepUnchanged && output.lastPages?.every((page) => produced.has(page)) ? output.keepUnchanged.bind(output) : undefined;
  if (compiled.renderer) {
    // The cache, and only the cache, gives both the sources and the need for digests. Asked for once, by `start`,
    // before the loop below gives any plan up.
    const indexes = (digest: boolean) => searchIndexInputs(plans, digest ? sources : undefined);
    if (writable()) await output?.start({ mode: settings.search, language: settings.language, indexes });
    await send(planned.assets.files, []);
    const total = plans.length;
    options.progress?.('pages', 0, total);
    // A batch's plans are let go once its pages are handed on, so the heap shrinks as the pages go out rather than
    // holding every plan to the end: at 90% of the pages of 10,000 releases, 87-92 MiB live against 103-107 MiB.
    for (let start = 0; plans.length > 0; start += PAGES_PER_BATCH) {
      const batchPlans = plans.splice(0, PAGES_PER_BATCH);
      const batchSources = new Map(sources ? batchPlans.map((plan, index) => [plan.path, sources[start + index]!]) : []);
      const kept = keepUnchanged && writable() ? await keepUnchanged(batchSources) : new Set<string>();
      const batch = compiled.renderer.render(kept.size > 0 ? batchPlans.filter((plan) => !kept.has(plan.path)) : batchPlans);
      const files = sources ? batch.files.map((file) => ({ ...file, source: batchSources.get(file.path)! })) : batch.files;
      const keptPaths = batchPlans.map((plan) => plan.path).filter((page) => kept.has(page));
      addAll(pageProblems, batch.problems);
      unchangedCount += keptPaths.length;
      const paths = [...files.map((file) => file.path), ...keptPaths];
      pageCount += paths.filter((page) => page.endsWith('.html')).length;
      feedCount += paths.filter((page) => page.endsWith('feed.xml')).length;
      await send(files, searchablePages(batchPlans, files, kept), keptPaths);
      options.progress?.('pages', total - plans.length, total);
    }
    addAll(pageProblems, compiled.renderer.finish());
  }
  addAll(problems, pageProblems);
  // Links are checked only when everything rendered: a missing template would make every link to its pages look broken.
  if (pageProblems.length === 0) addAll(problems, linkProblems);
  const stats: BuildStats = {
    releases: site.releases.length,
    ministers: site.ministers.length,
    portfolios: site.portfolios.length,
    pages: pageCount,
    files: written.length,
    feeds: feedCount,
    withheld: planned.held,
    withdrawn: site.withdrawn.length,
    unchanged: unchangedCount,
  };
  return {
    problems: sortProblems(problems),
    stats,
    pages: written.sort(),
    searchMode: settings.search,
    renders,
    ...(planned.nextEmbargo ? { nextEmbargo: planned.nextEmbargo } : {}),
  };
}

/** Checks every release, setting and template, and reports every problem; writes nothing. */
export async function check(options: BuildOptions = {}): Promise<BuildResult> {
  const { paths, read, cache } = await readInputs(options);
  return (await produceRead(read, paths, options, cache)).result;
}

/**
 * Builds the site into the output folder, replacing it only if there is no error anywhere. Pages are staged batch by
 * batch while Pagefind indexes them; at the end a fresh folder is swapped in whole or, on a warm build, the changed
 * files are renamed into the output.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { paths, read, cache } = await readInputs(options);
  // Bodies rendered on workers wait in a file, under their cache keys, for their pages and the cache to be written.
  const spill = cache ? openBodySpill(cacheFolder(paths.root)) : undefined;
  try {
    return await buildRead(paths, read, options, cache, spill);
  } finally {
    spill?.close();
  }
}

/** `build` once its inputs are read; `spill`, if any, is the build's to use until this returns. */
async function buildRead(paths: ReturnType<typeof resolvePaths>, read: ReadResult, options: BuildOptions, cache: BuildCache | undefined, spill: BodySpill | undefined): Promise<BuildResult> {
  const unsafe = checkOutputFolder(paths);
  // With a manifest of the output as the last build left it, only what changed is written.
  const inPlace = cache?.manifest?.out === paths.out ? openInPlaceUpdate(cache.manifest) : undefined;
  const staging = inPlace ?? openStaging(paths.out);
  const search = startBuildSearch(paths.root, cache, staging, inPlace);
  const output: SiteOutput = {
    start: (plan) => search.start(plan),
    write: async (files, searchable) => {
      await Promise.all([staging.write(files), search.add(searchable)]);
    },
    ...(inPlace && cache?.manifest ? { keepUnchanged: (sources) => inPlace.keepUnchanged(sources), lastPages: renderedPages(cache.manifest) } : {}),
  };
  // Search first: it may be writing an index it finished, and the staged files go only once nothing writes to them.
  const abandon = async () => {
    await search.cancel();
    await staging.discard();
  };
  let produced: Awaited<ReturnType<typeof produceRead>>;
  try {
    produced = await produceRead(read, paths, options, cache, unsafe || hasErrors(read.problems) ? undefined : output, spill);
  } catch (cause) {
    await abandon();
    throw cause;
  }
  const { result, renders } = produced;
  if (unsafe) result.problems.push(unsafe);
  if (hasErrors(result.problems)) {
    await abandon();
    return { ...result, ok: false };
  }
  options.progress?.('write', 0, result.stats.files);
  // The render cache does not depend on the output, so it is saved while Pagefind finishes the index. The caches
  // only save time: failing to write them must not fail a build.
  const savingRenders = cache ? writeRenderCache(paths.root, cache, renders).catch(() => undefined) : undefined;
  let index: Awaited<ReturnType<typeof search.finish>>;
  let manifest: OutputManifest | undefined;
  try {
    index = await search.finish();
    // An index that could not be made where search is required is an error: nothing is committed.
    if (!hasErrors(index.problems)) manifest = await staging.commit();
  } catch (cause) {
    await Promise.all([staging.discard(), savingRenders]);
    throw cause;
  }
  const indexed: BuildResult = {
    ...result,
    ok: manifest !== undefined,
    problems: sortProblems([...result.problems, ...index.problems]),
    stats: { ...result.stats, files: result.stats.files + index.files.length + index.kept.length },
    pages: [...result.pages, ...index.files, ...index.kept].sort(),
    searchIndexes: { indexed: index.indexed, kept: index.keptIndexes },
  };
  if (!manifest) {
    await Promise.all([abandon(), savingRenders]);
    return indexed;
  }
  await savingRenders;
  if (cache) await Promise.all([writeOutputManifest(paths.root, manifest), writeSourceStamps(paths.root, read.stamps)]).catch(() => undefined);
  if (index.keys.size > 0 && index.problems.length === 0) await saveSearchIndexKeys(paths.root, index.keys, manifest).catch(() => undefined);
  return indexed;
}

/** The pages a build rendered into the output a manifest describes: those it recorded a source digest for. */
function renderedPages(manifest: OutputManifest): string[] {
  return [...manifest.files].filter(([, entry]) => entry.source !== undefined).map(([page]) => page);
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

/** The project's folders, what is in them, and the cache unless the options turn it off. */
async function readInputs(options: BuildOptions) {
  const paths = resolvePaths(options);
  const useCache = options.cache !== false;
  const onRead = options.progress && ((done: number, total: number) => options.progress?.('read', done, total));
  const [read, cache] = await Promise.all([readProject(paths, useCache ? readSourceStamps(paths.root) : undefined, onRead), useCache ? readBuildCache(paths.root) : undefined]);
  return { paths, read, cache };
}

/** Produces what was read, writing through `output` when given; the result counts the read's problems too. */
async function produceRead(read: ReadResult, paths: ReturnType<typeof resolvePaths>, options: BuildOptions, cache: BuildCache | undefined, output?: SiteOutput, spill?: BodySpill) {
  const root = paths.root;
  const produced = await produceSite(
    read.project,
    options.baseUrl ? { baseUrl: options.baseUrl } : {},
    displayFolder(root, paths.templates),
    {
      ...visibilityOf(options),
      outFolder: displayFolder(root, paths.out),
      render: {
        ...(cache ? { cache: cache.render } : {}),
        ...(spill ? { spill } : {}),
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
        ...(options.progress ? { onProgress: (done: number, total: number) => options.progress?.('render', done, total) } : {}),
      },
      ...(options.progress ? { progress: options.progress } : {}),
    },
    output,
  );
  const problems = sortProblems([...read.problems, ...produced.problems]);
  const result: BuildResult = {
    ok: !hasErrors(problems),
    problems,
    stats: produced.stats,
    pages: produced.pages,
    ...(produced.nextEmbargo ? { nextEmbargo: produced.nextEmbargo } : {}),
  };
  return { result, searchMode: produced.searchMode, renders: produced.renders };
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
