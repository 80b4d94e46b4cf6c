/** A real dev session on a temp project, with a way to make a change and wait for the rebuilds it causes. */
import path from 'node:path';
import { build } from '../../src/pipeline.js';
import { startDev, type DevSession, type RebuildEvent } from '../../src/dev/start-dev.js';
import { readTree } from './project.js';

/** What the rebuilds caused by one change did, together. */
export interface ChangeOutcome {
  /** Every rebuild event, in order (usually one; an editor's save may make two). */
  events: RebuildEvent[];
  /** Output paths written by any of them, sorted. */
  written: string[];
  /** Output paths deleted by any of them, sorted. */
  deleted: string[];
}

/** Starts `pressroom dev` on `root` on a free port, silently. */
export function startQuietDev(root: string): Promise<DevSession> {
  return startDev({ root, port: 0, log: () => {} });
}

/**
 * Runs `change`, then waits (for events, never a fixed time) until rebuilds have seen every path in `touched`
 * (project-relative). Listening starts before the change, so no event is missed.
 */
export async function changeAndWait(session: DevSession, touched: readonly string[], change: () => Promise<unknown>): Promise<ChangeOutcome> {
  const events: RebuildEvent[] = [];
  const seen = new Set<string>();
  const done = new Promise<void>((resolve) => {
    const listener = (event: RebuildEvent) => {
      events.push(event);
      for (const file of event.changed) seen.add(file);
      if (touched.every((file) => seen.has(file))) {
        session.events.off('rebuild', listener);
        resolve();
      }
    };
    session.events.on('rebuild', listener);
  });
  await change();
  await done;
  const union = (pick: (event: RebuildEvent) => string[]) => [...new Set(events.flatMap(pick))].sort();
  return { events, written: union((e) => e.written), deleted: union((e) => e.deleted) };
}

/** The dev output as path → text, and a fresh full build of the same project in another folder, for comparison. */
export async function devAndFreshTrees(root: string): Promise<{ dev: Map<string, string>; fresh: Map<string, string> }> {
  const result = await build({ root, out: '.fresh-build' });
  if (!result.ok) throw new Error(`the fresh build failed: ${JSON.stringify(result.problems)}`);
  return { dev: await readTree(path.join(root, 'public')), fresh: await readTree(path.join(root, '.fresh-build')) };
}
