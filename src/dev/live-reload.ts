/** Live reload over server-sent events: tells each open page when a rebuild touched it, and what problems to show. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatProblem } from '../problems.js';
import type { Problem } from '../types.js';

/** The address the injected script listens on; outside any base path so it never clashes with a page. */
export const EVENTS_PATH = '/__pressroom/events';

/** One rebuild as the browser needs to know it. */
export interface LiveUpdate {
  /** Output paths written or deleted ("release/x/index.html"). */
  touched: readonly string[];
  /** The problems to show in the overlay; none hides it. */
  problems: readonly Problem[];
  /** The site's base path ("/" or "/news/"), to turn output paths into page addresses. */
  basePath: string;
}

/** The live-reload side of the dev server. */
export interface LiveReload {
  /** Serves the event stream; false when the request is for something else. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Adds the live-reload script to a page as it is served. */
  inject(html: string): string;
  /** Tells every open page about a rebuild. */
  publish(update: LiveUpdate): void;
  /** Ends every open stream, so the server can close. */
  close(): void;
}

interface Client {
  page: string;
  response: ServerResponse;
}

/** Live reload for one dev session. A new session has a new id, so pages left open across a restart reload. */
export function createLiveReload(): LiveReload {
  const session = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  let version = 0;
  let problems: string[] = [];
  const touchedAt = new Map<string, number>();
  const clients = new Set<Client>();
  const send = (client: Client, event: string, data: unknown) => client.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  return {
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== EVENTS_PATH) return false;
      const [pageSession, pageVersion] = (url.searchParams.get('v') ?? '').split('.');
      const client = { page: pageKey(url.searchParams.get('page') ?? ''), response };
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write('retry: 500\n\n');
      clients.add(client);
      request.on('close', () => clients.delete(client));
      // A page loaded before a restart, or before a rebuild that touched it, is out of date the moment it connects.
      if (pageSession !== session || (touchedAt.get(client.page) ?? 0) > Number(pageVersion)) send(client, 'reload', {});
      else send(client, 'state', { problems });
      return true;
    },
    inject(html) {
      const script = `<script data-pressroom-live>${clientScript(`${session}.${version}`)}</script>`;
      const end = html.toLowerCase().lastIndexOf('</body>');
      return end === -1 ? html + script : `${html.slice(0, end)}${script}${html.slice(end)}`;
    },
    publish(update) {
      version += 1;
      for (const file of update.touched) touchedAt.set(pageKey(`${update.basePath}${file}`), version);
      problems = update.problems.map(formatProblem);
      for (const client of clients) {
        if (touchedAt.get(client.page) === version) send(client, 'reload', {});
        else send(client, 'state', { problems });
      }
    },
    close() {
      for (const client of clients) client.response.end();
      clients.clear();
    },
  };
}

/** "/release/x/index.html" and "/release/x/" are one page. */
function pageKey(pathname: string): string {
  return pathname.endsWith('/index.html') ? pathname.slice(0, -'index.html'.length) : pathname;
}

/** The browser side: shows problems over the page, reloads when told. Text only, so a problem cannot inject markup. */
function clientScript(version: string): string {
  return `(() => {
  const page = location.pathname;
  const show = (problems) => {
    let box = document.getElementById('pressroom-overlay');
    if (problems.length === 0) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('div');
      box.id = 'pressroom-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
      document.body.append(box);
    }
    const title = document.createElement('strong');
    title.textContent = 'The site cannot be rebuilt: fix these problems and save (the last good version is still served).';
    const list = document.createElement('pre');
    list.textContent = problems.join('\\n');
    box.replaceChildren(title, list);
  };
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?v=${version}&page=' + encodeURIComponent(page));
  events.addEventListener('state', (event) => show(JSON.parse(event.data).problems));
  events.addEventListener('reload', () => { events.close(); location.reload(); });
})();`;
}
