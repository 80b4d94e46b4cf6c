/** The preview server: serves only files below the output folder, with clean URLs, and live reload in dev mode. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import type { LiveReload } from './live-reload.js';

/** How to serve. */
export interface ServeOptions {
  /** The output folder to serve. */
  dir: string;
  /** Interface to bind; default 127.0.0.1, so the preview is not on the network unless asked. */
  host?: string;
  /** First port to try; default 4000. 0 picks a free one. */
  port?: number;
  /** The site's base path ("/" or "/news/"), read per request because a settings change may move it. */
  basePath: () => string;
  /** In dev mode: the live-reload hub, whose script is added to every HTML response. */
  live?: LiveReload;
  /** Where to say that a port is taken. */
  log?: (line: string) => void;
}

/** A running preview server. */
export interface PreviewServer {
  /** "http://127.0.0.1:4000/news/" */
  url: string;
  close(): Promise<void>;
}

const PORT_ATTEMPTS = 20;

/** Starts the server; if the port is taken it says so and tries the next, up to 20 ports. */
export async function serveSite(options: ServeOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const dir = path.resolve(options.dir);
  // sirv's dev mode looks files up on every request, so it sees each rebuild; without live reload it sends ETags.
  const files = sirv(dir, { dev: true, etag: !options.live, dotfiles: false });
  const server = createServer((request, response) => {
    handle(request, response, dir, options, files).catch((cause: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`The preview server failed: ${(cause as Error).message}\n`);
    });
  });
  let port = options.port ?? 4000;
  for (let attempt = 1; ; attempt++) {
    try {
      await listen(server, port, host);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= PORT_ATTEMPTS) throw cause;
      options.log?.(`Port ${port} is in use; trying ${port + 1}`);
      port += 1;
    }
  }
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}${options.basePath()}`,
    close: () => closeServer(server, options.live),
  };
}

type FileHandler = ReturnType<typeof sirv>;

async function handle(request: IncomingMessage, response: ServerResponse, dir: string, options: ServeOptions, files: FileHandler): Promise<void> {
  if (options.live?.handle(request, response)) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD are served.\n');
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const basePath = options.basePath();
  if (url.pathname === '/' && basePath !== '/') return redirect(response, basePath);
  const relative = decodeSitePath(url.pathname, basePath);
  if (relative === undefined) return notFound(request, response, dir, options);
  const found = await resolveInside(dir, relative);
  if (found === undefined) return notFound(request, response, dir, options);
  if (found.isFolder) {
    if (!url.pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
    const index = await resolveInside(dir, `${relative}${relative === '' ? '' : '/'}index.html`);
    if (index === undefined || index.isFolder) return notFound(request, response, dir, options);
    return sendFile(request, response, index.file, relative === '' ? 'index.html' : `${relative}/index.html`, options, files);
  }
  return sendFile(request, response, found.file, relative, options, files);
}

/**
 * The request path below the base path, decoded once, or undefined if it could name anything outside the folder:
 * "..", "." or empty segments, backslashes and NUL bytes (however encoded) are refused rather than cleaned up.
 */
export function decodeSitePath(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return undefined;
  }
  const trimmed = decoded.endsWith('/') ? decoded.slice(0, -1) : decoded;
  if (trimmed === '') return '';
  const segments = trimmed.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.') || s.includes('\\') || s.includes('\0'))) return undefined;
  return segments.join('/');
}

/** The real file a site path names, if it is inside `dir` once every symlink is followed. */
async function resolveInside(dir: string, relative: string): Promise<{ file: string; isFolder: boolean } | undefined> {
  try {
    const [realDir, real] = await Promise.all([realpath(dir), realpath(path.join(dir, ...relative.split('/').filter(Boolean)))]);
    if (real !== realDir && !real.startsWith(realDir + path.sep)) return undefined;
    const info = await stat(real);
    if (!info.isFile() && !info.isDirectory()) return undefined;
    return { file: real, isFolder: info.isDirectory() };
  } catch {
    return undefined;
  }
}

/** HTML in dev mode gets the live-reload script, so it is read here; every other file is sirv's to send. */
async function sendFile(request: IncomingMessage, response: ServerResponse, file: string, relative: string, options: ServeOptions, files: FileHandler): Promise<void> {
  if (options.live && file.endsWith('.html')) {
    const body = Buffer.from(options.live.inject(await readFile(file, 'utf8')));
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  // sirv is handed the already-checked path, relative to the folder, so it can only find this file.
  request.url = `/${relative.split('/').map(encodeURIComponent).join('/')}`;
  files(request, response, () => {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  });
}

/** The site's own 404.html, with status 404; a plain message if it has none. */
async function notFound(request: IncomingMessage, response: ServerResponse, dir: string, options: ServeOptions): Promise<void> {
  const page = await resolveInside(dir, '404.html');
  if (page && !page.isFolder) {
    const html = await readFile(page.file, 'utf8');
    const body = Buffer.from(options.live ? options.live.inject(html) : html);
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  const body = options.live ? options.live.inject('<!doctype html><title>Not found</title><p>Not found.</p>') : 'Not found\n';
  response.writeHead(404, { 'Content-Type': options.live ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`Moved to ${location}\n`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (cause: Error) => {
      server.off('listening', onListening);
      reject(cause);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: Server, live: LiveReload | undefined): Promise<void> {
  live?.close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
