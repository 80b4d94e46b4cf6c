/** The build, stage by stage: load → validate → assemble → render → write. `check` is the same without the write. */
import path from 'node:path';
import { assembleSite } from './assemble/assemble-site.js';
import { readProject } from './load/read-project.js';
import { error, hasErrors, sortProblems } from './problems.js';
import { planAssets } from './render/plan-assets.js';
import { planPages } from './render/plan-pages.js';
import { renderPages } from './render/render-pages.js';
import { renderReleases } from './render/render-releases.js';
import type { OutputFile, Problem, Project, RenderedRelease } from './types.js';
import { validateSettings, type SettingsOverrides } from './validate/validate-settings.js';
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

/** Turns one settings' worth of release files into outcomes: `renderReleases`, or a memoised stand-in in dev mode. */
export type ReleaseRenderer = typeof renderReleases;

/** Everything up to rendering pages: settings, the assembled site, its page plans and assets. Reads and writes nothing. */
export async function planSite(project: Project, overrides: SettingsOverrides, render: ReleaseRenderer = renderReleases) {
  const { settings, problems } = validateSettings(project.packageJson, overrides);
  const rendered: RenderedRelease[] = [];
  for (const outcome of await render(project.releases, settings)) {
    problems.push(...outcome.problems);
    if (outcome.release) rendered.push(outcome.release);
  }
  const site = assembleSite(rendered, settings);
  const plan = planPages(site);
  const assets = planAssets(project.assets);
  problems.push(...plan.problems);
  return { settings, site, pages: plan.pages, assets, problems };
}

/** The whole site produced in memory from what was read: reads nothing, writes nothing. */
export async function produceSite(project: Project, overrides: SettingsOverrides, templatesFolder: string) {
  const { settings, site, pages: plans, assets, problems } = await planSite(project, overrides);
  const pages = renderPages(plans, { templates: project.templates, folder: templatesFolder }, settings, assets.paths);
  problems.push(...pages.problems);
  const files: OutputFile[] = [...pages.files, ...assets.files];
  const stats: BuildStats = {
    releases: site.releases.length,
    ministers: site.ministers.length,
    portfolios: site.portfolios.length,
    pages: pages.files.length,
    files: files.length,
  };
  return { files, problems: sortProblems(problems), stats };
}

/** Checks every release, setting and template, and reports every problem; writes nothing. */
export async function check(options: BuildOptions = {}): Promise<BuildResult> {
  const { result } = await readAndProduce(options);
  return result;
}

/** Builds the site into the output folder, replacing it only if there is no error anywhere. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { result, files, paths } = await readAndProduce(options);
  const unsafe = checkOutputFolder(paths);
  if (unsafe) result.problems.push(unsafe);
  if (hasErrors(result.problems)) return { ...result, ok: false };
  await writeSite(paths.out, files);
  return result;
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

async function readAndProduce(options: BuildOptions) {
  const paths = resolvePaths(options);
  const root = paths.root;
  const read = await readProject(paths);
  const produced = await produceSite(read.project, options.baseUrl ? { baseUrl: options.baseUrl } : {}, displayFolder(root, paths.templates));
  const problems = sortProblems([...read.problems, ...produced.problems]);
  return { result: { ok: !hasErrors(problems), problems, stats: produced.stats }, files: produced.files, paths };
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
