/** A file's content as a digest: what the render cache keys a release by, and what source stamps vouch for. */
import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, hex. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
