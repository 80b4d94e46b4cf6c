/** The build with a memory: the same stages as `build`, redoing only what the changed files can have changed. */
import { createHash } from 'node:crypto';
import { reassembleSite } from '../assemble/reassemble-site.js';
import { readProject } from '../load/read-project.js';
import { updateProject } from '../load/update-project.js';
import { checkOutputFolder, displayFolder, planSite, resolvePaths, visibilityOf, type BuildOptions } from '../pipeline.js';
import { hasErrors, sortProblems } from '../problems.js';
import { createPlanMemo } from '../render/plan-pages.js';
import { renderPages } from '../render/render-pages.js';
import { checkLinks } from '../verify/check-links.js';
import type { OutputFile, PagePlan, Problem, Project, Settings } from '../types.js';
import { writeChanges } from '../write/write-changes.js';
import { writeSite } from '../write/write-site.js';
import { memoiseReleases } from './memoise-releases.js';
import { sameData } from './same-data.js';
import { createSearchIndexUpdater, type SearchIndexReport } from './update-search-index.js';

/** What one rebuild did. */
export interface RebuildReport {
  /** False when any problem is an error: nothing was written and the last good site stays. */
  ok: boolean;
  /** Every problem, sorted, exactly as `check` reports them. */
  problems: Problem[];
  /** Output paths written, sorted. */
  written: string[];
  /** Output paths deleted, sorted. */
  deleted: string[];
  /** How many pages went through the templates (a page re-rendered to the same bytes is not written). */
  rendered: number;
  /** The settings in force, for the server's base path. */
  settings: Settings;
}

/** Rebuilds after changes; the first call (or the first after a failed full read) reads and writes everything. */
export interface Rebuilder {
  /** `changed` holds absolute or project-relative paths of files or folders that were added, edited or removed. */
  rebuild(changed: readonly string[]): Promise<RebuildReport>;
  /** Resolves when the search index has caught up with the last rebuild. */
  searchIdle(): Promise<void>;
}

/** What the last good rebuild produced, so the next one can tell what is new. */
interface Memory {
  /** Template name → everything besides a page's data that its output depends on. */
  environments: Map<string, string>;
  /** The pages' plans, in plan order. */
  pages: readonly PagePlan[];
  /** The templates those pages name. */
  used: ReadonlySet<string>;
  /** Output path → hash of the bytes written there, for every page and asset. */
  outputs: Map<string, string>;
  /** The assets' output paths, in plan order. */
  assetPaths: string[];
  /** Every output path: the pages' and the assets'. */
  everyPath: ReadonlySet<string>;
}

