// Seeded benchmark fixtures: news-like text and annotations, identical on every run.
//
//   node bench/fixtures.mjs [OUT_DIR]     # writes every fixture as OUT_DIR/<name>.json (default target/bench/fixtures)
//
// File format (what the bench build of the app reads from /?fixture=/fixtures/<name>.json):
//   {"article": {"id": "bench", "title": "…", "text": "…"},
//    "annotations": [{"id": "b1", "start": 10, "end": 25, "label": "claim", "kind": null}, …]}
// Offsets are Unicode code points (JavaScript: index `[...text]`, not the string), end exclusive. Every span
// is 5–35 code points, lies inside one paragraph (line), starts and ends on a grapheme boundary (so it never
// cuts a surrogate pair, an emoji, a flag or a combining accent) and neither starts nor ends with whitespace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const DEFAULT_FIXTURE_DIR = join(REPO_ROOT, 'target', 'bench', 'fixtures');

export const MIN_SPAN = 5;
export const MAX_SPAN = 35;
export const LABELS = ['claim', 'quote', 'entity'];
export const KINDS = ['person', 'organization', 'place', 'other'];

const KB = 1024;
const MB = 1024 * KB;

/**
 * Every fixture, by name. `bytes`: UTF-8 size of the text (approximately: paragraphs are added until the
 * next one would pass it); `count`: annotations; `variant`: plain | overlap | dense | unicode.
 */
export const FIXTURES = [
  ...[['10k', 10 * KB], ['100k', 100 * KB], ['1m', MB]].flatMap(([size, bytes]) =>
    [100, 1000, 10000].map((count) => ({ name: `${size}-${count}`, bytes, count, variant: 'plain' })),
  ),
  // About 10 % of the annotations nested inside another one, 5 % crossing another one's end.
  { name: 'overlap-100k-1000', bytes: 100 * KB, count: 1000, variant: 'overlap' },
  // 500 annotations in one paragraph (the 10th), 500 more over the rest of the text.
  { name: 'dense-100k-1000', bytes: 100 * KB, count: 1000, variant: 'dense', denseParagraph: 9, denseCount: 500 },
  // Curly quotes, accents (precomposed and combining), emoji and a flag in every paragraph.
  { name: 'unicode-100k-1000', bytes: 100 * KB, count: 1000, variant: 'unicode' },
];

