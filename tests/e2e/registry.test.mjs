// End-to-end tests of the Entities view (the registry) in the release build, driven like a person: the
// spellings of one name are tagged with the real mouse in several articles, proposed as one new entry,
// created; places that look like it are accepted and rejected; entries are edited, merged and deleted.
//
// Run: bash scripts/test.sh build node   (or, with dist/ built: node --test tests/e2e/registry.test.mjs)
import { serveBuiltApp } from '../support/suite.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshot, withPage } from '../support/browser.mjs';
import { loadSeeds } from '../support/paths.mjs';
import {
  countsOf,
  openApp,
  openArticle,
  openEntities,
  savedState,
  sel,
  tag,
  waitForApp,
  waitForCount,
  waitForState,
} from '../support/app.mjs';

const SEEDS = loadSeeds();
const TEST_TIMEOUT = 120_000;

/** The four spellings of Scott Bessent in three articles, with where to find each. */
const BESSENT = [
  ['kyiv-post', 'Scott Besant'],
  ['ft-retold', 'Scott Bessent'],
  ['ft-retold', 'Bess', { after: 'office this week, ' }],
  ['arab-news', 'Scott Bassent'],
];

const app = serveBuiltApp();

/** Code point offset of `text` in the seed of article `id`, searching from the first `after`. */
function charOffset(id, text, after = '') {
  const s = SEEDS.find((x) => x.id === id).text;
  const at = s.indexOf(text, s.indexOf(after));
  assert.ok(at >= 0, `"${text}" is in ${id}`);
  return [...s.slice(0, at)].length;
}

/** Tag each [article, text, options] as a person with the mouse and "p"; returns the ids in order. */
async function tagPeople(page, list) {
  const ids = [];
  for (const [article, text, options] of list) {
    await openArticle(page, article);
    ids.push(await tag(page, text, { key: 'p' }, options));
  }
  return ids;
}

/** The proposed new entry whose mentions are exactly `ids`, as a locator (fails if none). */
async function proposalWith(page, ids) {
  const cards = page.locator(sel.newEntry);
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const have = await card.locator('input[type=checkbox]').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation')));
    if (JSON.stringify([...have].sort()) === JSON.stringify([...ids].sort())) return card;
  }
  assert.fail(`no proposed entry with exactly the mentions ${ids.join(', ')}`);
}

/** Create the proposed entry with exactly `ids` (optionally renamed) and return its new entry id. */
async function createEntry(page, ids, name) {
  const before = await page.$$eval(sel.entity, (els) => els.map((e) => e.getAttribute('data-entity')));
  const card = await proposalWith(page, ids);
  if (name) await card.locator('input[data-testid=new-entry-name]').fill(name);
  await card.locator(sel.createEntry).click();
  const handle = await page.waitForFunction(
    ({ selector, before }) => {
      const fresh = [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-entity')).filter((id) => !before.includes(id));
      return fresh.length === 1 ? fresh[0] : null;
    },
    { selector: sel.entity, before },
  );
  return handle.jsonValue();
}

/** The spellings an entry shows for each article: {article: ["Besant ×1", …]}. */
async function spellingsOf(page, entity) {
  return page.$$eval(`${sel.entityById(entity)} [data-testid=entity-mentions] li`, (lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute('data-article'), [...li.querySelectorAll('button')].map((b) => b.textContent.trim())])),
  );
}

/** Expand entry `entity` and wait for its proposals. */
async function expand(page, entity) {
  await page.click(`${sel.entityById(entity)} ${sel.entityExpand}`);
  await page.waitForSelector(`${sel.entityById(entity)} [data-testid=proposals]`);
}

