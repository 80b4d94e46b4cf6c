/** The build, stage by stage: load → validate → assemble → render → write. `check` is the same without the write. */
import path from 'node:path';
import { assembleSite } from './assemble/assemble-site.js';
import { readBuildCache, type BuildCache } from './load/read-build-cache.js';
import { readProject } from './load/read-project.js';
import { error, hasErrors, sortProblems } from './problems.js';
import { planAssets } from './render/plan-assets.js';
import { planPages } from './render/plan-pages.js';
import { renderPages } from './render/render-pages.js';
import { renderCacheKey } from './render/render-cache.js';
import { renderReleases, type ReleaseOutcome, type RenderOptions } from './render/render-releases.js';
import type { OutputFile, Problem, Project, RenderedRelease } from './types.js';
import { validateSettings, type SettingsOverrides } from './validate/validate-settings.js';
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
}

/** What a build or check found: every problem, sorted; and counts of what was (or would be) written. */
export interface BuildResult {
  /** False when any problem is an error; a build then writes nothing. */
  ok: boolean;
  problems: Problem[];
  stats: BuildStats;
}

/** The whole site produced in memory from what was read: reads nothing, writes nothing. */
export async function produceSite(project: Project, overrides: SettingsOverrides, templatesFolder: string, render: RenderOptions = {}, progress?: BuildOptions['progress']) {
  const { settings, problems } = validateSettings(project.packageJson, overrides);
  const rendered: RenderedRelease[] = [];
  const outcomes = await renderReleases(project.releases, settings, render);
  const { cache } = render;
  for (const outcome of outcomes) {
    problems.push(...outcome.problems);
    if (outcome.release) rendered.push(outcome.release);
  }
  // The outcomes by cache key, for the next build: only files that are still here, so the cache never outgrows them.
  const renders = new Map<string, ReleaseOutcome>(cache ? project.releases.map((source, index) => [renderCacheKey(source, settings, cache.salt), outcomes[index]!]) : []);
  const site = assembleSite(rendered, settings);
  const plan = planPages(site);
  const assets = planAssets(project.assets);
  progress?.('pages', 0, plan.pages.length);
  const pages = renderPages(plan.pages, { templates: project.templates, folder: templatesFolder }, settings, assets.paths);
  problems.push(...plan.problems, ...pages.problems);
  const files: OutputFile[] = [...pages.files, ...assets.files];
  const stats: BuildStats = {
    releases: site.releases.length,
    ministers: site.ministers.length,
    portfolios: site.portfolios.length,
    pages: pages.files.length,
    files: files.length,
  };
  return { files, problems: sortProblems(problems), stats, renders };
}

/** Checks every release, setting and template, and reports every problem; writes nothing. */
export async function check(options: BuildOptions = {}): Promise<BuildResult> {
  const { result } = await readAndProduce(options);
  return result;
}

/** Builds the site into the output folder, replacing it only if there is no error anywhere. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { result, files, paths, cache, renders } = await readAndProduce(options);
  const unsafe = checkOutputFolder(paths);
  if (unsafe) result.problems.push(unsafe);
  if (hasErrors(result.problems)) return { ...result, ok: false };
  options.progress?.('write', 0, files.length);
  const manifest = await writeSite(paths.out, files, cache?.manifest);
  if (cache) await writeBuildCache(paths.root, cache, renders, manifest).catch(() => undefined);
  return result;
}

async function readAndProduce(options: BuildOptions) {
  const root = path.resolve(options.root ?? '.');
  const paths = {
    root,
    content: options.content ?? 'seeds',
    templates: options.templates ?? 'templates',
    out: path.resolve(root, options.out ?? 'public'),
  };
  const read = await readProject(paths);
  const cache: BuildCache | undefined = options.cache === false ? undefined : await readBuildCache(root);
  const produced = await produceSite(read.project, options.baseUrl ? { baseUrl: options.baseUrl } : {}, displayFolder(root, paths.templates), {
    ...(cache ? { cache: cache.render } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.progress ? { onProgress: (done: number, total: number) => options.progress?.('render', done, total) } : {}),
  }, options.progress);
  const problems = sortProblems([...read.problems, ...produced.problems]);
  return { result: { ok: !hasErrors(problems), problems, stats: produced.stats }, files: produced.files, paths, cache, renders: produced.renders };
}

/** The output folder is replaced whole, so it must not be the project, or hold it, or hold its sources. */
function checkOutputFolder(paths: { root: string; content: string; templates: string; out: string }): Problem | undefined {
  const sources = [paths.root, path.resolve(paths.root, paths.content), path.resolve(paths.root, paths.templates)];
  const clash = sources.find((source) => source === paths.out || !path.relative(paths.out, source).startsWith('..'));
  if (clash === undefined) return undefined;
  return error(displayFolder(paths.root, paths.out), `cannot be the output folder: it is or holds ${displayFolder(paths.root, clash)}, and the output folder is replaced whole on every build; choose an empty or separate folder such as "public"`);
}

function displayFolder(root: string, folder: string): string {
  const relative = path.relative(root, path.resolve(root, folder));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
