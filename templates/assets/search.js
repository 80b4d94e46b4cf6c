// The search page: our own small interface over Pagefind's search API (pagefind.js), so that it is made of plain,
// labelled form controls and announces its results through one polite live region.
//
// The build makes one index per year (pagefind/<year>/, or pagefind/<year>-<month>/ for each part of a large year;
// listed newest first in data-indexes) beside a runtime
// (pagefind/pagefind.js and an index of one stand-in page): every year is merged into the runtime's instance and
// tagged with a synthetic filter naming its index. Every search asks for any of those indexes, which leaves out the
// stand-in page. Pagefind orders merged results by each index's own score, and for a sort that score is the page's
// position within its own index, so a date order across years is made here: the years in order, each sorted alone.
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;
const INDEX_FILTER = 'index';

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

  const indexes = (root.dataset.indexes ?? '').split(' ').filter(Boolean);
  const unavailable = () => {
    fallback.querySelector('p').textContent = 'Search is not available right now. You can still find releases by browsing:';
    fallback.hidden = false;
    form.hidden = true;
  };
  let pagefind;
  let merged;
  try {
    const bundle = new URL(root.dataset.bundle, location.href);
    pagefind = await import(bundle.href);
    await pagefind.init();
    // The years load while the reader types; a search waits for them.
    merged = Promise.all(indexes.map((name) => pagefind.mergeIndex(new URL(`${name}/`, bundle).pathname, { mergeFilter: { [INDEX_FILTER]: name } })));
    merged.catch(unavailable);
  } catch {
    unavailable();
    return;
  }
  fallback.hidden = true;
  form.hidden = false;

  const params = new URLSearchParams(location.search);
  query.value = params.get('q') ?? '';
  sort.value = params.get('sort') ?? '';
  for (const select of filters) select.value = params.get(select.name) ?? '';

  let latest = 0;
  let results = inOrder([]);
  let total = 0;
  let shown = 0;
  let summary = '';

  async function run() {
    const ticket = ++latest;
    const text = query.value.trim();
    const chosen = Object.fromEntries(filters.filter((s) => s.value !== '').map((s) => [s.dataset.filter, s.value]));
    remember(text, chosen);
    if (text === '' && Object.keys(chosen).length === 0) {
      results = inOrder([]);
      total = 0;
      list.replaceChildren();
      moreWrap.hidden = true;
      status.textContent = '';
      return;
    }
    const order = sort.value || (text === '' ? 'newest' : '');
    const term = text === '' ? null : text;
    try {
      await merged;
    } catch {
      return;
    }
    // A site without releases has no index to search, only the runtime's stand-in page.
    const search = indexes.length === 0 ? { results: [], filters: {} } : await pagefind.search(term, { filters: { ...chosen, [INDEX_FILTER]: { any: indexes } } });
    if (ticket !== latest || !search) return;
    total = search.results.length;
    if (order) {
      // Each index's count among the results, from the synthetic filter: the indexes with none are never searched.
      const counts = search.filters[INDEX_FILTER] ?? {};
      const years = (order === 'oldest' ? [...indexes].reverse() : indexes).filter((name) => counts[name] > 0);
      const direction = order === 'newest' ? 'desc' : 'asc';
      results = inOrder(years.map((name) => () => pagefind.search(term, { filters: { ...chosen, [INDEX_FILTER]: name }, sort: { date: direction } })));
    } else {
      results = inOrder([async () => search]);
    }
    shown = 0;
    list.replaceChildren();
    summary = describe(total, text, chosen);
    await showMore(ticket, false);
  }

  async function showMore(ticket, focusFirst) {
    const batch = await results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (ticket !== latest) return;
    const items = data.map(resultItem);
    list.append(...items);
    shown += items.length;
    moreWrap.hidden = shown >= total;
    status.textContent = shown < total ? `${summary} Showing ${shown}.` : summary;
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

// Results that come from searches made one after another, only as far as they are read: one search per year, say.
// Reads are queued, so two overlapping ones never run the same search or add results out of order.
function inOrder(searches) {
  const loaded = [];
  let next = 0;
  let queue = Promise.resolve();
  const read = async (start, end) => {
    while (loaded.length < end && next < searches.length) loaded.push(...(await searches[next++]()).results);
    return loaded.slice(start, end);
  };
  return {
    slice(start, end) {
      const reading = queue.then(() => read(start, end));
      queue = reading.catch(() => undefined);
      return reading;
    },
  };
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
