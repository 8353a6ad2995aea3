// The export file's JSON Schemas accept the app's own example exports and reject broken copies:
// version 1 (tests/fixtures/native-export.json, written before version 2 and still read) and version 2
// (tests/fixtures/native-export-v2.json, the golden file of today's export).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/paths.mjs';
import { describeErrors, exportValidator } from './support/schema.mjs';

const GOLDENS = { 1: 'native-export.json', 2: 'native-export-v2.json' };

const fixture = (version) => JSON.parse(readFileSync(join(FIXTURES, GOLDENS[version]), 'utf8'));

for (const version of [1, 2]) {
  test(`tests/fixtures/${GOLDENS[version]} is valid against schema/news-annotator-v${version}.schema.json`, () => {
    const validate = exportValidator(version);
    const data = fixture(version);
    assert.equal(data.version, version);
    assert.ok(Array.isArray(data.annotations) && data.annotations.length > 0, 'the fixture has annotations');
    assert.ok(validate(data), `schema errors:\n${describeErrors(validate.errors)}`);
  });

  test(`v${version}: an annotation labelled "rumour" is rejected`, () => {
    const validate = exportValidator(version);
    const data = fixture(version);
    data.annotations[0].label = 'rumour';
    assert.equal(validate(data), false, 'a label outside claim/quote/entity must not validate');
    assert.ok(
      validate.errors.some((e) => e.instancePath.startsWith('/annotations/0')),
      `the error points into /annotations/0:\n${describeErrors(validate.errors)}`,
    );
  });

  test(`v${version}: an annotation without "end" is rejected`, () => {
    const validate = exportValidator(version);
    const data = fixture(version);
    delete data.annotations[0].end;
    assert.equal(validate(data), false, 'an annotation without end must not validate');
    assert.ok(
      validate.errors.some((e) => e.instancePath.startsWith('/annotations/0') && (e.params?.missingProperty === 'end' || /end/.test(e.message))),
      `an error names the missing end:\n${describeErrors(validate.errors)}`,
    );
  });
}

test('the version 2 golden holds what version 2 adds: an own article with its text, entries, links and attributes', () => {
  const data = fixture(2);
  const own = data.articles.filter((a) => a.own);
  assert.equal(own.length, 1);
  assert.match(own[0].text, /\r\n/);
  assert.equal([...own[0].text].length, own[0].length, 'length counts code points');
  assert.ok(data.entities.length > 0);
  assert.ok(data.annotations.some((a) => a.source) && data.annotations.some((a) => a.entity) && data.annotations.some((a) => a.check));
  const ids = new Set(data.entities.map((e) => e.id));
  for (const a of data.annotations.filter((x) => x.entity)) assert.ok(ids.has(a.entity), `${a.id} refers to a listed entry`);
});

test('version 1 has none of version 2: entities, own articles and attributes are rejected', () => {
  const validate = exportValidator(1);
  const v2 = fixture(2);
  assert.equal(validate({ ...v2, version: 1 }), false);
  const v1 = fixture(1);
  v1.annotations[0].entity = 'ent-1';
  assert.equal(validate(v1), false, 'a v1 annotation has no entity');
});

test('v2: broken version 2 records are rejected where they are', () => {
  const validate = exportValidator(2);
  const cases = [
    ['an own article without its text', (d) => { delete d.articles.find((a) => a.own).text; }, '/articles/'],
    ['a text on an article that is not own', (d) => { d.articles[0].text = 'x'; }, '/articles/0'],
    ['an entry of an unknown kind', (d) => { d.entities[0].kind = 'ghost'; }, '/entities/0/kind'],
    ['an entry with a blank name', (d) => { d.entities[0].name = ' '; }, '/entities/0/name'],
    ['an unknown check status', (d) => { d.annotations.find((a) => a.check).check = 'maybe'; }, '/annotations/'],
    ['an attribution on a quote', (d) => { d.annotations.find((a) => a.label === 'quote').attribution = 'outlet'; }, '/annotations/'],
    ['a source on an entity', (d) => { d.annotations.find((a) => a.label === 'entity').source = 'x'; }, '/annotations/'],
    ['a registry entry on a claim', (d) => { d.annotations.find((a) => a.label === 'claim').entity = 'x'; }, '/annotations/'],
    ['no entities list', (d) => { delete d.entities; }, ''],
  ];
  for (const [what, edit, where] of cases) {
    const data = fixture(2);
    edit(data);
    assert.equal(validate(data), false, `${what} must not validate`);
    assert.ok(
      validate.errors.some((e) => e.instancePath.startsWith(where)),
      `${what}: an error points into ${where || '/'}:\n${describeErrors(validate.errors)}`,
    );
  }
});
