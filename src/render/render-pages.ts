/** Page plans → HTML files through the Eta templates, with auto-escaping on. Pure: templates come in as text. */
import { Eta } from 'eta/core';
import { error } from '../problems.js';
import { templateText } from './body-bytes.js';
import type { OutputFile, PagePlan, Problem, Settings } from '../types.js';
import { absoluteUrl } from './routes.js';

/** Where templates live, for problems about them. */
export interface TemplateSource {
  /** Template name → text. */
  templates: ReadonlyMap<string, string>;
  /** The templates folder as the user named it ("templates"), for messages. */
  folder: string;
}

/** The helpers every template gets beside its data. */
export interface PageHelpers {
  site: { title: string; language: string; baseUrl: string };
  /** A site path ("minister/") → the link to it, with the base path ("/news/minister/"). */
  url: (path: string) => string;
  /** A site path → its absolute address, for canonical links and feeds. */
  absoluteUrl: (path: string) => string;
  /** An asset's name ("site.css") → the link to its hashed file. */
  asset: (name: string) => string;
}

/** Renders plans a batch at a time with templates compiled once, so a build can write each batch and let it go. */
export interface PageRenderer {
  /** Renders a batch; a template that fails names the template and the page, and the other pages still render. */
  render(plans: readonly PagePlan[]): { files: OutputFile[]; problems: Problem[] };
  /** Problems found across all batches so far that belong to no one page: assets the templates link but lack. */
  finish(): Problem[];
}

/** Compiles the templates; undefined with the problems when any of them cannot be compiled. */
export function compilePages(
  source: TemplateSource,
  settings: Settings,
  assetPaths: ReadonlyMap<string, string>,
): { renderer?: PageRenderer; problems: Problem[] } {
  const problems: Problem[] = [];
  // The filter prints a release body (UTF-8 bytes) as its text, and anything else as Eta would.
  const eta = new Eta({ autoEscape: true, autoFilter: true, filterFunction: templateText, autoTrim: [false, 'nl'], cache: true, useWith: false });
  for (const [name, text] of source.templates) {
    try {
      eta.loadTemplate(`@${name}`, text);
    } catch (cause) {
      problems.push(error(templateFile(source, name), `the template cannot be compiled: ${firstLine(cause)}`));
    }
  }
  if (problems.length > 0) return { problems };

  const missingAssets = new Set<string>();
  const helpers = makeHelpers(settings, assetPaths, (name) => missingAssets.add(name));
  const failedTemplates = new Set<string>();
  const render = (plans: readonly PagePlan[]) => {
    const files: OutputFile[] = [];
    const batchProblems: Problem[] = [];
    for (const plan of plans) {
      if (!source.templates.has(plan.template)) {
        if (!failedTemplates.has(plan.template)) batchProblems.push(error(templateFile(source, plan.template), `the template is missing; it renders ${plan.path} and pages like it`));
        failedTemplates.add(plan.template);
        continue;
      }
      try {
        files.push({ path: plan.path, content: eta.render(`@${plan.template}`, { ...helpers, ...plan.data }) });
      } catch (cause) {
        if (!failedTemplates.has(plan.template)) batchProblems.push(error(templateFile(source, plan.template), `rendering ${plan.path} (from ${plan.source}) failed: ${firstLine(cause)}`));
        failedTemplates.add(plan.template);
      }
    }
    return { files, problems: batchProblems };
  };
  const finish = () => [...missingAssets].sort().map((name) => error(`${source.folder}/assets/${name}`, `a template links the asset "${name}", which does not exist; add the file or fix the name`));
  return { renderer: { render, finish }, problems };
}

/** Renders every plan at once: the dev server's way, for the few pages an edit touches. */
export function renderPages(
  plans: readonly PagePlan[],
  source: TemplateSource,
  settings: Settings,
  assetPaths: ReadonlyMap<string, string>,
): { files: OutputFile[]; problems: Problem[] } {
  const { renderer, problems } = compilePages(source, settings, assetPaths);
  if (!renderer) return { files: [], problems };
  const rendered = renderer.render(plans);
  return { files: rendered.files, problems: [...rendered.problems, ...renderer.finish()] };
}

function makeHelpers(settings: Settings, assetPaths: ReadonlyMap<string, string>, onMissing: (name: string) => void): PageHelpers {
  const basePath = new URL(settings.baseUrl).pathname;
  return {
    site: { title: settings.title, language: settings.language, baseUrl: settings.baseUrl },
    url: (path) => `${basePath}${path}`,
    absoluteUrl: (path) => absoluteUrl(settings.baseUrl, path),
    asset: (name) => {
      const path = assetPaths.get(name);
      if (path === undefined) onMissing(name);
      return `${basePath}${path ?? name}`;
    },
  };
}

function templateFile(source: TemplateSource, name: string): string {
  return `${source.folder}/${name}.eta`;
}

function firstLine(cause: unknown): string {
  return String((cause as Error)?.message ?? cause).split('\n')[0] ?? '';
}
