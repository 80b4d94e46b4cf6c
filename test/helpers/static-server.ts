/** A minimal static file server for tests that load built pages over HTTP, optionally under a base path. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.txt': 'text/plain', '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm',
};

/** A running server and its origin plus base path ("http://127.0.0.1:1234/news/"). */
export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` at `basePath` on 127.0.0.1 and a random port; "/x/" serves x/index.html; missing files are 404. */
export async function serveFolder(root: string, basePath = '/'): Promise<TestServer> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(basePath) || pathname.includes('..')) {
      response.writeHead(404).end();
      return;
    }
    let file = path.join(root, pathname.slice(basePath.length));
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
