// The benchmark's seeded fixtures (bench/fixtures.mjs): the same bytes on every run, offsets in Unicode
// code points, and every span valid (5–35 code points, inside one line, on grapheme boundaries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, KINDS, LABELS, MAX_SPAN, MIN_SPAN, fixtureByName, generate, writeFixtures } from '../bench/fixtures.mjs';

const sha = (data) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
const cache = new Map();
const fixture = (name) => {
  if (!cache.has(name)) cache.set(name, generate(fixtureByName(name)));
  return cache.get(name);
};

/** Grapheme cluster starts, as code point indexes, computed independently of the generator. */
function graphemeStarts(text) {
  // In ASCII text (no "\r\n") every character is a grapheme of its own.
  if (/^[\x00-\x7f]*$/.test(text) && !text.includes('\r')) return { has: (i) => i >= 0 && i <= text.length };
  const starts = new Set();
  const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
  let cpBase = 0;
  for (const line of text.split('\n')) {
    const chars = [...line];
    // UTF-16 index -> code point index within the line.
    const cpAt = new Map();
    let u = 0;
    chars.forEach((c, i) => {
      cpAt.set(u, i);
      u += c.length;
    });
    cpAt.set(u, chars.length);
    for (const { index } of seg.segment(line)) starts.add(cpBase + cpAt.get(index));
    starts.add(cpBase + chars.length);
    cpBase += chars.length + 1;
  }
  return starts;
}

test('fixtures are the same on every run (seeded), and writeFixtures writes exactly generate()', () => {
  for (const name of ['10k-100', 'overlap-100k-1000', 'dense-100k-1000', 'unicode-100k-1000']) {
    assert.equal(sha(generate(fixtureByName(name))), sha(fixture(name)), `${name} is deterministic`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-fixtures-'));
  try {
    const [written] = writeFixtures(dir, ['10k-1000']);
    assert.deepEqual(JSON.parse(readFileSync(written.path, 'utf8')), fixture('10k-1000'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.notEqual(sha(fixture('10k-100').article.text), sha(fixture('10k-1000').article.text), 'each fixture has its own seed');
});

for (const spec of FIXTURES) {
  test(`${spec.name}: size, paragraphs and valid code point spans`, () => {
    const { article, annotations } = fixture(spec.name);
    assert.equal(article.id, 'bench');
    assert.equal(typeof article.title, 'string');
    const { text } = article;
    const bytes = Buffer.byteLength(text, 'utf8');
    assert.ok(bytes <= spec.bytes && bytes >= spec.bytes * 0.93, `${bytes} bytes of text, about ${spec.bytes}`);
    const lines = text.split('\n');
    for (const line of lines) {
      const n = [...line].length;
      assert.ok(n >= 400 && n <= 800, `a paragraph of about 600 characters (this one has ${n})`);
    }
    assert.equal(annotations.length, spec.count);

    const chars = [...text];
    const starts = graphemeStarts(text);
    const ids = new Set();
    let lastStart = -1;
    for (const a of annotations) {
      assert.deepEqual(Object.keys(a), ['id', 'start', 'end', 'label', 'kind'], `fields of ${a.id}`);
      assert.ok(!ids.has(a.id), `unique id ${a.id}`);
      ids.add(a.id);
      assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end), `${a.id}: integer offsets`);
      assert.ok(a.start >= 0 && a.end <= chars.length, `${a.id}: inside the text`);
      assert.ok(a.end - a.start >= MIN_SPAN && a.end - a.start <= MAX_SPAN, `${a.id}: ${a.end - a.start} code points`);
      assert.ok(a.start >= lastStart, 'sorted by start');
      lastStart = a.start;
      const exact = chars.slice(a.start, a.end).join('');
      assert.ok(!exact.includes('\n'), `${a.id}: inside one paragraph`);
      assert.ok(!/^\s|\s$/u.test(exact), `${a.id}: no whitespace at either end: ${JSON.stringify(exact)}`);
      assert.ok(starts.has(a.start) && starts.has(a.end), `${a.id}: on grapheme boundaries: ${JSON.stringify(exact)}`);
      assert.ok(LABELS.includes(a.label), `${a.id}: label ${a.label}`);
      assert.ok(a.label === 'entity' ? KINDS.includes(a.kind) : a.kind === null, `${a.id}: kind ${a.kind} for ${a.label}`);
    }
    assert.deepEqual(new Set(annotations.map((a) => a.label)), new Set(LABELS), 'all three labels occur');
  });
}

test('unicode fixture: curly quotes, accents, emoji; offsets are code points, not UTF-16 units', () => {
  const { article, annotations } = fixture('unicode-100k-1000');
  const { text } = article;
  for (const needle of ['“', '”', '’', 'é', 'ü', '\u0301', '🇺🇦']) assert.ok(text.includes(needle), `text has ${needle}`);
  assert.ok(/\p{Extended_Pictographic}/u.test(text), 'text has an emoji');
  const chars = [...text];
  assert.ok(chars.length < text.length, 'the text has characters outside the BMP');
  // Somewhere the two units disagree, and the code point reading is the one that holds.
  // UTF-16 index of each code point index.
  const utf16 = [0];
  for (const c of chars) utf16.push(utf16[utf16.length - 1] + c.length);
  const astralBefore = annotations.filter((a) => utf16[a.start] !== a.start);
  assert.ok(astralBefore.length > annotations.length / 2, 'most annotations sit after an astral character');
  const a = astralBefore[astralBefore.length - 1];
  const exact = chars.slice(a.start, a.end).join('');
  assert.notEqual(text.slice(a.start, a.end), exact, 'reading the offsets as UTF-16 indexes would give other text');
  assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(exact), 'no half surrogate pair at either end');
  const withNonAscii = annotations.filter((x) => /[^\x00-\x7f]/.test(chars.slice(x.start, x.end).join('')));
  assert.ok(withNonAscii.length >= 50, `spans over non-ASCII text (${withNonAscii.length})`);
  const withAstral = annotations.filter((x) => /[\ud800-\udfff]/.test(chars.slice(x.start, x.end).join('')));
  assert.ok(withAstral.length >= 5, `spans over an emoji or flag (${withAstral.length})`);
});

test('overlap fixture: about 10 % nested and 5 % crossing; plain fixtures with room do not overlap', () => {
  const count = (annotations) => {
    let nested = 0;
    let crossing = 0;
    for (const a of annotations) {
      if (annotations.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start)) nested++;
      if (annotations.some((b) => b !== a && b.start < a.start && a.start < b.end && a.end > b.end)) crossing++;
    }
    return { nested, crossing };
  };
  const { nested, crossing } = count(fixture('overlap-100k-1000').annotations);
  assert.ok(nested >= 80 && nested <= 130, `nested: ${nested} of 1000`);
  assert.ok(crossing >= 40 && crossing <= 70, `crossing: ${crossing} of 1000`);
  const plain = count(fixture('100k-1000').annotations);
  assert.deepEqual(plain, { nested: 0, crossing: 0 }, '100k-1000 has no overlaps');
});

test('dense fixture: 500 annotations in one paragraph', () => {
  const { article, annotations } = fixture('dense-100k-1000');
  const spec = fixtureByName('dense-100k-1000');
  const lines = article.text.split('\n');
  let lo = 0;
  for (let i = 0; i < spec.denseParagraph; i++) lo += [...lines[i]].length + 1;
  const hi = lo + [...lines[spec.denseParagraph]].length;
  const inside = annotations.filter((a) => a.start >= lo && a.end <= hi);
  assert.ok(inside.length >= 500, `${inside.length} annotations in paragraph ${spec.denseParagraph}`);
});
