/** The design's static files, named by a hash of their content so browsers may cache them forever. Pure. */
import { createHash } from 'node:crypto';
import type { AssetFile, OutputFile } from '../types.js';

/** Where the output keeps assets. */
export const ASSETS_PATH = 'assets/';

/** Output files for the assets, and each asset's name ("site.css") → its output path ("assets/site.1a2b3c4d5e.css"). */
export function planAssets(assets: readonly AssetFile[]): { files: OutputFile[]; paths: Map<string, string> } {
  const files: OutputFile[] = [];
  const paths = new Map<string, string>();
  for (const asset of assets) {
    const hash = createHash('sha256').update(asset.bytes).digest('hex').slice(0, 10);
    const dot = asset.name.lastIndexOf('.');
    const hashed = dot > asset.name.lastIndexOf('/') ? `${asset.name.slice(0, dot)}.${hash}${asset.name.slice(dot)}` : `${asset.name}.${hash}`;
    const path = `${ASSETS_PATH}${hashed}`;
    files.push({ path, content: asset.bytes });
    paths.set(asset.name, path);
  }
  return { files, paths };
}
