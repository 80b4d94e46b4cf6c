/** Dev mode's reader: re-reads only the paths that changed and returns a new Project sharing every untouched file. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AssetFile, Project, ReleaseSource } from '../types.js';
import { ASSETS_FOLDER, comparePaths, isInside, readPackageJson, readSource, TEMPLATE_EXTENSION, toPosix, walk, type ProjectPaths } from './read-project.js';

/**
 * Applies changed absolute paths (files or folders, added, edited or gone) to `project`. Resolves to undefined when a
 * change touches the project's own folders (the seeds folder itself was removed, say): only a full read is sure then.
 */
export async function updateProject(project: Project, paths: ProjectPaths, changed: Iterable<string>): Promise<Project | undefined> {
  const root = path.resolve(paths.root);
  const contentDir = path.resolve(root, paths.content);
  const templatesDir = path.resolve(root, paths.templates);
  const assetsDir = path.join(templatesDir, ASSETS_FOLDER);
  const releases = new Map(project.releases.map((source) => [source.path, source]));
  const templates = new Map(project.templates);
  const assets = new Map(project.assets.map((asset) => [asset.name, asset]));
  let packageJson = project.packageJson;
  let added = false;

  for (const changedPath of changed) {
    const full = path.resolve(root, changedPath);
    if (full === path.join(root, 'package.json')) {
      packageJson = await readPackageJson(root);
      continue;
    }
    if ([root, contentDir, templatesDir, assetsDir].some((folder) => folder === full || isInside(full, folder))) return undefined;
    const present = await filesAt(full);
    if (isInside(contentDir, full)) {
      const sources: ReleaseSource[] = present.filter((f) => f.endsWith('.md') && isVisible(contentDir, f)).map((f) => readSource(root, f));
      removeUnder(releases, toPosix(path.relative(root, full)), sources.map((source) => source.path));
      for (const source of sources) {
        added ||= !releases.has(source.path);
        releases.set(source.path, source);
      }
    } else if (isInside(assetsDir, full)) {
      const files = present.filter((f) => isVisible(assetsDir, f));
      removeUnder(assets, toPosix(path.relative(assetsDir, full)), files.map((f) => toPosix(path.relative(assetsDir, f))));
      for (const file of files) {
        const name = toPosix(path.relative(assetsDir, file));
        assets.set(name, { name, bytes: await readFile(file) });
      }
    } else if (isInside(templatesDir, full)) {
      const relative = toPosix(path.relative(templatesDir, full));
      const names = present.filter((f) => f.endsWith(TEMPLATE_EXTENSION) && isVisible(templatesDir, f)).map((f) => toPosix(path.relative(templatesDir, f)).slice(0, -TEMPLATE_EXTENSION.length));
      removeUnder(templates, relative.endsWith(TEMPLATE_EXTENSION) ? relative.slice(0, -TEMPLATE_EXTENSION.length) : relative, names);
      for (const name of names) templates.set(name, await readFile(path.join(templatesDir, `${name}${TEMPLATE_EXTENSION}`), 'utf8'));
    }
  }
  // Editing files keeps the sorted order; only a new path needs a sort (a removal keeps the rest in order).
  const releaseList = [...releases.values()];
  if (added) releaseList.sort((a, b) => comparePaths(a.path, b.path));
  return { packageJson, releases: releaseList, templates: new Map([...templates].sort(([a], [b]) => comparePaths(a, b))), assets: sortedAssets(assets) };
}

/** The files now at `full`: none if it is gone, itself if a file, everything below it if a folder. */
async function filesAt(full: string): Promise<string[]> {
  const info = await stat(full).catch(() => undefined);
  if (info === undefined) return [];
  if (info.isFile()) return [full];
  if (!info.isDirectory()) return [];
  const files: string[] = [];
  await walk(full, files);
  return files;
}

/** readProject skips names starting with "." or "_" at every level below the folder; so must an update. */
function isVisible(folder: string, file: string): boolean {
  return toPosix(path.relative(folder, file)).split('/').every((segment) => !segment.startsWith('.') && !segment.startsWith('_'));
}

/** Forgets the entry named `key` and every entry below it that is not in `keep`, as when a file or a whole folder goes. */
function removeUnder<T>(entries: Map<string, T>, key: string, keep: readonly string[]): void {
  const kept = new Set(keep);
  for (const name of [...entries.keys()]) {
    if ((name === key || name.startsWith(`${key}/`)) && !kept.has(name)) entries.delete(name);
  }
}

function sortedAssets(assets: Map<string, AssetFile>): AssetFile[] {
  return [...assets.values()].sort((a, b) => comparePaths(a.name, b.name));
}
