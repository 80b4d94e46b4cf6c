/** Which releases may be seen at the build's "now": embargoed and draft ones are held back before anything is built. */
import { compareText } from '../problems.js';
import type { RenderedRelease } from '../types.js';

/** What decides visibility: the instant the build is for, and whether drafts are shown. */
export interface Visibility {
  /** Ms since 1970 UTC; when absent every embargoed release is held back, so a forgotten clock never leaks one. */
  now?: number;
  /** Build draft releases too (for previews). */
  drafts?: boolean;
}

/** The embargo that lifts soonest, so a scheduler knows when to rebuild. */
export interface NextEmbargo {
  /** The release file. */
  file: string;
  /** Ms since 1970 UTC. */
  at: number;
}

/** The releases to build, and the soonest embargo among those held back (drafts aside). */
export function selectPublished(releases: readonly RenderedRelease[], visibility: Visibility): { published: RenderedRelease[]; held: number; nextEmbargo?: NextEmbargo } {
  const published: RenderedRelease[] = [];
  let held = 0;
  let nextEmbargo: NextEmbargo | undefined;
  for (const release of releases) {
    const embargoed = release.embargo !== undefined && (visibility.now === undefined || visibility.now < release.embargo);
    if (!embargoed && (!release.draft || visibility.drafts)) {
      published.push(release);
      continue;
    }
    held += 1;
    if (embargoed && (!release.draft || visibility.drafts) && release.embargo !== undefined) {
      const sooner = !nextEmbargo || release.embargo < nextEmbargo.at || (release.embargo === nextEmbargo.at && compareText(release.file, nextEmbargo.file) < 0);
      if (sooner) nextEmbargo = { file: release.file, at: release.embargo };
    }
  }
  return { published, held, ...(nextEmbargo ? { nextEmbargo } : {}) };
}
