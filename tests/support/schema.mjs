// The export file's JSON Schemas (draft 2020-12), compiled with Ajv: one per version of the file.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { schemaPath } from './paths.mjs';

/** The newest version of the export file, which the app writes. */
export const EXPORT_VERSION = 2;

const cached = new Map();

/**
 * A validate(data) function for schema/news-annotator-v<version>.schema.json (the newest by default);
 * errors in validate.errors.
 */
export function exportValidator(version = EXPORT_VERSION) {
  if (!cached.has(version)) {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    cached.set(version, ajv.compile(JSON.parse(readFileSync(schemaPath(version), 'utf8'))));
  }
  return cached.get(version);
}

/** Human-readable Ajv errors, one per line. */
export function describeErrors(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}
