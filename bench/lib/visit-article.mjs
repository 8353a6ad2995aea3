// The article of the visit cells (issue 15) and what is made from it: the first bundled article (the one
// the app opens at `/`), 1,000 saved annotations on it in the app's native file format and in the W3C form
// the peer reads, and the two comparison pages (plain static HTML, and the same with the peer attached).
// Everything here is pure but for firstArticle, which reads seeds/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The number of saved annotations of the returning visit. */
export const SAVED_COUNT = 1000;
/** The localStorage key the peer's visit page restores its annotations from (bench/peer/visit.js). */
export const PEER_STATE_KEY = 'peer/annotations';
const LABELS = [
  ['claim', null],
  ['quote', null],
  ['entity', 'person'],
  ['entity', 'organization'],
  ['entity', 'place'],
  ['entity', 'other'],
];

/** {id, title, text, lines} of the first entry of seeds/manifest.json, the article the app opens first. */
export function firstArticle(repoRoot) {
  const [entry] = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'manifest.json'), 'utf8'));
  const text = readFileSync(join(repoRoot, 'seeds', entry.file), 'utf8');
  return articleOf(entry.id, entry.title, text);
}

/** An article as the app shows it: one line per paragraph, split at "\n" (a final "\n" makes an empty line). */
export function articleOf(id, title, text) {
  return { id, title, text, lines: text.split('\n') };
}

/**
 * The words of `text` as [start, end) UTF-16 indexes and the line each is in: runs of letters and digits,
 * so that no span starts or ends inside a surrogate pair or on punctuation.
 */
export function wordsOf(text) {
  const words = [];
  let line = 0;
  let lineEnd = text.indexOf('\n');
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    while (lineEnd >= 0 && m.index > lineEnd) {
      line++;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    words.push({ start: m.index, end: m.index + m[0].length, line });
  }
  return words;
}

/**
 * `count` distinct spans over the article, each one to several whole words of one line: first every word,
 * then every two neighbouring words, then three, until there are enough. Each has a label (and a kind for
 * entities) in turn. Offsets are UTF-16 (`start16`, `end16`) and code points (`start`, `end`).
 */
export function savedSpans(article, count = SAVED_COUNT) {
  const words = wordsOf(article.text);
  const spans = [];
  for (let width = 1; spans.length < count; width++) {
    let added = 0;
    for (let i = 0; i + width <= words.length && spans.length < count; i++) {
      const first = words[i];
      const last = words[i + width - 1];
      if (first.line !== last.line) continue;
      spans.push({ start16: first.start, end16: last.end });
      added++;
    }
    if (added === 0) throw new Error(`the article has room for only ${spans.length} spans of whole words in one line, not ${count}`);
  }
  const cp = codePointIndex(article.text);
  return spans.map((s, i) => {
    const [label, kind] = LABELS[i % LABELS.length];
    return { id: `saved-${i + 1}`, label, kind, start: cp(s.start16), end: cp(s.end16), ...s };
  });
}

/** A function from a UTF-16 index of `text` to its code point index. */
function codePointIndex(text) {
  const at = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length)) cp++;
  }
  at[text.length] = cp;
  return (i) => at[i];
}

/** The spans as the app's own export file (format "news-annotator", version 1), for its import. */
export function nativeFile(article, spans) {
  const chars = [...article.text];
  const time = '2026-01-15T08:00:00.000Z';
  return {
    format: 'news-annotator',
    version: 1,
    exported: time,
    offsets: 'unicode-code-points, end-exclusive',
    articles: [{ id: article.id, title: article.title, sha256: createHash('sha256').update(article.text, 'utf8').digest('hex'), length: chars.length }],
    annotations: spans.map((s) => ({
      id: s.id,
      article: article.id,
      label: s.label,
      kind: s.kind,
      note: '',
      start: s.start,
      end: s.end,
      exact: chars.slice(s.start, s.end).join(''),
      prefix: chars.slice(Math.max(0, s.start - 32), s.start).join(''),
      suffix: chars.slice(s.end, s.end + 32).join(''),
      created: time,
      updated: time,
    })),
  };
}

/**
 * The spans as W3C Web Annotations (TextQuoteSelector + TextPositionSelector in UTF-16 indexes of the
 * container's text, a tagging body with the label), the form the peer's W3CTextFormat adapter parses.
 */
export function w3cAnnotations(article, spans) {
  return spans.map((s) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: s.id,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: s.label }],
    target: [
      {
        source: article.id,
        selector: [
          { type: 'TextQuoteSelector', exact: article.text.slice(s.start16, s.end16) },
          { type: 'TextPositionSelector', start: s.start16, end: s.end16 },
        ],
      },
    ],
  }));
}

// The app's article column at a 1280 px wide window (as bench/peer/index.html).
const STYLE = [
  'body { margin: 0; background: #fbfaf7; color: #1d1d1f; font-family: system-ui, sans-serif; }',
  '.layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr) 22rem; gap: 1rem; padding: 1rem; align-items: start; }',
  '.reader { grid-column: 2; background: #fff; border: 1px solid #d9d6cf; border-radius: 8px; padding: 1rem 1.5rem; }',
  'h2 { margin: 0 0 1rem; font-size: 1.25rem; }',
  '#text { font-family: Georgia, "Times New Roman", serif; font-size: 1.08rem; line-height: 1.9; }',
  '#text p { margin: 0 0 0.6rem; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1em; }',
].join(' ');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page of the article: its title and one `<p elementtiming="article">` per line inside `#text`, with a
 * "\n" text node between lines (so the container's text is the article's text and the peer's offsets are
 * string indexes), typeset like the app's article column by an inline style. With `peer`, the page also
 * loads the library's CSS in the head and, deferred, the library and bench/peer/visit.js, which attaches
 * it to `#text`.
 */
export function articlePage(article, { peer = false } = {}) {
  const paras = article.lines.map((l) => `<p elementtiming="article">${escapeHtml(l)}</p>`).join('\n');
  const head = peer
    ? `
    <link rel="stylesheet" href="/vendor/text-annotator.css" />
    <script>window.process = { env: { NODE_ENV: 'production' } };</script>
    <script defer src="/vendor/text-annotator.umd.js"></script>
    <script defer src="/peer/visit.js"></script>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(article.title)}</title>
    <style>${STYLE}</style>${head}
  </head>
  <body>
    <div class="layout">
      <main class="reader">
        <h2>${escapeHtml(article.title)}</h2>
        <div id="text">${paras}</div>
      </main>
    </div>
  </body>
</html>
`;
}
