import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLiveReload } from '../../src/dev/live-reload.js';
import { serveSite, type PreviewServer } from '../../src/dev/serve-site.js';

/** A raw request, so the path reaches the server exactly as written ("..", "%2e%2e" and all). */
function get(server: PreviewServer, rawPath: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  let base: string;
  let site: string;
  let server: PreviewServer;
  let dev: PreviewServer;
  before(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'pressroom-serve-'));
    site = path.join(base, 'public');
    await mkdir(path.join(site, 'release/x'), { recursive: true });
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'secret.txt'), 'SECRET');
    await writeFile(path.join(base, 'outside/secret.txt'), 'SECRET');
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Home</title><body><h1>Home</h1></body>');
    await writeFile(path.join(site, '404.html'), '<!doctype html><title>Missing</title><body><h1>No such page</h1></body>');
    await writeFile(path.join(site, 'release/x/index.html'), '<!doctype html><title>X</title><body><h1>X</h1></body>');
    await writeFile(path.join(site, 'site.css'), 'body{}');
    await writeFile(path.join(site, 'feed.xml'), '<feed/>');
    await writeFile(path.join(site, 'search.json'), '{}');
    await writeFile(path.join(site, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(site, 'report.pdf'), '%PDF-1.4');
    await symlink(path.join(base, 'secret.txt'), path.join(site, 'linked-secret.txt'));
    await symlink(path.join(base, 'outside'), path.join(site, 'linked-folder'));
    server = await serveSite({ dir: site, port: 0, basePath: () => '/' });
    dev = await serveSite({ dir: site, port: 0, basePath: () => '/', live: createLiveReload() });
  });
  after(async () => {
    await server?.close();
    await dev?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 unless told otherwise', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  for (const attack of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/release/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '//etc/passwd', '/%2fetc%2fpasswd', '/index.html%00.css', '/%00', '/linked-secret.txt', '/linked-folder/secret.txt', '/linked-folder/']) {
    it(`never serves anything outside the folder: ${attack} → 404`, async () => {
      const response = await get(server, attack);
      assert.equal(response.status, 404);
      assert.doesNotMatch(response.body, /SECRET/);
    });
  }

  it('serves /release/x/ from its index.html and redirects /release/x to the slash form', async () => {
    const page = await get(server, '/release/x/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>X<\/h1>/);
    const bare = await get(server, '/release/x?from=feed');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/release/x/?from=feed');
  });

  const types: [string, RegExp][] = [
    ['/', /^text\/html; ?charset=utf-8$/i], ['/site.css', /^text\/css/], ['/feed.xml', /^(application|text)\/xml/], ['/search.json', /^application\/json/],
    ['/logo.png', /^image\/png$/], ['/report.pdf', /^application\/pdf$/],
  ];
  for (const [file, type] of types) {
    it(`sends ${file} as ${type.source}`, async () => {
      const response = await get(server, file);
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), type);
    });
  }

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(server, '/site.css', 'HEAD');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-length'], '6');
    assert.equal(response.body, '');
  });

  it('answers a missing page with the site\'s 404.html and status 404', async () => {
    const response = await get(server, '/no/such/page/');
    assert.equal(response.status, 404);
    assert.match(response.body, /No such page/);
  });

  it('in dev mode sends Cache-Control: no-store and adds the live-reload script to HTML, never to the file on disk', async () => {
    const page = await get(dev, '/release/x/');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<script data-pressroom-live>[\s\S]*<\/script><\/body>/);
    assert.equal(page.headers['content-length'], String(Buffer.byteLength(page.body)));
    assert.equal((await get(dev, '/site.css')).headers['cache-control'], 'no-store');
    assert.doesNotMatch(await readFile(path.join(site, 'release/x/index.html'), 'utf8'), /pressroom-live/);
    assert.doesNotMatch((await get(server, '/release/x/')).body, /pressroom-live/);
  });

  it('serves under the site\'s base path, redirecting / to it', async () => {
    const news = await serveSite({ dir: site, port: 0, basePath: () => '/news/' });
    try {
      assert.equal((await get(news, '/news/release/x/')).status, 200);
      const root = await get(news, '/');
      assert.equal(root.status, 301);
      assert.equal(root.headers.location, '/news/');
      assert.equal((await get(news, '/release/x/')).status, 404);
    } finally {
      await news.close();
    }
  });

  it('says when the port is taken and tries the next', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const lines: string[] = [];
    const next = await serveSite({ dir: site, port: taken, basePath: () => '/', log: (line) => lines.push(line) });
    try {
      assert.deepEqual(lines, [`Port ${taken} is in use; trying ${taken + 1}`]);
      assert.equal(new URL(next.url).port, String(taken + 1));
    } finally {
      await next.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
