// The pure parts of the issue 15 visit cells: the interleaved order of page loads, the article and its
// 1,000 saved annotations in both sides' forms, the comparison pages, what ready-to-tag selects, and how
// the ratios are judged (a full run judges them, the smoke run only reports them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interleave } from '../bench/lib/interleave.mjs';
import { REPO_ROOT } from '../bench/fixtures.mjs';
import { SAVED_COUNT, articleOf, articlePage, firstArticle, nativeFile, savedSpans, w3cAnnotations, wordsOf } from '../bench/lib/visit-article.mjs';
import { tagTarget } from '../bench/lib/visit-cells.mjs';
import { VISIT_BARS, visitBars } from '../bench/lib/visit-bars.mjs';
import { visitSection } from '../bench/lib/visit-report.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('interleave: warm-up rounds first, then every page once per round in the given order', () => {
  const order = interleave(['ours', 'peer', 'static'], 2, 1);
  assert.deepEqual(
    order.map((o) => `${o.key}${o.round}${o.warm ? 'w' : ''}`),
    ['ours0w', 'peer0w', 'static0w', 'ours1', 'peer1', 'static1', 'ours2', 'peer2', 'static2'],
  );
  assert.equal(interleave(['a'], 9).length, 9);
  assert.throws(() => interleave(['a'], 1.5), /whole numbers/);
});

test('the article is the first entry of seeds/manifest.json, split into lines at "\\n"', () => {
  const [entry] = JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'manifest.json'), 'utf8'));
  const a = firstArticle(REPO_ROOT);
  assert.equal(a.id, entry.id);
  assert.equal(a.title, entry.title);
  assert.equal(a.lines.join('\n'), readFileSync(join(REPO_ROOT, 'seeds', entry.file), 'utf8'));
});

// A text with a non-BMP character before the words, so code points and UTF-16 indexes differ.
const SMALL = articleOf('t', 'T & <b>', 'A 😀 bee, sees\n"Quote" here\n\nlast one');

test('savedSpans: distinct whole-word spans inside one line, with code point and UTF-16 offsets', () => {
  const spans = savedSpans(SMALL, 10);
  assert.equal(spans.length, 10);
  assert.equal(new Set(spans.map((s) => `${s.start16}-${s.end16}`)).size, 10);
  const chars = [...SMALL.text];
  for (const s of spans) {
    const text = SMALL.text.slice(s.start16, s.end16);
    assert.equal(chars.slice(s.start, s.end).join(''), text);
    assert.ok(!text.includes('\n'), `${JSON.stringify(text)} crosses a line`);
    assert.match(text, /^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u);
  }
  assert.equal(spans.find((s) => SMALL.text.slice(s.start16, s.end16) === 'bee').start, 4);
  assert.throws(() => savedSpans(SMALL, 100), /room for only/);
  const real = savedSpans(firstArticle(REPO_ROOT));
  assert.equal(real.length, SAVED_COUNT);
  assert.deepEqual(new Set(real.map((s) => s.label)), new Set(['claim', 'quote', 'entity']));
});

test('nativeFile and w3cAnnotations carry the same spans, each in its own offsets', () => {
  const spans = savedSpans(SMALL, 6);
  const native = nativeFile(SMALL, spans);
  assert.equal(native.format, 'news-annotator');
  assert.equal(native.articles[0].length, [...SMALL.text].length);
  assert.match(native.articles[0].sha256, /^[0-9a-f]{64}$/);
  const w3c = w3cAnnotations(SMALL, spans);
  native.annotations.forEach((a, i) => {
    const [quote, position] = w3c[i].target[0].selector;
    assert.equal(a.exact, quote.exact);
    assert.equal(SMALL.text.slice(position.start, position.end), a.exact);
    assert.equal(w3c[i].body[0].value, a.label);
    if (a.label === 'entity') assert.ok(a.kind);
  });
});

