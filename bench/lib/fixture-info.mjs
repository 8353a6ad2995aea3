// What the harness needs to know about a fixture: its lines (paragraphs) in code points and UTF-16, and
// where to make the 20 annotations of an "add" run (seeded, so every run and both sides use the same).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureByName, mulberry32, seedOf } from '../fixtures.mjs';

/** {name, spec, text, annotations, lines: [{index, start, end, text}]} (start/end in code points). */
export function loadFixture(dir, name) {
  const data = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  const lines = [];
  let start = 0;
  data.article.text.split('\n').forEach((text, index) => {
    const n = [...text].length;
    lines.push({ index, start, end: start + n, text });
    start += n + 1;
  });
  return { name, spec: fixtureByName(name), text: data.article.text, annotations: data.annotations, lines };
}

/**
 * `count` places to select: [{line, a, b, text}] with a/b UTF-16 indexes within the line, starting at a
 * word and ending at a word's end, 15–30 characters. Spread evenly over the document, or all in the dense
 * paragraph for the dense fixture.
 */
export function addTargets(fixture, count = 20) {
  const next = mulberry32(seedOf(`${fixture.name}/adds`));
  const { lines, spec } = fixture;
  const chosen = [];
  for (let k = 0; k < count; k++) {
    const line = spec.variant === 'dense' ? lines[spec.denseParagraph] : lines[Math.floor(((k + 0.5) * lines.length) / count)];
    chosen.push({ line, ...wordRange(line.text, next) });
  }
  return chosen;
}

function wordRange(text, next) {
  const starts = [];
  for (let i = 0; i < text.length - 40; i++) {
    if ((i === 0 || text[i - 1] === ' ') && /\p{L}/u.test(text[i])) starts.push(i);
  }
  for (let tries = 0; tries < 100; tries++) {
    const a = starts[Math.floor(next() * starts.length)];
    for (let b = a + 15; b <= Math.min(text.length, a + 30); b++) {
      if (/\p{L}/u.test(text[b - 1]) && (b === text.length || /[\s,.;:’”"]/u.test(text[b]))) {
        return { a, b, text: text.slice(a, b) };
      }
    }
  }
  throw new Error(`no word range of 15–30 characters in ${JSON.stringify(text.slice(0, 40))}…`);
}
