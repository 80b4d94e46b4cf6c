// The search page: our own small interface over Pagefind's search API (pagefind.js), so that it is made of plain,
// labelled form controls and announces its results through one polite live region.
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;

const root = document.querySelector('[data-search]');
if (root) start(root);

async function start(root) {
  const form = root.querySelector('[data-search-form]');
  const fallback = root.querySelector('[data-search-fallback]');
  const status = root.querySelector('[data-search-status]');
  const list = root.querySelector('[data-search-results]');
  const moreWrap = root.querySelector('[data-search-more-wrap]');
  const more = root.querySelector('[data-search-more]');
  const query = form.elements.namedItem('q');
  const sort = form.elements.namedItem('sort');
  const filters = [...form.querySelectorAll('[data-filter]')];

  let pagefind;
  try {
    pagefind = await import(root.dataset.bundle);
    await pagefind.init();
  } catch {
    fallback.querySelector('p').textContent = 'Search is not available right now. You can still find releases by browsing:';
    return;
  }
  fallback.hidden = true;
  form.hidden = false;

  const params = new URLSearchParams(location.search);
  query.value = params.get('q') ?? '';
  sort.value = params.get('sort') ?? '';
  for (const select of filters) select.value = params.get(select.name) ?? '';

  let latest = 0;
  let results = [];
  let shown = 0;
  let summary = '';

  async function run() {
    const ticket = ++latest;
    const text = query.value.trim();
    const chosen = Object.fromEntries(filters.filter((s) => s.value !== '').map((s) => [s.dataset.filter, s.value]));
    remember(text, chosen);
    if (text === '' && Object.keys(chosen).length === 0) {
      results = [];
      list.replaceChildren();
      moreWrap.hidden = true;
      status.textContent = '';
      return;
    }
    const order = sort.value || (text === '' ? 'newest' : '');
    const options = { filters: chosen };
    if (order) options.sort = { date: order === 'newest' ? 'desc' : 'asc' };
    const search = await pagefind.search(text === '' ? null : text, options);
    if (ticket !== latest || !search) return;
    results = search.results;
    shown = 0;
    list.replaceChildren();
    summary = describe(results.length, text, chosen);
    await showMore(ticket, false);
  }

  async function showMore(ticket, focusFirst) {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (ticket !== latest) return;
    const items = data.map(resultItem);
    list.append(...items);
    shown += items.length;
    moreWrap.hidden = shown >= results.length;
    status.textContent = shown < results.length ? `${summary} Showing ${shown}.` : summary;
    if (focusFirst && items[0]) items[0].querySelector('a').focus();
  }

  function remember(text, chosen) {
    const next = new URLSearchParams();
    if (text) next.set('q', text);
    for (const [name, value] of Object.entries(chosen)) next.set(name, value);
    if (sort.value) next.set('sort', sort.value);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  let timer;
  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== query) run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener('click', () => showMore(latest, true));
  if (query.value || sort.value || filters.some((s) => s.value)) await run();
}

function describe(count, text, chosen) {
  const found = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
  const words = text ? ` for “${text}”` : '';
  const narrowed = Object.entries(chosen).map(([name, value]) => `${name} ${value}`);
  return `${found}${words}${narrowed.length ? ` (${narrowed.join(', ')})` : ''}.`;
}

function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [data.meta.type, data.meta.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...safeExcerpt(data.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

// Pagefind's excerpt is HTML: keep its <mark> highlights and nothing else, whatever the page text held.
function safeExcerpt(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
