// The newsidx search page: plain DOM code over the server's JSON endpoints.
// Every view is a function of the URL (/?q=…, /?speaker=…, /?article=…), so
// any state can be bookmarked, shared and reached with Back and Forward.
// Text from the index is only ever set as text, never as HTML.
'use strict';

const PAGE_SIZE = 10;
const SPEAKER_PAGE_SIZE = 20;
const SPEAKER_MAX = 1000;  // the server's largest page
const LONG_QUOTE = 400;  // characters; a longer quote shows its snippet on result pages
const MAX_LISTED = 12;  // roles and sources on a speaker's page
const FACETS = ['speaker', 'source', 'date', 'type'];
const FACET_TITLES = {speaker: 'Speaker', source: 'Source', date: 'Date', type: 'Type'};

const $ = (selector) => document.querySelector(selector);

// Replaces `node`'s children, skipping the null pieces a view may leave out.
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

// A DOM element: attributes (on* are listeners), then children (strings
// become text nodes; null and false are skipped).
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// ---------------------------------------------------------------------------
// URLs and queries.

function pageUrl(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `/?${text}` : '/';
}

async function api(path, params, signal) {
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, {signal});
  const body = await response.json().catch(() => ({error: `HTTP ${response.status}`}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// `field:value`, the value quoted when it holds more than one word.
function clause(field, value) {
  return /[\s"():]/.test(value) ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
}

const speakerQuery = (name) => `${clause('speaker', name)} type:quote`;

// The snippet's HTML (escaped text, matches in <b>…</b>) as nodes, matches
// in <mark>: parsed by hand so no markup from an article can get through.
function snippetNodes(html) {
  const unescape = (s) => s.replace(/&(lt|gt|quot|#39|amp);/g,
      (_, e) => ({lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&'})[e]);
  const out = [];
  html.split(/(<b>.*?<\/b>)/s).forEach((part) => {
    if (part.startsWith('<b>')) out.push(h('mark', {}, unescape(part.slice(3, -4))));
    else if (part) out.push(unescape(part));
  });
  return out;
}

function formatDate(day) {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  const options = {year: 'numeric', month: 'short', timeZone: 'UTC'};
  if (d) options.day = 'numeric';
  return date.toLocaleDateString('en-GB', options);
}

// ---------------------------------------------------------------------------
// Pieces of results.

function articleLink(article, q) {
  return h('a', {href: pageUrl({article: article.id, q})}, article.title || article.id);
}

function speakerLink(name) {
  return h('a', {class: 'speaker', href: pageUrl({speaker: name})}, name);
}

function meta(article, q, withTitle) {
  const parts = [];
  if (withTitle) parts.push(articleLink(article, q));
  if (article.source) parts.push(h('span', {class: 'source'}, article.source));
  if (article.date) parts.push(h('time', {datetime: article.date}, formatDate(article.date)));
  const line = h('p', {class: 'meta'});
  parts.forEach((part, i) => line.append(...(i ? [' · ', part] : [part])));
  return line;
}

// `text` with every occurrence of `words` in <mark> (case aside).
function highlighted(text, words) {
  const wanted = [...new Set(words.map((w) => w.trim()).filter(Boolean))]
      .sort((a, b) => b.length - a.length)  // a phrase before its words
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!wanted.length) return [text];
  const pattern = new RegExp(`(${wanted.join('|')})`, 'giu');
  return text.split(pattern).map((part, i) => (i % 2 ? h('mark', {}, part) : part));
}

// The matched words of a snippet ("<b>Article 5</b>" → "Article 5").
function matchedWords(snippet) {
  return [...(snippet || '').matchAll(/<b>(.*?)<\/b>/gs)].map((m) => snippetNodes(m[1]).join(''));
}

function quoteCard(hit, q) {
  // The whole quote with its matches marked as the snippet marks them; a
  // long one as the snippet's passage around its matches.
  const whole = hit.text && (hit.text.length <= LONG_QUOTE || !hit.snippet);
  const words = whole ? highlighted(hit.text, matchedWords(hit.snippet)) : snippetNodes(hit.snippet || '');
  return h('article', {class: 'card quote'},
      h('blockquote', {}, h('p', {}, '“', words, '”')),
      h('p', {class: 'who'}, hit.speaker ? speakerLink(hit.speaker) : h('span', {}, 'Unattributed'),
        hit.role ? h('span', {class: 'role'}, `, ${hit.role}`) : null,
        hit.kind && hit.kind !== 'direct' ? h('span', {class: 'kind'}, ` (${hit.kind})`) : null),
      meta(hit.article, q, true));
}

function articleCard(hit, q) {
  return h('article', {class: 'card'},
      h('h2', {}, articleLink(hit.article, q)),
      meta(hit.article, q, false),
      h('p', {class: 'snippet'}, snippetNodes(hit.snippet || '')));
}

const card = (hit, q) => (hit.type === 'quote' ? quoteCard(hit, q) : articleCard(hit, q));

function pager(total, page, pageSize, urlOf) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return h('nav', {class: 'pager', 'aria-label': 'Pages'},
      page > 1 ? h('a', {href: urlOf(page - 1), rel: 'prev'}, '← Previous') : null,
      h('span', {}, `Page ${page} of ${pages}`),
      page < pages ? h('a', {href: urlOf(page + 1), rel: 'next'}, 'Next →') : null);
}

// ---------------------------------------------------------------------------
// Facets: each value refines the query; a value already in it is shown
// selected and its link removes it. The query is extended as typed, where
// our clauses stay verbatim (what was searched comes back rewritten:
// source:caliber-az); a question is replaced by what it was read as, since
// a clause after it would read as part of its topic.

function facetBase(q, parsed) {
  return parsed && parsed !== q && !q.includes(':') ? parsed : q;
}

function facetLink(ctx, field, value, count, label) {
  const {base, sort} = ctx;
  const part = clause(field, value);
  const at = base.toLowerCase().indexOf(part.toLowerCase());
  const selected = at >= 0;
  const q = selected ? `${base.slice(0, at)} ${base.slice(at + part.length)}`.replace(/\s+/g, ' ').trim()
      : `${base} ${part}`;
  return h('a', {href: q ? pageUrl({q, sort}) : '/', class: selected ? 'selected' : null,
                 'aria-current': selected ? 'true' : null,
                 'data-facet': field, 'data-value': value},
      h('span', {class: 'value'}, label || value), ' ', h('span', {class: 'count'}, count));
}

// Days grouped under their months, newest first.
function dateFacet(ctx, values) {
  const months = new Map();
  for (const {value, count} of values) {
    const month = value.slice(0, 7);
    if (!months.has(month)) months.set(month, {count: 0, days: []});
    months.get(month).count += count;
    months.get(month).days.push({value, count});
  }
  const list = h('ul', {});
  [...months.keys()].sort().reverse().forEach((month) => {
    const {count, days} = months.get(month);
    days.sort((a, b) => b.value.localeCompare(a.value));
    list.append(h('li', {}, facetLink(ctx, 'date', month, count, formatDate(month)),
        h('ul', {class: 'days'}, days.map((d) => h('li', {},
            facetLink(ctx, 'date', d.value, d.count, formatDate(d.value)))))));
  });
  return list;
}

function renderFacets(ctx, facets) {
  const aside = $('#facets');
  aside.replaceChildren();
  for (const name of FACETS) {
    const values = (facets || {})[name] || [];
    if (!values.length) continue;
    const list = name === 'date' ? dateFacet(ctx, values)
        : h('ul', {}, values.map((v) => h('li', {}, facetLink(ctx, name, v.value, v.count))));
    aside.append(h('section', {class: `facet facet-${name}`, 'aria-labelledby': `facet-${name}`},
        h('h2', {id: `facet-${name}`}, FACET_TITLES[name]), list));
  }
}

// ---------------------------------------------------------------------------
// Views.

function showError(error) {
  fill($('#main'), h('p', {class: 'notice error', role: 'alert'}, error.message));
}

async function searchView(params) {
  const q = params.get('q');
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const sortParam = sort === 'relevance' ? '' : sort;  // the default stays out of URLs
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = await api('/search', {q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
                                       facets: FACETS.join(',')}, viewSignal());
  const answered = performance.now();
  document.title = `${q} — newsidx`;
  const main = $('#main');
  const summary = h('p', {class: 'summary'},
      `${result.total.toLocaleString('en')} result${result.total === 1 ? '' : 's'}`,
      result.parsed && result.parsed !== q ? [' for ', h('code', {}, result.parsed)] : null);
  const suggestion = result.did_you_mean
      ? h('p', {class: 'notice'}, 'Did you mean ', h('a', {href: pageUrl({q: result.did_you_mean, sort: sortParam})},
          result.did_you_mean), '?')
      : null;
  const list = h('ol', {class: 'results', start: (page - 1) * PAGE_SIZE + 1},
      result.hits.map((hit) => h('li', {}, card(hit, q))));
  fill(main, h('h1', {class: 'visually-hidden'}, 'Results'), summary, suggestion,
      result.hits.length ? list : h('p', {class: 'notice'}, 'Nothing matched.'),
      pager(result.total, page, PAGE_SIZE, (p) => pageUrl({q, sort: sortParam, page: p})));
  renderFacets({base: facetBase(q, result.parsed), sort: sortParam}, result.facets);
  // From the server's answer to the next frame: the test reports it.
  requestAnimationFrame(() => { main.dataset.renderMs = (performance.now() - answered).toFixed(1); });
  return `${summary.textContent}, page ${page}`;
}

// Counts per day, or per month when the days span more than two months.
function timelineBuckets(days) {
  const sorted = [...days.keys()].sort();
  if (!sorted.length) return {unit: 'day', buckets: []};
  const first = new Date(`${sorted[0]}T00:00:00Z`);
  const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const byMonth = (last - first) / 86400000 > 62;
  const buckets = [];
  for (const d = new Date(first); d <= last;) {
    const key = d.toISOString().slice(0, byMonth ? 7 : 10);
    buckets.push({key, count: 0});
    if (byMonth) d.setUTCMonth(d.getUTCMonth() + 1, 1); else d.setUTCDate(d.getUTCDate() + 1);
  }
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  for (const [day, count] of days) buckets[index.get(day.slice(0, byMonth ? 7 : 10))].count += count;
  return {unit: byMonth ? 'month' : 'day', buckets};
}

const SVG = 'http://www.w3.org/2000/svg';  // a namespace name, never fetched
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function timeline(days) {
  const {unit, buckets} = timelineBuckets(days);
  const width = 600, height = 120, pad = 20;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = (width - 2 * pad) / Math.max(1, buckets.length);
  const label = `Quotes per ${unit}: ` + buckets.filter((b) => b.count)
      .map((b) => `${formatDate(b.key)}: ${b.count}`).join(', ');
  const chart = svg('svg', {id: 'timeline', viewBox: `0 0 ${width} ${height + 2 * pad}`,
                            role: 'img', 'aria-label': label, 'data-unit': unit});
  chart.append(svg('title', {}, label));
  buckets.forEach((b, i) => {
    const barHeight = (b.count / max) * height;
    const barWidth = Math.max(1, Math.min(step * 0.8, 24));  // one day is a bar, not a wall
    chart.append(svg('rect', {class: 'bar', x: pad + i * step + (step - barWidth) / 2, width: barWidth,
                              y: pad + height - barHeight, height: barHeight, 'data-key': b.key,
                              'data-count': b.count},
                     svg('title', {}, `${formatDate(b.key)}: ${b.count}`)));
  });
  chart.append(svg('line', {class: 'axis', x1: pad, x2: width - pad, y1: pad + height, y2: pad + height}));
  const labelY = height + 2 * pad - 2;
  if (buckets.length === 1) {
    chart.append(svg('text', {x: width / 2, y: labelY, 'text-anchor': 'middle'}, formatDate(buckets[0].key)));
  } else if (buckets.length) {
    chart.append(svg('text', {x: pad, y: labelY}, formatDate(buckets[0].key)));
    chart.append(svg('text', {x: width - pad, y: labelY, 'text-anchor': 'end'},
                     formatDate(buckets[buckets.length - 1].key)));
  }
  chart.append(svg('text', {x: pad, y: pad - 6}, `${max} max`));
  return chart;
}

// The `max` most frequent values with their counts, each linked if `linkOf`.
function countList(counts, linkOf, max) {
  return h('ul', {class: 'counts'}, [...counts].sort((a, b) => b[1] - a[1]).slice(0, max)
      .map(([value, n]) => h('li', {}, linkOf ? h('a', {href: linkOf(value)}, value) : value, ' ',
                              h('span', {class: 'count'}, n))));
}

async function speakerView(params) {
  const name = params.get('speaker');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = speakerQuery(name);
  // Newest first, with exact counts by source and day over every quote.
  const result = await api('/search', {q, sort: 'date', limit: SPEAKER_MAX, facets: 'date,source'},
                           viewSignal());
  document.title = `${name} — newsidx`;
  const days = new Map();
  if (result.total <= result.hits.length) {
    for (const hit of result.hits) {
      if (hit.article.date) days.set(hit.article.date, (days.get(hit.article.date) || 0) + 1);
    }
  } else {  // more quotes than one page: the date facet's busiest days
    for (const {value, count} of result.facets.date || []) days.set(value, count);
  }
  const roles = new Map();
  for (const hit of result.hits) if (hit.role) roles.set(hit.role, (roles.get(hit.role) || 0) + 1);
  const sources = new Map((result.facets.source || []).map((s) => [s.value, s.count]));
  const shown = result.hits.slice((page - 1) * SPEAKER_PAGE_SIZE, page * SPEAKER_PAGE_SIZE);
  fill($('#main'),
      h('h1', {}, name),
      h('p', {class: 'summary'}, `${result.total.toLocaleString('en')} quote${result.total === 1 ? '' : 's'}`,
        ' · ', h('a', {href: pageUrl({q})}, 'search within them')),
      h('section', {'aria-labelledby': 'timeline-title'},
        h('h2', {id: 'timeline-title'}, 'When quoted'),
        days.size ? timeline(days) : h('p', {}, 'None of these quotes has a known date.')),
      h('div', {class: 'columns'},
        h('section', {'aria-labelledby': 'roles-title'}, h('h2', {id: 'roles-title'}, 'Described as'),
          roles.size ? countList(roles, null, MAX_LISTED) : h('p', {}, 'No role given.')),
        h('section', {'aria-labelledby': 'sources-title'}, h('h2', {id: 'sources-title'}, 'Quoted by'),
          sources.size ? countList(sources, (s) => pageUrl({q: `${q} ${clause('source', s)}`}), MAX_LISTED)
              : h('p', {}, 'No source known.'))),
      h('h2', {}, 'Everything said, newest first'),
      h('ol', {class: 'results', start: (page - 1) * SPEAKER_PAGE_SIZE + 1},
        shown.map((hit) => h('li', {}, quoteCard({...hit, snippet: null}, '')))),
      pager(result.hits.length, page, SPEAKER_PAGE_SIZE, (p) => pageUrl({speaker: name, page: p})));
  $('#facets').replaceChildren();
  return `${name}: ${result.total} quotes`;
}

// Byte offsets (the server's) into UTF-8 text → the text's pieces.
function slicer(text) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return (start, end) => decoder.decode(bytes.subarray(start, end));
}

async function articleView(params) {
  const id = params.get('article');
  const q = params.get('q');
  const view = await api('/article', {id}, viewSignal());
  const {article, text, quotes} = view;
  document.title = `${article.title || id} — newsidx`;
  const slice = slicer(text);
  const body = h('div', {class: 'article-text'});
  const list = h('ol', {class: 'quote-index'});
  let at = 0;
  quotes.forEach((quote, n) => {
    if (quote.start < at) return;  // overlaps the last one marked
    body.append(slice(at, quote.start));
    const who = quote.speaker || 'unattributed';
    body.append(h('mark', {class: `quote ${quote.kind || ''}`, id: `quote-${n}`, tabindex: '-1'},
        slice(quote.start, quote.end),
        h('span', {class: 'visually-hidden'}, ' said by '),
        h('a', {class: 'said-by', href: quote.speaker ? pageUrl({speaker: quote.speaker}) : null},
          who)));
    list.append(h('li', {}, h('a', {href: `#quote-${n}`}, `“${quote.text}”`), ' — ',
        quote.speaker ? speakerLink(quote.speaker) : who));
    at = quote.end;
  });
  body.append(slice(at, undefined));
  fill($('#main'),
      q ? h('p', {}, h('a', {href: pageUrl({q})}, '← Back to results')) : null,
      h('article', {class: 'article'},
        h('h1', {}, article.title || id), meta(article, q, false), body),
      h('section', {'aria-labelledby': 'quotes-title'},
        h('h2', {id: 'quotes-title'}, `Quotes in this article (${quotes.length})`), list));
  $('#facets').replaceChildren();
  return `${article.title || id}, ${quotes.length} quotes`;
}

async function homeView() {
  document.title = 'newsidx';
  const stats = await api('/stats', {}, viewSignal());
  const count = (type) => ((stats.types || []).find((t) => t.value === type)?.count || 0).toLocaleString('en');
  const examples = ['everything Honchar said about Article 5', 'what did Kallas say about troops',
                    '"security guarantees"', 'type:quote date:2025-12'];
  fill($('#main'),
      h('h1', {}, 'Who said what, where, when'),
      h('p', {}, `${count('article')} articles and ${count('quote')} quotes indexed`,
        stats.dates && stats.dates.first ? `, ${formatDate(stats.dates.first)} to ${formatDate(stats.dates.last)}` : '',
        '.'),
      h('h2', {}, 'Try'),
      h('ul', {}, examples.map((e) => h('li', {}, h('a', {href: pageUrl({q: e})}, e)))));
  $('#facets').replaceChildren();
  return '';
}

// A view's requests are cancelled when another view starts, so a slow
// answer cannot draw over a newer page.
let viewAbort = new AbortController();
const viewSignal = () => viewAbort.signal;

async function render() {
  viewAbort.abort();
  const mine = viewAbort = new AbortController();
  const params = new URLSearchParams(location.search);
  $('#q').value = params.get('q') || (params.get('speaker') ? speakerQuery(params.get('speaker')) : '');
  $('#sort').value = params.get('sort') === 'date' ? 'date' : 'relevance';
  document.body.dataset.view = params.get('article') ? 'article' : params.get('speaker') ? 'speaker'
      : params.get('q') ? 'search' : 'home';
  document.body.setAttribute('aria-busy', 'true');
  const status = $('#status');
  try {
    let view = homeView;
    if (params.get('article')) view = articleView;
    else if (params.get('speaker')) view = speakerView;
    else if (params.get('q')) view = searchView;
    status.textContent = await view(params);
  } catch (error) {
    if (error.name === 'AbortError') return;  // a newer view is drawing
    showError(error);
    status.textContent = error.message;
  } finally {
    if (viewAbort === mine) document.body.removeAttribute('aria-busy');
  }
}

// Same-page links change the URL and re-render, without reloading.
function navigate(url, focusMain) {
  history.pushState(null, '', url);
  render().then(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.focus();
    else if (focusMain) $('#main').focus({preventScroll: true});
    if (!location.hash) window.scrollTo(0, 0);
  });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="/"]');
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'), true);
});

// ---------------------------------------------------------------------------
// Completion of the word being typed: speakers first, then index words.

function setupSuggestions() {
  const input = $('#q');
  const box = $('#suggestions');
  let active = -1;
  let timer = 0;
  let options = [];

  const close = () => {
    box.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `suggestion-${i}`);
  };
  // The last word replaced: a speaker by their whole name (quoted after
  // `speaker:`), a word by the word.
  const accept = (option) => {
    const value = input.value;
    const cut = value.search(/\S*$/);
    const last = value.slice(cut);
    let word = option.value;
    if (option.kind === 'speaker') word = last.startsWith('speaker:') ? clause('speaker', word) : word;
    input.value = `${value.slice(0, cut)}${word} `;
    close();
    input.focus();
  };
  const show = (result) => {
    options = [...result.speakers.map((s) => ({...s, kind: 'speaker'})),
               ...result.terms.map((t) => ({...t, kind: 'term'}))].slice(0, 8);
    box.replaceChildren(...options.map((o, i) => h('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: o.kind,
      onmousedown: (e) => { e.preventDefault(); accept(o); },
    }, h('span', {}, o.value), ' ', h('span', {class: 'count'},
        o.kind === 'speaker' ? `speaker · ${o.count}` : o.count))));
    box.hidden = !options.length;
    input.setAttribute('aria-expanded', String(options.length > 0));
    active = -1;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value;
    if (!/\S{2,}$/.test(text)) return close();
    timer = setTimeout(() => {
      api('/suggest', {q: text, limit: 8}).then((r) => { if (input.value === text) show(r); })
          .catch(close);
    }, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (box.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = options.length;
      highlight(event.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      accept(options[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

function setupForm() {
  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = $('#q').value.trim();
    const sort = $('#sort').value;
    if (q) navigate(pageUrl({q, sort: sort === 'relevance' ? '' : sort}), true);
  });
  $('#sort').addEventListener('change', () => {
    if ($('#q').value.trim()) $('#search-form').requestSubmit();
  });
}

window.addEventListener('popstate', render);
document.addEventListener('DOMContentLoaded', () => {
  setupSuggestions();
  setupForm();
  render();
});
