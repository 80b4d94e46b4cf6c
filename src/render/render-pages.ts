/** Page plans → HTML files through the Eta templates, with auto-escaping on. Pure: templates come in as text. */
import { Eta } from 'eta/core';
import { error } from '../problems.js';
import type { OutputFile, PagePlan, Problem, Settings } from '../types.js';

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

/** Renders every plan; a template that fails names the template and the page, and the other pages still render. */
export function renderPages(
  plans: readonly PagePlan[],
  source: TemplateSource,
  settings: Settings,
  assetPaths: ReadonlyMap<string, string>,
): { files: OutputFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true, useWith: false });
  for (const [name, text] of source.templates) {
    try {
      eta.loadTemplate(`@${name}`, text);
    } catch (cause) {
      problems.push(error(templateFile(source, name), `the template cannot be compiled: ${firstLine(cause)}`));
    }
  }
  if (problems.length > 0) return { files: [], problems };

  const missingAssets = new Set<string>();
  const helpers = makeHelpers(settings, assetPaths, (name) => missingAssets.add(name));
  const files: OutputFile[] = [];
  const failedTemplates = new Set<string>();
  for (const plan of plans) {
    if (!source.templates.has(plan.template)) {
      if (!failedTemplates.has(plan.template)) problems.push(error(templateFile(source, plan.template), `the template is missing; it renders ${plan.path} and pages like it`));
      failedTemplates.add(plan.template);
      continue;
    }
    try {
      files.push({ path: plan.path, content: eta.render(`@${plan.template}`, { ...helpers, ...plan.data }) });
    } catch (cause) {
      if (!failedTemplates.has(plan.template)) problems.push(error(templateFile(source, plan.template), `rendering ${plan.path} (from ${plan.source}) failed: ${firstLine(cause)}`));
      failedTemplates.add(plan.template);
    }
  }
  for (const name of [...missingAssets].sort()) {
    problems.push(error(`${source.folder}/assets/${name}`, `a template links the asset "${name}", which does not exist; add the file or fix the name`));
  }
  return { files, problems };
}

function makeHelpers(settings: Settings, assetPaths: ReadonlyMap<string, string>, onMissing: (name: string) => void): PageHelpers {
  const basePath = new URL(settings.baseUrl).pathname;
  return {
    site: { title: settings.title, language: settings.language, baseUrl: settings.baseUrl },
    url: (path) => `${basePath}${path}`,
    absoluteUrl: (path) => new URL(path, settings.baseUrl).href,
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
