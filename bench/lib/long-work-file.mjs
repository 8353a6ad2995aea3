// The files of the long-work cells (issue 15): the app's own export format (version 1, as
// visit-article.mjs's nativeFile) with annotations on every bundled article. `bigImportJson` repeats the
// same annotations with fresh ids until the file holds a given number of bytes (the 50 MB import);
// `exportJson` has a given number of distinct annotations (the 10,000 exported). Pure, but for
// bundledArticles (reads seeds/) and writeOnce (writes the file unless the same is there).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articleOf, nativeFile, savedSpans } from './visit-article.mjs';

/** The size of the big import: 50 MB. */
export const BIG_IMPORT_BYTES = 50 * 1000 * 1000;
/** The annotations of the big export. */
export const EXPORT_COUNT = 10_000;

/** Every article of seeds/manifest.json, in its order, as articleOf makes them. */
export function bundledArticles(repoRoot) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'manifest.json'), 'utf8'));
  return manifest.map((e) => articleOf(e.id, e.title, readFileSync(join(repoRoot, 'seeds', e.file), 'utf8')));
}

/**
 * `count` annotations spread evenly over `articles` (the first ones take the remainder), each article's
 * distinct whole-word spans (savedSpans), as native records with ids unique across articles; and the
 * articles' records. Returns the parsed object of nativeFile's shape.
 */
export function spreadFile(articles, count) {
  const per = Math.floor(count / articles.length);
  const extra = count % articles.length;
  const files = articles.map((a, i) => {
    const spans = savedSpans(a, per + (i < extra ? 1 : 0)).map((s) => ({ ...s, id: `${a.id}-${s.id}` }));
    return nativeFile(a, spans);
  });
  return { ...files[0], articles: files.flatMap((f) => f.articles), annotations: files.flatMap((f) => f.annotations) };
}

/** The native file of `count` distinct annotations over `articles`, as JSON text. */
export function exportJson(articles, count = EXPORT_COUNT) {
  return JSON.stringify(spreadFile(articles, count));
}

/**
 * The native file of at least `bytes` UTF-8 bytes (and less than one annotation more): `base` annotations
 * over `articles` (spreadFile), then the same again with fresh ids (`r<round>-<id>`) until the size is
 * reached. Returns {json, annotations, distinct}.
 */
export function bigImportJson(articles, bytes = BIG_IMPORT_BYTES, base = 2000) {
  const file = spreadFile(articles, base);
  const records = file.annotations;
  const head = JSON.stringify({ ...file, annotations: [] });
  const open = head.slice(0, -2); // without the closing "]}"
  const parts = [];
  let size = Buffer.byteLength(open) + 2;
  for (let n = 0; size < bytes; n++) {
    const r = records[n % records.length];
    const part = JSON.stringify({ ...r, id: `r${Math.floor(n / records.length)}-${r.id}` });
    size += Buffer.byteLength(part) + (n ? 1 : 0);
    parts.push(part);
  }
  return { json: `${open}${parts.join(',')}]}`, annotations: parts.length, distinct: Math.min(parts.length, records.length) };
}

/** The corpus of issue 16's scale bar: 1,000 texts, 50,000 spans, about 5 MB. */
export const CORPUS = { texts: 1000, spans: 50_000, bytes: 5_000_000 };

const CORPUS_WORDS = ['Ana', 'Kyiv', 'minister', 'said', 'the', 'deal', 'was', 'signed', 'in', 'Geneva', 'by', 'Acme', 'Corp', 'on', 'Monday', 'after', 'talks'];
const CORPUS_LABELS = ['PER', 'LOC', 'ORG', 'GPE', 'DATE'];

/**
 * A doccano JSONL corpus of `texts` distinct texts of about `bytes / texts` bytes each (ASCII words, so
 * code points and UTF-16 units agree), with `spans` one-word spans spread evenly over them, labelled
 * PER, LOC, ORG, GPE and DATE in turn (DATE is left out by the default mapping). Returns {jsonl, texts,
 * spans, bytes}.
 */
export function corpusJsonl({ texts, spans, bytes } = CORPUS) {
  const per = Math.floor(spans / texts);
  const lines = [];
  for (let i = 0; i < texts; i++) {
    const words = [`Report`, `${i}:`];
    let length = words.join(' ').length;
    // The text takes what its line's spans and keys leave of its share of the bytes.
    for (let w = 0; length < bytes / texts - 60 - per * 17; w++) {
      const word = CORPUS_WORDS[(w * 7 + i) % CORPUS_WORDS.length];
      words.push(word);
      length += word.length + 1;
    }
    const text = words.join(' ');
    const starts = [];
    for (let at = 0, w = 0; w < words.length; at += words[w].length + 1, w++) starts.push([at, at + words[w].length]);
    const step = Math.floor((starts.length - 2) / per);
    const label = [];
    for (let k = 0; k < per; k++) {
      const [s, e] = starts[2 + k * step];
      label.push([s, e, CORPUS_LABELS[(i + k) % CORPUS_LABELS.length]]);
    }
    lines.push(JSON.stringify({ text, label, title: `Report ${i}` }));
  }
  const jsonl = `${lines.join('\n')}\n`;
  return { jsonl, texts, spans: per * texts, bytes: Buffer.byteLength(jsonl) };
}

/** Writes `text` to `file` unless the file holds it already; returns {file, bytes, sha256}. */
export function writeOnce(file, text) {
  const data = Buffer.from(text);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const same = existsSync(file) && statSync(file).size === data.length && createHash('sha256').update(readFileSync(file)).digest('hex') === sha256;
  if (!same) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  return { file, bytes: data.length, sha256 };
}
