/** axe-core injected into a page (no @axe-core/playwright: it needs Node 22), run with the WCAG A and AA rule tags. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Only the rules that depend on colour, for a second pass in dark mode: the full pass is the slow part. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Every violation on the page as "rule-id: help (selector, …)", so a failing assertion says what and where;
 * `rules` narrows the run from every WCAG A/AA rule to the named ones.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(async (runOnly) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, runOnly);
  return violations;
}