export const fixtureByName = (name) => {
  const f = FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture "${name}" (have: ${FIXTURES.map((x) => x.name).join(', ')})`);
  return f;
};

/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: each fixture's seed comes from its name, so fixtures do not depend on each other. */
export function seedOf(name) {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const rng = (seed) => {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
};

// --- Text -------------------------------------------------------------------------------------------

const PEOPLE = [
  'Prime Minister Anna Lindqvist', 'the finance minister', 'Senator Robert Hale', 'President Maria Okafor',
  'the opposition leader', 'Mayor Daniel Brooks', 'a government spokesperson', 'the central bank governor',
  'Health Secretary Priya Raman', 'the defence minister', 'Ambassador Tomas Novak', 'the union chief',
];
const PEOPLE_UNICODE = [
  'Prime Minister Zoë Åkesson', 'President José Núñez', 'Mayor François Lefèvre', 'Minister Łukasz Wójcik',
  'the spokesperson Müller', 'Governor Chloé Dubois', 'Senator Renée Ğül', 'Envoy Dmytro Kuleba',
];
const ORGS = [
  'the European Commission', 'the World Health Organization', 'the central bank', 'the parliament',
  'the electoral commission', 'the United Nations', 'the state news agency', 'the trade ministry',
  'the constitutional court', 'the port authority', 'the national statistics office', 'the energy regulator',
];
const PLACES = [
  'the capital', 'the northern province', 'Brussels', 'Geneva', 'the border region', 'the coastal city',
  'Nairobi', 'Lisbon', 'the eastern districts', 'Warsaw', 'Singapore', 'the river valley',
];
const PLACES_UNICODE = ['Kraków', 'São Paulo', 'Zürich', 'Reykjavík', 'Besançon', 'Malmö', 'Kyiv 🇺🇦', 'Córdoba'];
const VERBS = [
  'said on Tuesday that', 'announced that', 'warned that', 'confirmed that', 'denied reports that',
  'told reporters that', 'insisted that', 'argued in a statement that', 'claimed that', 'acknowledged that',
];
const CLAIMS = [
  'inflation would fall below three percent by the end of the year',
  'the new policy had already created more than forty thousand jobs',
  'the agreement would be signed within the next two weeks',
  'unemployment among young people had doubled since the last election',
  'the budget deficit was the lowest in a decade',
  'emergency funding would reach the affected areas by Friday',
  'the number of hospital admissions had risen sharply over the weekend',
  'the company had paid no tax on its profits for three years',
  'turnout in the referendum exceeded sixty percent',
  'the bridge would reopen to traffic before the summer',
  'more than two million households were still without power',
  'the talks had collapsed after a dispute over border controls',
];
const QUOTES = [
  'We will not accept any deal that puts our workers at risk',
  'This is a historic day for the whole country',
  'The figures speak for themselves',
  'Nobody has been able to explain where the money went',
  'We are doing everything we can to help the families affected',
  'There is no evidence to support these allegations',
  'The situation remains extremely serious',
  'We expect to see results within months, not years',
];
const FILLERS = [
  'The announcement came after weeks of speculation.',
  'Officials did not respond to requests for comment.',
  'The decision is expected to face legal challenges.',
  'Analysts said the move could affect markets across the region.',
  'Critics called the plan unrealistic and poorly funded.',
  'The report has not been independently verified.',
  'Protesters gathered outside the building on Monday evening.',
  'Details of the proposal are due to be published next month.',
  'The figures were released by the national statistics office.',
  'Several members of the coalition have expressed concern.',
];
const EMOJI = ['🌍', '📰', '📈', '🗳️', '⚡'];
const COMBINING = ['Cafe\u0301 Européen', 'Jose\u0301 Mari\u0301a', 'Ame\u0301lie'];

function sentence(r, unicode) {
  const person = unicode && r.next() < 0.5 ? r.pick(PEOPLE_UNICODE) : r.pick(PEOPLE);
  const place = unicode && r.next() < 0.5 ? r.pick(PLACES_UNICODE) : r.pick(PLACES);
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const [open, close] = unicode ? ['“', '”'] : ['"', '"'];
  switch (r.int(0, 5)) {
    case 0:
      return `${cap(person)} ${r.pick(VERBS)} ${r.pick(CLAIMS)}.`;
    case 1:
      return `${open}${r.pick(QUOTES)},${close} ${person} said in ${place}.`;
    case 2:
      return `According to ${r.pick(ORGS)}, ${r.pick(CLAIMS)}.`;
    case 3:
      return `In ${place}, ${r.pick(ORGS)} ${r.pick(VERBS)} ${r.pick(CLAIMS)}.`;
    case 4:
      return unicode
        ? `${cap(person)}’s office said the plan was ‘${r.pick(['final', 'premature', 'overdue'])}’ ${r.pick(EMOJI)}.`
        : r.pick(FILLERS);
    default:
      return unicode && r.next() < 0.5 ? `${r.pick(COMBINING)} — ${r.pick(FILLERS).toLowerCase()}` : r.pick(FILLERS);
  }
}

/** Paragraphs of about 600 characters, joined by "\n", up to about `bytes` bytes of UTF-8. */
export function generateText(r, bytes, unicode) {
  const paras = [];
  let size = 0;
  for (;;) {
    const target = r.int(500, 700);
    let p = '';
    while (p.length < target) {
      const next = sentence(r, unicode);
      if (p.length >= 450 && p.length + 1 + next.length > 760) break;
      p += (p ? ' ' : '') + next;
    }
    const pBytes = Buffer.byteLength(p, 'utf8') + (paras.length ? 1 : 0);
    if (paras.length > 0 && size + pBytes > bytes) break;
    paras.push(p);
    size += pBytes;
  }
  return paras.join('\n');
}

// --- Annotations ------------------------------------------------------------------------------------

/**
 * The code points of `text` and, per code point index, whether a grapheme cluster starts there
 * (`boundary[chars.length]` is true: the end of the text).
 */
export function analyse(text) {
  const chars = [...text];
  const boundary = new Uint8Array(chars.length + 1);
  boundary[chars.length] = 1;
  if (/^[\x00-\x7f]*$/.test(text)) {
    boundary.fill(1);
  } else {
    // Line by line: Intl.Segmenter gets slow on one long string.
    const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
    let base = 0;
    for (const line of text.split('\n')) {
      let cp = base;
      let unit = 0;
      for (const { index } of seg.segment(line)) {
        while (unit < index) unit += chars[cp++].length;
        boundary[cp] = 1;
      }
      base += [...line].length;
      boundary[base] = 1; // the "\n" itself is a grapheme
      base += 1;
    }
  }
  // Lines (paragraphs) as [start, end) in code points.
  const lines = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || chars[i] === '\n') {
      lines.push([start, i]);
      start = i + 1;
    }
  }
  return { chars, boundary, lines };
}

const isSpace = (ch) => /\s/u.test(ch);

/**
 * A valid span near [start, start+len) inside line [lo, hi): moved to grapheme boundaries, without
 * whitespace at either end, 5–35 code points. Returns null when none fits there.
 */
function fitSpan(t, lo, hi, start, len) {
  const { chars, boundary } = t;
  let s = Math.max(lo, Math.min(start, hi - MIN_SPAN));
  while (s < hi && (!boundary[s] || isSpace(chars[s]))) s++;
  let e = Math.min(hi, s + len);
  while (e > s && !boundary[e]) e--;
  while (e > s && isSpace(chars[e - 1])) {
    e--;
    while (e > s && !boundary[e]) e--;
  }
  // Grow to the minimum length if the trimming took too much.
  while (e - s < MIN_SPAN && e < hi) {
    e++;
    while (e < hi && !boundary[e]) e++;
    while (e < hi && isSpace(chars[e - 1])) e++;
  }
  if (e - s < MIN_SPAN || e - s > MAX_SPAN || e > hi || isSpace(chars[e - 1]) || isSpace(chars[s])) return null;
  if (!boundary[s] || !boundary[e]) return null;
  return [s, e];
}

function labelled(r, [start, end]) {
  const label = r.pick(LABELS);
  return { start, end, label, kind: label === 'entity' ? r.pick(KINDS) : null };
}

/** A span of random length in a random place of line [lo, hi). */
function randomSpanIn(r, t, lo, hi, tries = 50) {
  for (let k = 0; k < tries; k++) {
    const len = r.int(MIN_SPAN, MAX_SPAN);
    if (hi - lo < MIN_SPAN) return null;
    const span = fitSpan(t, lo, hi, r.int(lo, Math.max(lo, hi - len)), len);
    if (span) return span;
  }
  return null;
}

const lineOf = (t, at) => {
  let a = 0;
  let b = t.lines.length - 1;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (t.lines[m][0] <= at) a = m;
    else b = m - 1;
  }
  return t.lines[a];
};

/**
 * `count` spans spread evenly: the text is cut into `count` equal slots and each span starts in its own
 * slot, so they do not overlap while there is room (10 KB with 10,000 annotations has none: there they
 * overlap). Slots that fall on a line break move to the line.
 */
function spreadSpans(r, t, count) {
  const n = t.chars.length;
  const slot = n / count;
  const spans = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor(i * slot);
    const to = Math.max(from + 1, Math.floor((i + 1) * slot));
    // With room for a whole span in the slot, keep the span inside it (no overlaps).
    const roomy = to - from >= 2 * MIN_SPAN;
    let span = null;
    for (let k = 0; k < 40 && !span; k++) {
      const at = r.int(from, roomy ? to - MIN_SPAN : to - 1);
      const [lo, hi] = lineOf(t, Math.min(at, n - 1));
      const room = (roomy ? Math.min(hi, to) : Math.min(hi, Math.max(to, at + MAX_SPAN))) - at;
      const len = Math.max(MIN_SPAN, Math.min(r.int(MIN_SPAN, MAX_SPAN), room));
      span = fitSpan(t, lo, roomy ? Math.min(hi, to) : hi, at, len);
    }
    if (!span) {
      const [lo, hi] = lineOf(t, Math.min(from, n - 1));
      span = randomSpanIn(r, t, lo, hi);
    }
    if (!span) throw new Error(`could not place annotation ${i + 1} of ${count}`);
    spans.push(span);
  }
  return spans;
}

/** Nested: inside `outer` (strictly when it is long enough). Crossing: starts inside `outer`, ends after it. */
function nestedIn(r, t, [s, e]) {
  const [lo, hi] = lineOf(t, s);
  void lo;
  if (e - s >= MIN_SPAN + 2) {
    for (let k = 0; k < 20; k++) {
      const len = r.int(MIN_SPAN, e - s - 2);
      const span = fitSpan(t, s + 1, e - 1, r.int(s + 1, e - 1 - len), len);
      if (span && span[0] > s && span[1] < e) return span;
    }
  }
  return e <= hi ? [s, e] : null;
}
function crossing(r, t, [s, e]) {
  const [, hi] = lineOf(t, s);
  for (let k = 0; k < 20; k++) {
    const from = r.int(s + 1, e - 1);
    const len = r.int(MIN_SPAN, MAX_SPAN);
    const span = fitSpan(t, from, hi, from, len);
    if (span && span[0] > s && span[0] < e && span[1] > e) return span;
  }
  return null;
}

/** Generate the fixture `spec` (an entry of FIXTURES): {article, annotations}. */
export function generate(spec) {
  const r = rng(seedOf(spec.name));
  const text = generateText(r, spec.bytes, spec.variant === 'unicode');
  const t = analyse(text);
  let spans;
  if (spec.variant === 'overlap') {
    const nested = Math.round(spec.count * 0.1);
    const crossed = Math.round(spec.count * 0.05);
    spans = spreadSpans(r, t, spec.count - nested - crossed);
    const base = spans.slice();
    for (const [want, make] of [[nested, nestedIn], [crossed, crossing]]) {
      let made = 0;
      for (let k = 0; made < want && k < want * 50; k++) {
        const span = make(r, t, r.pick(base));
        if (span) {
          spans.push(span);
          made++;
        }
      }
      if (made < want) throw new Error(`${spec.name}: only ${made} of ${want} overlapping spans`);
    }
  } else if (spec.variant === 'dense') {
    const [lo, hi] = t.lines[spec.denseParagraph];
    spans = [];
    for (let i = 0; i < spec.denseCount; i++) spans.push(randomSpanIn(r, t, lo, hi));
    // The rest over the other lines.
    const rest = spreadSpans(r, t, spec.count - spec.denseCount).filter(([s]) => s < lo || s >= hi);
    while (rest.length < spec.count - spec.denseCount) {
      const line = r.pick(t.lines.filter((l) => l !== t.lines[spec.denseParagraph]));
      const span = randomSpanIn(r, t, line[0], line[1]);
      if (span) rest.push(span);
    }
    spans.push(...rest);
  } else {
    spans = spreadSpans(r, t, spec.count);
  }
  const annotations = spans
    .map((span) => labelled(r, span))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((a, i) => ({ id: `b${i + 1}`, ...a }));
  return {
    article: { id: 'bench', title: `Benchmark ${spec.name}: ${annotations.length} annotations`, text },
    annotations,
  };
}

/** Write every fixture (or only `names`) into `dir`; returns [{name, path, bytes, chars, annotations}]. */
export function writeFixtures(dir = DEFAULT_FIXTURE_DIR, names) {
  mkdirSync(dir, { recursive: true });
  const specs = names ? names.map(fixtureByName) : FIXTURES;
  return specs.map((spec) => {
    const data = generate(spec);
    const path = join(dir, `${spec.name}.json`);
    const json = JSON.stringify(data);
    writeFileSync(path, json);
    return {
      name: spec.name,
      path,
      bytes: Buffer.byteLength(data.article.text, 'utf8'),
      chars: [...data.article.text].length,
      paragraphs: data.article.text.split('\n').length,
      annotations: data.annotations.length,
      fileBytes: Buffer.byteLength(json),
    };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? DEFAULT_FIXTURE_DIR);
  const t0 = Date.now();
  for (const f of writeFixtures(dir)) {
    console.log(`${f.name.padEnd(20)} ${String(f.bytes).padStart(8)} bytes  ${String(f.paragraphs).padStart(5)} paragraphs  ${String(f.annotations).padStart(6)} annotations`);
  }
  console.log(`wrote ${FIXTURES.length} fixtures to ${dir} in ${Date.now() - t0} ms`);
}