describe('the Entities view in Chromium', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('spellings tagged in three articles become one entry; a proposed place is accepted, another rejected for good', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      const ids = await tagPeople(page, BESSENT);
      await waitForCount(page, 'arab-news', 'entity', 1);

      await openEntities(page);
      assert.equal(await page.isVisible(sel.articleText), false, 'the articles make way for the Entities view');
      const card = await proposalWith(page, ids);
      const spellings = await card.locator('[data-testid=new-entry-spellings]').textContent();
      for (const [, text] of BESSENT) assert.ok(spellings.includes(`${text} ×1`), `the proposal lists ${text}: ${spellings}`);
      assert.equal(await card.locator('select[data-testid=new-entry-kind]').inputValue(), 'person');
      await screenshot(page, 'registry-1-proposed');

      const entity = await createEntry(page, ids);
      const entry = sel.entityById(entity);
      assert.equal((await page.textContent(`${entry} [data-testid=entity-title]`)).trim(), 'Scott Bessent');
      assert.equal((await page.textContent(`${entry} [data-testid=mention-count]`)).trim(), '4 mentions');
      assert.deepEqual(await spellingsOf(page, entity), {
        'kyiv-post': ['Scott Besant ×1'],
        'ft-retold': ['Scott Bessent ×1', 'Bess ×1'],
        'arab-news': ['Scott Bassent ×1'],
      });
      assert.equal(await page.locator(sel.newEntry).count(), 0, 'the proposal is gone once the entry exists');

      // Accept an untagged place: it is tagged as a mention of the entry.
      await expand(page, entity);
      const besent = charOffset('kyiv-post', 'Besent');
      const accepted = sel.candidateAt('kyiv-post', besent);
      assert.equal(await page.getAttribute(accepted, 'data-state'), 'text', '"Besent" is untagged text');
      assert.match(await page.textContent(`${accepted} .why`), /Besent/);
      await page.click(`${accepted} ${sel.candidateAccept}`);
      await waitForCount(page, 'kyiv-post', 'entity', 2);
      await page.waitForSelector(accepted, { state: 'detached' });
      assert.deepEqual((await spellingsOf(page, entity))['kyiv-post'], ['Scott Besant ×1', 'Besent ×1']);
      assert.equal((await page.textContent(`${entry} [data-testid=mention-count]`)).trim(), '5 mentions');

      // Reject another: it goes, and stays gone after a reload.
      const besant = charOffset('kyiv-post', 'Besant', 'proposal presented by');
      const rejected = sel.candidateAt('kyiv-post', besant);
      await page.click(`${rejected} ${sel.candidateReject}`);
      await page.waitForSelector(rejected, { state: 'detached' });
      await screenshot(page, 'registry-2-accepted-rejected');
      const left = await page.locator(sel.candidates).count();
      assert.ok(left > 0, 'other places are still proposed');

      await waitForState(
        page,
        (state, { entity, start }) =>
          state.entities?.some((e) => e.id === entity && e.rejected?.some((r) => r.article === 'kyiv-post' && r.start === start)) &&
          state.annotations.filter((a) => a.entity === entity).length === 5,
        { entity, start: besant },
      );
      const saved = await savedState(page);
      const besentSaved = saved.annotations.find((a) => a.entity === entity && a.article === 'kyiv-post' && a.start === besent);
      assert.ok(besentSaved, 'the accepted place is saved as a mention of the entry');
      assert.equal(besentSaved.exact, 'Besent');
      assert.equal(besentSaved.kind, 'person');

      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 2 });
      await openEntities(page);
      await expand(page, entity);
      assert.equal(await page.locator(rejected).count(), 0, 'the rejected place is not proposed again');
      assert.equal(await page.locator(sel.candidates).count(), left, 'the other proposals are still there');

      // Accept all: every place left becomes a mention (one undo step for the tagged, one for the untagged).
      await page.click(`${entry} ${sel.acceptAll}`);
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 0, sel.candidates);
      assert.equal((await page.textContent(`${entry} [data-testid=mention-count]`)).trim(), `${5 + left} mentions`);
      assert.equal(await page.locator(rejected).count(), 0, 'the rejected place stays out');
      assert.equal((await countsOf(page, 'kyiv-post')).entity, 3, 'kyiv-post: the other "Besant" is tagged, the rejected one is not');

      // A mention opens its article with the annotation selected.
      await page.click(`${entry} ${sel.spelling('Bess')}`);
      await page.waitForSelector(`${sel.openArticle('ft-retold')} p.para`);
      assert.equal(await page.isVisible(sel.entitiesView), false, 'back to the articles');
      await page.waitForSelector(sel.detail);
      assert.equal((await page.textContent(`${sel.detail} blockquote.exact`)).trim(), 'Bess');
      assert.equal(await page.getAttribute(sel.item(ids[2]), 'data-annotation'), ids[2]);
      assert.equal(await page.getAttribute(`${sel.item(ids[2])} button`, 'aria-pressed'), 'true', 'the mention is selected');
    });
  });

  test('an entry is renamed, given aliases and a kind, merged into another, deleted, and undo brings it back', { timeout: TEST_TIMEOUT }, async () => {
    await withPage(app.browser, async ({ page }) => {
      await openApp(page, app.server.url);
      // Two entries: only mentions linked to no entry are proposed, so the second pair is tagged after
      // the first entry exists.
      const first = await tagPeople(page, [BESSENT[0], BESSENT[1]]);
      await openEntities(page);
      const a = await createEntry(page, first);
      await page.click(sel.entitiesToggle);
      const second = await tagPeople(page, [BESSENT[3], ['explainer', 'Scott Bessent']]);
      await openEntities(page);
      const b = await createEntry(page, second, 'S. Bassent');
      // Sorted by name: "S. Bassent" before "Scott Bessent".
      assert.deepEqual(await page.$$eval(sel.entity, (els) => els.map((e) => e.getAttribute('data-entity'))), [b, a]);

      // Edits commit on change (Enter or leaving the field), not on every key.
      await expand(page, a);
      const entryA = sel.entityById(a);
      await page.fill(`${entryA} ${sel.entityName}`, 'Scott Bessent (US Treasury)');
      await page.fill(`${entryA} ${sel.entityAliases}`, 'Bessent, Treasury Secretary,  , Bessent');
      await page.keyboard.press('Tab');
      await page.selectOption(`${entryA} ${sel.entityKind}`, 'organization');
      await waitForState(page, (state, a) => state.entities.some((e) => e.id === a && e.kind === 'organization'), a);
      let saved = (await savedState(page)).entities.find((e) => e.id === a);
      assert.equal(saved.name, 'Scott Bessent (US Treasury)');
      assert.deepEqual(saved.aliases, ['Bessent', 'Treasury Secretary']);
      assert.match(await page.textContent(`${entryA} [data-testid=entity-aliases-shown]`), /also Bessent, Treasury Secretary/);

      // Merge B into A: A keeps B's mentions and its name as an alias.
      await expand(page, b);
      const entryB = sel.entityById(b);
      await page.selectOption(`${entryB} ${sel.mergeTarget}`, a);
      await page.click(`${entryB} ${sel.merge}`);
      await page.waitForSelector(entryB, { state: 'detached' });
      assert.equal((await page.textContent(`${entryA} [data-testid=mention-count]`)).trim(), '4 mentions');
      assert.match(await page.textContent(`${entryA} [data-testid=entity-aliases-shown]`), /S\. Bassent/);
      await waitForState(page, (state, a) => state.entities.length === 1 && state.annotations.every((x) => x.entity === a), a);

      // Delete A: the mentions stay, unlinked; undo brings the entry and the links back.
      await expand(page, a);
      await page.click(`${entryA} ${sel.entityDelete}`);
      await page.waitForSelector(entryA, { state: 'detached' });
      assert.equal(await page.locator(sel.entity).count(), 0);
      assert.deepEqual(await countsOf(page, 'kyiv-post'), { claim: 0, quote: 0, entity: 1 }, 'the mentions stay');
      await waitForState(page, (state) => state.entities.length === 0 && state.annotations.every((x) => !x.entity));
      await page.click(sel.undo);
      await page.waitForSelector(entryA);
      assert.equal((await page.textContent(`${entryA} [data-testid=mention-count]`)).trim(), '4 mentions');
    });
  });
});
