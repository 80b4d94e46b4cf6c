/** renderRelease with a memory: a file whose bytes and settings are unchanged keeps its last outcome. */
import type { ReleaseRenderer } from '../pipeline.js';
import { renderRelease, type ReleaseOutcome } from '../render/render-releases.js';
import type { SourceFile } from '../types.js';

interface Remembered {
  bytes: Uint8Array;
  settings: string;
  outcome: ReleaseOutcome;
}

/** A drop-in for renderReleases that re-validates and re-renders only files whose bytes (or the settings) changed. */
export function memoiseReleases(): ReleaseRenderer {
  let memory = new Map<string, Remembered>();
  return async (sources, settings) => {
    const settingsKey = JSON.stringify(settings);
    const next = new Map<string, Remembered>();
    const outcomes = sources.map((source: SourceFile) => {
      const known = memory.get(source.path);
      const outcome = known && known.settings === settingsKey && sameBytes(known.bytes, source.bytes) ? known.outcome : renderRelease(source, settings);
      next.set(source.path, { bytes: source.bytes, settings: settingsKey, outcome });
      return outcome;
    });
    // Only the files of this rebuild are kept, so a deleted or renamed file's outcome is forgotten.
    memory = next;
    return outcomes;
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
