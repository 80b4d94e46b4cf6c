/** Built folders served over HTTP for tests, by the same server `pressroom serve` uses, optionally under a base path. */
import { serveSite, type PreviewServer } from '../../src/dev/serve-site.js';

/** A running server: its origin plus base path ("http://127.0.0.1:1234/news/"), and how to stop it. */
export type TestServer = PreviewServer;

/** Serves `root` at `basePath` on 127.0.0.1 and a free port, quietly. */
export function serveFolder(root: string, basePath = '/'): Promise<TestServer> {
  return serveSite({ dir: root, port: 0, basePath: () => basePath, log: () => {} });
}
