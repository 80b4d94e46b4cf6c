/**
 * What each page is made from, as one digest per page: the templates, the settings, the asset paths, the code's salt
 * and the page's own plan. Rendering is deterministic, so a page whose digest matches the last build's renders to the
 * same bytes, and a warm build can keep the file instead of rendering, link-checking and hashing it again.
 */
import { createHash } from 'node:crypto';
import { compareText } from '../problems.js';
import type { PagePlan, Settings } from '../types.js';

/** One digest per plan, in the plans' order. `salt` names the code and library versions (see readBuildCache). */
export function pageSources(plans: readonly PagePlan[], templates: ReadonlyMap<string, string>, settings: Settings, assetPaths: ReadonlyMap<string, string>, salt: string): string[] {
  const shared = createHash('sha256')
    .update(JSON.stringify([salt, settings, [...assetPaths].sort(([a], [b]) => compareText(a, b)), [...templates].sort(([a], [b]) => compareText(a, b))]))
    .digest('hex');
  // Plan data is plain JSON (a unit test holds every kind of page to that), so its JSON text is all of it.
  return plans.map((plan) => createHash('sha256').update(`${shared}\n${plan.path}\0${plan.template}\0`).update(JSON.stringify(plan.data)).digest('base64'));
}
