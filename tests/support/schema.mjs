// The export file's JSON Schema (draft 2020-12), compiled with Ajv.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { SCHEMA_PATH } from './paths.mjs';

let cached;

/** A validate(data) function for schema/news-annotator-v1.schema.json; errors in validate.errors. */
export function exportValidator() {
  if (!cached) {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    cached = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return cached;
}

/** Human-readable Ajv errors, one per line. */
export function describeErrors(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}
