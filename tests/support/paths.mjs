// Paths of the repository, its build output and its bundled articles.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(REPO_ROOT, 'dist');
/** The JSON Schema of version `version` of the export file. */
export const schemaPath = (version) => join(REPO_ROOT, 'schema', `news-annotator-v${version}.schema.json`);
export const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures');

/**
 * The bundled articles, from seeds/manifest.json: [{id, title, file, text, chars, sha256}], where
 * `chars` is the text as an array of Unicode code points (the unit of every offset in the app).
 */
export function loadSeeds() {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', 'manifest.json'), 'utf8'));
  return manifest.map((entry) => {
    const text = readFileSync(join(REPO_ROOT, 'seeds', entry.file), 'utf8');
    return {
      ...entry,
      text,
      chars: [...text],
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    };
  });
}

/** Code points `start..end` (end exclusive) of `chars`, as a string. */
export function sliceChars(chars, start, end) {
  return chars.slice(start, end).join('');
}
