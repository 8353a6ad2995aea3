// A class's work made outside the app, for the class-database test (issue 17): a student's annotations on
// a bundled article's text, their submission file (the app's shape, see src/domain/features/classroom/
// submission.rs), the same work as a native export to load through "Load file", and CouchDB sessions
// for students driven at the protocol level.
import { couchRequest } from './couch.mjs';

export const OFFSETS = 'unicode-code-points, end-exclusive';

/** Every span of one to three words in `chars`, in text order: [start, end) in code points. */
function wordSpans(chars) {
  const words = [];
  let start = null;
  chars.forEach((c, i) => {
    const inWord = /[\p{L}\p{N}]/u.test(c);
    if (inWord && start === null) start = i;
    if (!inWord && start !== null) {
      words.push([start, i]);
      start = null;
    }
  });
  if (start !== null) words.push([start, chars.length]);
  const spans = [];
  for (let n = 1; n <= 3; n += 1) {
    for (let i = 0; i + n <= words.length; i += 1) spans.push([words[i][0], words[i + n - 1][1]]);
  }
  return spans;
}

/**
 * `count` annotation records of student number `n` on article `id` (its code points `chars`, as
 * loadSeeds gives them): spans picked by a small seeded
 * generator, so students agree on some and differ on others; quotes and person entities alternate.
 */
export function studentRecords(id, chars, n, count) {
  const spans = wordSpans(chars);
  // xorshift32: exact in 32-bit integers, so every student's picks are the same on every run.
  let seed = (n * 7919 + 17) | 0;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const picked = new Set();
  while (picked.size < count) picked.add(next() % spans.length);
  const at = '2026-12-07T09:00:00.000Z';
  return [...picked]
    .sort((a, b) => a - b)
    .map((k, i) => {
      const [start, end] = spans[k];
      const entity = i % 2 === 1;
      return {
        id: `s${n}-a${i}`,
        article: id,
        label: entity ? 'entity' : 'quote',
        kind: entity ? 'person' : null,
        note: '',
        start,
        end,
        exact: chars.slice(start, end).join(''),
        prefix: chars.slice(Math.max(0, start - 32), start).join(''),
        suffix: chars.slice(end, end + 32).join(''),
        created: at,
        updated: at,
      };
    });
}

/** The submission file of `student` for `exercise` (its students' copy, parsed) holding `records`. */
export function submissionFile(exercise, student, records) {
  return {
    format: 'news-annotator-submission',
    version: 1,
    exercise: exercise.id,
    exercise_title: exercise.title,
    student,
    saved: '2026-12-07T10:00:00.000Z',
    offsets: OFFSETS,
    articles: exercise.articles.map(({ id, title, sha256, length }) => ({ id, title, sha256, length })),
    annotations: records,
  };
}

/** The same records as the app's own export file, for "Load file". */
export function nativeFile(exercise, records) {
  return {
    format: 'news-annotator',
    version: 2,
    exported: '2026-12-07T09:30:00.000Z',
    offsets: OFFSETS,
    articles: exercise.articles.map(({ id, title, sha256, length }) => ({ id, title, sha256, length })),
    annotations: records,
    entities: [],
  };
}

/** A CouchDB session of `name` at `base` (CouchDB's URL ending in `/`): requests sent with its cookie. */
export async function signedIn(base, name, password) {
  const res = await couchRequest(base, '_session', { method: 'POST', body: { name, password } });
  if (res.status !== 200) throw new Error(`${name} could not sign in: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return (path, init = {}) => couchRequest(base, path, { ...init, headers: { cookie, ...init.headers } });
}