/** A rebuilder for one project; it holds the project as last read and the last good site's inputs and outputs. */
/** `searchQuietMs`: how long saves must pause before the search index is rebuilt (see update-search-index). */
export function createRebuilder(options: BuildOptions, onSearchIndexed: (report: SearchIndexReport) => void = () => {}, searchQuietMs?: number): Rebuilder {
  const paths = resolvePaths(options);
  const overrides = options.baseUrl ? { baseUrl: options.baseUrl } : {};
  const templatesFolder = displayFolder(paths.root, paths.templates);
  const outFolder = displayFolder(paths.root, paths.out);
  const visibility = visibilityOf(options);
  const renderReleases = memoiseReleases();
  const plans = createPlanMemo();
  const assemble = reassembleSite();
  let project: Project | undefined;
  let readProblems: Problem[] = [];
  let memory: Memory | undefined;
  const search = createSearchIndexUpdater(paths.out, onSearchIndexed, searchQuietMs);

  const read = async (changed: readonly string[]) => {
    const updated = project && readProblems.length === 0 ? await updateProject(project, paths, changed) : undefined;
    if (updated) return updated;
    const fresh = await readProject(paths);
    readProblems = fresh.problems;
    return fresh.project;
  };

  return {
    searchIdle: () => search.idle(),
    async rebuild(changed) {
      // Indexing search now would compete with this rebuild for the main thread: it waits until after.
      search.hold();
      try {
        return await rebuildNow(changed);
      } finally {
        search.resume();
      }
    },
  };

  async function rebuildNow(changed: readonly string[]): Promise<RebuildReport> {
    project = await read(changed);
    const planned = await planSite(project, overrides, visibility, renderReleases, {}, plans, assemble);
    const templates = project.templates;
    const { stale, moved, used, environments } = findStale(memory, planned.pages, (used) => describeEnvironments(templates, used, planned.settings, planned.assets.paths));
    const assetPaths = planned.assets.files.map((file) => file.path);
    const samePaths = !moved && sameList(memory!.assetPaths, assetPaths);
    const everyPath = samePaths ? memory!.everyPath : new Set([...planned.pages.map((plan) => plan.path), ...assetPaths]);
    const pages = renderPages(stale, { templates: project.templates, folder: templatesFolder }, planned.settings, planned.assets.paths);
    const unsafe = checkOutputFolder(paths);
    // The same link check as build, on the pages just rendered, against every path the site has after this rebuild.
    const broken = pages.problems.length === 0 ? checkLinks(pages.files, planned.settings.baseUrl, outFolder, everyPath) : [];
    const problems = sortProblems([...readProblems, ...planned.problems, ...pages.problems, ...broken, ...(unsafe ? [unsafe] : [])]);
    const report = { problems, settings: planned.settings, rendered: stale.length };
    if (hasErrors(problems)) return { ...report, ok: false, written: [], deleted: [] };

    const hashes = new Map<string, string>();
    const changedFiles: OutputFile[] = [];
    for (const file of [...pages.files, ...planned.assets.files]) {
      const hash = hashOf(file.content);
      hashes.set(file.path, hash);
      if (memory?.outputs.get(file.path) !== hash) changedFiles.push(file);
    }
    const deleted = memory && !samePaths ? [...memory.outputs.keys()].filter((file) => !everyPath.has(file)) : [];
    const everything = memory === undefined;
    if (everything) await writeSite(paths.out, changedFiles);
    else await writeChanges(paths.out, changedFiles, deleted);
    // Pages not re-rendered are unchanged: the last good site's hashes stand for them.
    const outputs = memory?.outputs ?? new Map<string, string>();
    for (const file of deleted) outputs.delete(file);
    for (const [file, hash] of hashes) outputs.set(file, hash);
    memory = { environments, pages: planned.pages, used, outputs, assetPaths, everyPath };
    search.update(planned.pages, pages.files, planned.settings, everything);
    return { ...report, ok: true, written: changedFiles.map((f) => f.path).sort(), deleted: deleted.sort() };
  }
}

/**
 * The plans whose pages must be rendered again. The planner hands back an unchanged page's very plan at the same
 * index, so when no page came, went or moved, a walk over pointers finds the few others; otherwise (or when a
 * template changed) each plan is matched with the last one on its path.
 */
function findStale(memory: Memory | undefined, pages: readonly PagePlan[], environmentsOf: (used: ReadonlySet<string>) => Map<string, string>) {
  const last = memory?.pages ?? [];
  const differing: number[] = [];
  let moved = memory === undefined || last.length !== pages.length;
  for (let i = 0; !moved && i < pages.length; i++) {
    if (pages[i] === last[i]) continue;
    moved = pages[i]!.path !== last[i]!.path || pages[i]!.template !== last[i]!.template;
    differing.push(i);
  }
  const used = moved ? new Set(pages.map((plan) => plan.template)) : memory!.used;
  const environments = environmentsOf(used);
  // Environments are long strings (every shared template): compare each once, not once per page.
  const retemplated = new Set([...environments].filter(([name, text]) => memory?.environments.get(name) !== text).map(([name]) => name));
  const known = new WeakMap<object, object>();
  if (!moved && retemplated.size === 0) {
    const stale = differing.map((i) => pages[i]!).filter((plan, j) => !sameData(last[differing[j]!]!.data, plan.data, known));
    return { stale, moved, used, environments };
  }
  const byPath = new Map(last.map((plan) => [plan.path, plan]));
  const stale = pages.filter((plan) => {
    const before = byPath.get(plan.path);
    return !(before && before.template === plan.template && !retemplated.has(plan.template) && sameData(before.data, plan.data, known));
  });
  return { stale, moved, used, environments };
}

/**
 * What a page's bytes depend on besides its own data: the settings, the assets' hashed names, its own template, and
 * every template that no page names directly (layout, partials), since any page may include those.
 */
function describeEnvironments(templates: ReadonlyMap<string, string>, used: ReadonlySet<string>, settings: Settings, assetPaths: ReadonlyMap<string, string>): Map<string, string> {
  const shared = JSON.stringify([settings, [...assetPaths], [...templates].filter(([name]) => !used.has(name))]);
  return new Map([...used].map((name) => [name, `${shared}\0${templates.get(name) ?? ''}`]));
}

function hashOf(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
