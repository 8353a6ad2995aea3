// The export file's JSON Schema accepts the app's own example export and rejects broken copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/paths.mjs';
import { describeErrors, exportValidator } from './support/schema.mjs';

const fixture = () => JSON.parse(readFileSync(join(FIXTURES, 'native-export.json'), 'utf8'));

test('tests/fixtures/native-export.json is valid against schema/news-annotator-v1.schema.json', () => {
  const validate = exportValidator();
  const data = fixture();
  assert.ok(Array.isArray(data.annotations) && data.annotations.length > 0, 'the fixture has annotations');
  assert.ok(validate(data), `schema errors:\n${describeErrors(validate.errors)}`);
});

test('an annotation labelled "rumour" is rejected', () => {
  const validate = exportValidator();
  const data = fixture();
  data.annotations[0].label = 'rumour';
  assert.equal(validate(data), false, 'a label outside claim/quote/entity must not validate');
  assert.ok(
    validate.errors.some((e) => e.instancePath.startsWith('/annotations/0')),
    `the error points into /annotations/0:\n${describeErrors(validate.errors)}`,
  );
});

test('an annotation without "end" is rejected', () => {
  const validate = exportValidator();
  const data = fixture();
  delete data.annotations[0].end;
  assert.equal(validate(data), false, 'an annotation without end must not validate');
  assert.ok(
    validate.errors.some((e) => e.instancePath.startsWith('/annotations/0') && (e.params?.missingProperty === 'end' || /end/.test(e.message))),
    `an error names the missing end:\n${describeErrors(validate.errors)}`,
  );
});
