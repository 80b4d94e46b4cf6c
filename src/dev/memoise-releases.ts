/** renderRelease with a memory: a file whose bytes and settings are unchanged keeps its last outcome. */
import type { ReleaseRenderer } from '../pipeline.js';
import { renderRelease } from '../render/render-release.js';
import type { ReleaseOutcome } from '../render/render-releases.js';
import type { ReleaseSource } from '../types.js';

/** A drop-in for renderReleases that re-validates and re-renders only files whose bytes (or the settings) changed. */
export function memoiseReleases(): ReleaseRenderer {
  let last: { sources: readonly ReleaseSource[]; outcomes: ReleaseOutcome[] } = { sources: [], outcomes: [] };
  let lastSettings: string | undefined;
  return async (sources, settings) => {
    // Compared once here, not once per file: the key is as long as the settings.
    const settingsKey = JSON.stringify(settings);
    if (settingsKey !== lastSettings) last = { sources: [], outcomes: [] };
    lastSettings = settingsKey;
    const before = last;
    // The project keeps its files in order and an untouched file's very object, so most files match at their index;
    // only when files come or go are the last ones looked up by path.
    let byPath: Map<string, number> | undefined;
    const outcomes = sources.map((source, i) => {
      const same = before.sources[i];
      if (same === source) return before.outcomes[i]!;
      const at = same?.path === source.path ? i : (byPath ??= new Map(before.sources.map((s, j) => [s.path, j]))).get(source.path);
      return at !== undefined && before.sources[at]!.digest === source.digest ? before.outcomes[at]! : renderRelease(source, settings);
    });
    // Only the files of this rebuild are kept, so a deleted or renamed file's outcome is forgotten.
    last = { sources, outcomes };
    return outcomes;
  };
}