/** The text a browser would give the page's #text: tags dropped, entities decoded. */
const containerText = (html) =>
  /<div id="text">([\s\S]*?)<\/div>/.exec(html)[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

test('the static page is the article as <p elementtiming="article"> lines, with no script; the peer page adds the library', () => {
  const plain = articlePage(SMALL);
  assert.equal(containerText(plain), SMALL.text);
  assert.equal([...plain.matchAll(/<p elementtiming="article">/g)].length, SMALL.lines.length);
  assert.doesNotMatch(plain, /<script/);
  assert.match(plain, /<title>T &amp; &lt;b&gt;<\/title>/);
  const peer = articlePage(SMALL, { peer: true });
  assert.equal(containerText(peer), SMALL.text);
  assert.match(peer, /<script defer src="\/vendor\/text-annotator\.umd\.js"><\/script>\s*<script defer src="\/peer\/visit\.js"><\/script>/);
  assert.match(peer, /href="\/vendor\/text-annotator\.css"/);
});

test('ready to tag selects the second to fourth words of the first line', () => {
  const line = 'One two, three four five';
  const { a, b } = tagTarget(articleOf('t', 'T', `${line}\nnext line`));
  assert.equal(line.slice(a, b), 'two, three four');
  assert.throws(() => tagTarget(articleOf('t', 'T', 'too short\nline')), /fewer than four words/);
});

/** Visit results: paint medians per page, highlights, ready-to-tag times, and the critical path. */
function results({ smoke = false, ours = 100, peer = 100, stat = 100, kb = 150 } = {}) {
  const runs = (ms) => ({ runs: [ms - 10, ms, ms + 10].map((paint) => ({ paint, highlightsPainted: paint + 50, readyAt: paint + 200, longestTaskBeforePaint: paint / 2 })), errors: [] });
  return {
    meta: { smoke },
    visits: {
      article: { title: 'Zelensky', lines: 21, bytes: 4000 },
      runs: 3,
      warmup: 1,
      saved: 1000,
      errors: [],
      first: { ours: runs(ours), peer: runs(peer), static: runs(stat) },
      returning: { ours: runs(ours), peer: runs(peer) },
      ready: { ours: runs(ours), peer: runs(peer) },
    },
    download: { dist: { files: [{ name: 'index.html' }], total: { raw: 1, brotli: kb * 1024 } }, all: { files: [], total: { raw: 2, brotli: 2 * kb * 1024 } } },
  };
}

test('a full run judges each ratio of medians against its bar', () => {
  const bars = visitBars(results({ ours: 140, peer: 200, stat: 100 }));
  const byName = (part) => bars.find((b) => b.name.includes(part));
  assert.equal(byName('first visit, article painted, ours / peer').value, 140 / 200);
  assert.equal(byName('first visit, article painted, ours / peer').ok, true);
  assert.equal(byName('ours / static').value, 1.4);
  assert.equal(byName('ours / static').ok, true);
  assert.equal(byName('highlights painted').value, 190 / 250);
  assert.equal(byName('ready to tag').value, 340 / 400);
  assert.equal(byName('critical path').ok, true);
  assert.equal(byName('longest task').ok, 'reported');
  const slow = visitBars(results({ ours: 160, peer: 100, stat: 100, kb: VISIT_BARS.criticalKb + 0.5 })).filter((b) => b.target !== 'reported only');
  assert.equal(slow.length, 6);
  assert.ok(slow.every((b) => b.ok === false), JSON.stringify(slow.map((b) => [b.name, b.ok])));
});

test('the smoke run only reports the issue 15 bars, however far off they are', () => {
  const bars = visitBars(results({ smoke: true, ours: 1000, peer: 100, stat: 100, kb: 900 }), { relative: true });
  assert.equal(bars.length, 7);
  assert.ok(bars.every((b) => b.ok === 'reported'));
});

test('a cell without a side is not measured, not passed', () => {
  const r = results();
  delete r.visits.ready.peer;
  assert.equal(visitBars(r).find((b) => b.name.startsWith('ready to tag')).ok, null);
});

test('the report section has the bars, the times of every page and the sizes', () => {
  const md = visitSection(results({ ours: 140, peer: 200, stat: 100 }));
  assert.match(md, /^## First visit \(issue 15\)/);
  assert.match(md, /\| first visit, article painted, ours \/ peer \| ≤ 1 \| 0\.70 \| pass \|/);
  assert.match(md, /\| first visit \| static \| article painted \(Element Timing\) \| 100 ms \/ 110 ms \| 3 \|/);
  assert.match(md, /\| ready to tag \| peer \| first annotation made with the mouse \| 400 ms/);
  assert.match(md, /everything in `dist\/`.*\| 300\.0 KB \|/);
  assert.match(md, /\| first visit, ours: longest task before the article painted \| reported only \| 70 ms \| reported \|/);
});
