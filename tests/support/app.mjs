// The News Annotator UI contract (data-testid selectors) and the steps the end-to-end tests repeat.
import { selectTextWithMouse } from './browser.mjs';

export const STATE_KEY = 'news-annotator/state';
export const UNREADABLE_PREFIX = 'news-annotator/unreadable/';

export const sel = {
  articleList: 'nav[data-testid=article-list]',
  articleButton: (id) => `nav[data-testid=article-list] button[data-article="${id}"]`,
  count: (id, label) => `nav[data-testid=article-list] button[data-article="${id}"] span[data-count=${label}]`,
  articleText: 'article[data-testid=article-text]',
  openArticle: (id) => `article[data-testid=article-text][data-article="${id}"]`,
  para: 'article[data-testid=article-text] p.para',
  toolbar: '[data-testid=tag-toolbar]',
  tagButton: (tag) => `[data-testid=tag-toolbar] button[data-tag=${tag}]`,
  annotationList: 'aside[data-testid=annotation-list]',
  group: (label) => `aside[data-testid=annotation-list] section[data-label=${label}]`,
  items: (label) => `aside[data-testid=annotation-list] section[data-label=${label}] li[data-annotation]`,
  anyItem: 'aside[data-testid=annotation-list] li[data-annotation]',
  item: (id) => `aside[data-testid=annotation-list] li[data-annotation="${id}"]`,
  detail: '[data-testid=detail]',
  labelSelect: '[data-testid=detail] select[data-testid=label-select]',
  note: '[data-testid=detail] textarea[data-testid=note]',
  deleteButton: '[data-testid=detail] button[data-testid=delete]',
  undo: 'button[data-testid=undo]',
  redo: 'button[data-testid=redo]',
  exportButton: 'button[data-testid=export]',
  importFile: 'input[type=file][data-testid=import-file]',
  exportOpen: 'button[data-testid=export-open]',
  exportDialog: '[data-testid=export-dialog]',
  exportFormat: '[data-testid=export-dialog] select[data-testid=export-format]',
  exportThis: '[data-testid=export-dialog] input[data-testid=export-this]',
  exportLabel: (name) => `[data-testid=export-dialog] input[data-testid=export-label-${name}]`,
  exportAbout: '[data-testid=export-dialog] [data-testid=export-about]',
  exportPreview: '[data-testid=export-dialog] [data-testid=export-preview]',
  exportDropped: '[data-testid=export-dialog] [data-testid=export-dropped]',
  exportDownload: '[data-testid=export-dialog] button[data-testid=export-download]',
  importTitle: '[data-testid=import-preview] h2',
  importPreview: '[data-testid=import-preview]',
  importMerge: '[data-testid=import-preview] [data-testid=import-merge]',
  importRefused: '[data-testid=import-refused]',
  importSubset: '[data-testid=import-subset]',
  importReplace: '[data-testid=import-preview] [data-testid=import-replace]',
  importCancel: '[data-testid=import-preview] [data-testid=import-cancel]',
  error: '[data-testid=error]',
  storageProblem: '[data-testid=storage-problem]',
  downloadUnreadable: '[data-testid=download-unreadable]',
};

/** Open the app at `baseUrl` and wait until the article list and the first article are rendered. */
export async function openApp(page, baseUrl) {
  await page.goto(baseUrl);
  await waitForApp(page);
}

/** Wait for the app to be up (after a goto or a reload). */
export async function waitForApp(page) {
  await page.waitForSelector(sel.articleList);
  await page.waitForSelector(`${sel.articleText} p.para`);
  await page.waitForSelector(`${sel.annotationList} [data-listed]`);
}

/** Click an article in the list and wait until it is the open one. */
export async function openArticle(page, id) {
  await page.click(sel.articleButton(id));
  await page.waitForSelector(`${sel.openArticle(id)} p.para`);
  await page.waitForSelector(`${sel.annotationList} [data-listed="${id}"]`);
}

/** The number shown in the article list for `id` and `label` (claim, quote or entity). */
export async function countOf(page, id, label) {
  const text = (await page.textContent(sel.count(id, label)))?.trim() ?? '';
  if (!/^\d+$/.test(text)) throw new Error(`count ${id}/${label} is not a number: "${text}"`);
  return Number(text);
}

/** Wait until the list count for `id`/`label` is `n`. */
export async function waitForCount(page, id, label, n) {
  await page.waitForFunction(
    ({ selector, n }) => document.querySelector(selector)?.textContent.trim() === String(n),
    { selector: sel.count(id, label), n },
  );
}

/** {claim, quote, entity} counts of an article, from the list. */
export async function countsOf(page, id) {
  return {
    claim: await countOf(page, id, 'claim'),
    quote: await countOf(page, id, 'quote'),
    entity: await countOf(page, id, 'entity'),
  };
}

/** Ids of the annotations listed in the side panel (optionally only one label group), in list order. */
export async function listedIds(page, label) {
  return page.$$eval(label ? sel.items(label) : sel.anyItem, (els) => els.map((e) => e.getAttribute('data-annotation')));
}

/**
 * The highlight pieces of annotation `id` in the open article: each piece carries its first code point
 * (`data-s`), and the annotation's offsets come from the saved state (waiting for the save).
 */
async function piecesOf(page, id, pick) {
  const handle = await page.waitForFunction(
    ({ key, id }) => JSON.parse(localStorage.getItem(key) ?? 'null')?.annotations?.find((a) => a.id === id) ?? null,
    { key: STATE_KEY, id },
  );
  const { start, end } = await handle.jsonValue();
  return page.$$eval(
    `${sel.articleText} span.seg.hl`,
    (segs, { start, end, pick }) =>
      segs
        .filter((s) => {
          const at = Number(s.getAttribute('data-s'));
          return at >= start && at < end;
        })
        .map((s) => (pick === 'text' ? s.textContent : [...s.classList])),
    { start, end, pick },
  );
}

/** The text covered by the highlight pieces of annotation `id` in the open article, joined in order. */
export async function highlightText(page, id) {
  return (await piecesOf(page, id, 'text')).join('');
}

/** The classes of the highlight pieces of annotation `id` (e.g. to see `claim`). */
export async function highlightClasses(page, id) {
  return piecesOf(page, id, 'classes');
}

/**
 * Select `text` in the open article with the mouse, check the browser selected exactly it and that the
 * tag toolbar appeared.
 */
export async function selectInArticle(page, text, options) {
  const selected = await selectTextWithMouse(page, sel.articleText, text, options);
  if (selected !== text) {
    throw new Error(`mouse selection gave ${JSON.stringify(selected)}, wanted ${JSON.stringify(text)}`);
  }
  await page.waitForSelector(sel.toolbar, { state: 'visible' });
}

/**
 * Select `text` with the mouse and tag it (with a key such as `c`, or with {button: 'quote'}).
 * Returns the id of the new annotation (the one id in the list that was not there before).
 */
export async function tag(page, text, how, options) {
  const before = new Set(await listedIds(page));
  await selectInArticle(page, text, options);
  if (how.key) await page.keyboard.press(how.key);
  else await page.click(sel.tagButton(how.button));
  const handle = await page.waitForFunction(
    ({ selector, before }) => {
      const ids = [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-annotation'));
      const fresh = ids.filter((id) => !before.includes(id));
      return fresh.length === 1 ? fresh[0] : null;
    },
    { selector: sel.anyItem, before: [...before] },
  );
  return handle.jsonValue();
}

/**
 * Wait until the saved state holds exactly the annotations `ids` (in any order). The app saves right
 * after the change is painted, so a test reading localStorage must wait for that write.
 */
export async function waitForSaved(page, ids) {
  await page.waitForFunction(
    ({ key, want }) => {
      let state = null;
      try {
        state = JSON.parse(localStorage.getItem(key) ?? 'null');
      } catch {
        return false; // not written by the app yet (a test may have put broken data there)
      }
      const have = (state?.annotations ?? []).map((a) => a.id).sort();
      return JSON.stringify(have) === JSON.stringify(want);
    },
    { key: STATE_KEY, want: [...ids].sort() },
  );
}

/** All localStorage entries of the page's origin. */
export async function storageEntries(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

/**
 * Fills the origin's localStorage in ever smaller pieces (`filler/N` keys) until not even one more
 * character fits; returns the units in use then (keys + values, UTF-16 code units): the quota.
 */
export async function fillStorage(page) {
  return page.evaluate(() => {
    let used = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      used += k.length + localStorage.getItem(k).length;
    }
    let n = 0;
    for (let piece = 1 << 20; piece >= 1; ) {
      const key = `filler/${n}`;
      try {
        localStorage.setItem(key, 'x'.repeat(piece));
        used += key.length + piece;
        n++;
      } catch {
        piece = Math.floor(piece / 2);
      }
    }
    return used;
  });
}

// issue 5: links
Object.assign(sel, {
  info: '[data-testid=info]',
  piece: (start) => `article[data-testid=article-text] span.seg.hl[data-s="${start}"]`,
  linkingLayout: (label) => `main.layout[data-linking=${label}]`,
  linkingBanner: '[data-testid=linking-banner]',
  cancelLink: '[data-testid=linking-banner] button[data-testid=cancel-link]',
  sourceRow: '[data-testid=detail] [data-testid=source-row]',
  source: '[data-testid=detail] [data-testid=source]',
  sourceOpen: '[data-testid=detail] button[data-testid=source-open]',
  unlink: '[data-testid=detail] button[data-testid=unlink]',
  pickSource: '[data-testid=detail] button[data-testid=pick-source]',
  sourceSelect: '[data-testid=detail] select[data-testid=source-select]',
  linkedFrom: '[data-testid=detail] [data-testid=linked-from]',
  attributionSelect: '[data-testid=detail] select[data-testid=attribution-select]',
  checkSelect: '[data-testid=detail] select[data-testid=check-select]',
  registryEntry: '[data-testid=detail] [data-testid=registry-entry]',
  registrySelect: '[data-testid=detail] select[data-testid=registry-select]',
  registryNew: '[data-testid=detail] button[data-testid=registry-new]',
  registryUnlink: '[data-testid=detail] button[data-testid=registry-unlink]',
  whoSaidWhat: '[data-testid=who-said-what]',
  whoSaid: (id) => `[data-testid=who-said-what] li[data-source="${id}"]`,
  itemStatus: (id) => `aside[data-testid=annotation-list] li[data-annotation="${id}"] .claim-status`,
  findOpen: 'button[data-testid=find-open]',
  findPanel: '[data-testid=find-panel]',
  findQuery: '[data-testid=find-panel] input[data-testid=find-query]',
  findScopeThis: '[data-testid=find-panel] input[data-testid=find-scope-this]',
  findScopeAll: '[data-testid=find-panel] input[data-testid=find-scope-all]',
  findCase: '[data-testid=find-panel] input[data-testid=find-case]',
  findWord: '[data-testid=find-panel] input[data-testid=find-word]',
  findCount: '[data-testid=find-panel] [data-testid=find-count]',
  findLabel: '[data-testid=find-panel] select[data-testid=find-label]',
  findEntity: '[data-testid=find-panel] select[data-testid=find-entity]',
  findTagAll: '[data-testid=find-panel] button[data-testid=find-tag-all]',
  findHits: '[data-testid=find-panel] li[data-testid=find-hit]',
  findClose: '[data-testid=find-panel] button[data-testid=find-close]',
});

/** Wait until the text of `selector` satisfies `test` (a RegExp or a string it must contain); returns it. */
export async function waitForText(page, selector, test) {
  const pattern = test instanceof RegExp ? { source: test.source, flags: test.flags } : null;
  const handle = await page.waitForFunction(
    ({ selector, pattern, part }) => {
      const text = document.querySelector(selector)?.textContent ?? null;
      if (text === null) return null;
      const ok = pattern ? new RegExp(pattern.source, pattern.flags).test(text) : text.includes(part);
      return ok ? text : null;
    },
    { selector, pattern, part: pattern ? null : test },
  );
  return handle.jsonValue();
}

// issue 5: registry and own articles
Object.assign(sel, {
  entitiesToggle: 'button[data-testid=entities-toggle]',
  entitiesView: '[data-testid=entities-view]',
  newEntry: '[data-testid=entities-view] [data-testid=new-entry]',
  createEntry: 'button[data-testid=create-entry]',
  entity: '[data-testid=entities-view] [data-testid=registry] li[data-testid=entity]',
  entityById: (id) => `[data-testid=entities-view] li[data-testid=entity][data-entity="${id}"]`,
  entityExpand: 'button[data-testid=entity-expand]',
  entityName: 'input[data-testid=entity-name]',
  entityKind: 'select[data-testid=entity-kind]',
  entityAliases: 'input[data-testid=entity-aliases]',
  entityDelete: 'button[data-testid=entity-delete]',
  mergeTarget: 'select[data-testid=merge-target]',
  merge: 'button[data-testid=merge]',
  spelling: (text) => `[data-testid=entity-mentions] button[data-spelling="${text}"]`,
  proposals: '[data-testid=entities-view] [data-testid=proposals]',
  candidates: '[data-testid=entities-view] [data-testid=proposals] li[data-testid=candidate]',
  candidateAt: (article, start) =>
    `[data-testid=entities-view] [data-testid=proposals] li[data-testid=candidate][data-article="${article}"][data-start="${start}"]`,
  candidateAccept: 'button[data-testid=candidate-accept]',
  candidateReject: 'button[data-testid=candidate-reject]',
  acceptAll: 'button[data-testid=accept-all]',
  addArticleOpen: 'button[data-testid=add-article-open]',
  addArticle: '[data-testid=add-article]',
  addArticleText: '[data-testid=add-article] textarea[data-testid=add-article-text]',
  addArticleFile: '[data-testid=add-article] input[type=file][data-testid=add-article-file]',
  addArticleTitle: '[data-testid=add-article] input[data-testid=add-article-title]',
  addArticlePreview: '[data-testid=add-article] [data-testid=add-article-preview]',
  addArticleLength: '[data-testid=add-article] [data-testid=add-article-length]',
  addArticleError: '[data-testid=add-article] [data-testid=add-article-error]',
  addArticleAdd: '[data-testid=add-article] button[data-testid=add-article-add]',
  addArticleCancel: '[data-testid=add-article] button[data-testid=add-article-cancel]',
  ownArticles: 'nav[data-testid=article-list] li.own button[data-article]',
  yours: (id) => `nav[data-testid=article-list] button[data-article="${id}"] [data-testid=yours]`,
  renameArticle: (id) => `nav[data-testid=article-list] li:has(> button[data-article="${id}"]) button[data-testid=rename-article]`,
  renameField: 'nav[data-testid=article-list] input[data-testid=rename-field]',
  deleteArticle: (id) => `nav[data-testid=article-list] li:has(> button[data-article="${id}"]) button[data-testid=delete-article]`,
  info: '[data-testid=info]',
  saveFailed: '[data-testid=save-failed]',
  saveFailedDownload: '[data-testid=save-failed] button[data-testid=save-failed-download]',
});

/** Show the Entities view (from the articles) and wait for it. */
export async function openEntities(page) {
  await page.click(sel.entitiesToggle);
  await page.waitForSelector(sel.entitiesView);
  // The web worker looks for alike mentions; until it answers, the view says so.
  await page.waitForSelector('[data-testid=proposals-loading]', { state: 'detached' });
}

/** The saved state (parsed), or null. */
export async function savedState(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STATE_KEY);
}

/**
 * Wait until `predicate(state, arg)` holds on the parsed saved state. The predicate runs here in Node on
 * the state read from the page: the page's Content-Security-Policy refuses `new Function`, so it cannot
 * be rebuilt inside the page.
 */
export async function waitForState(page, predicate, arg, { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const raw = await page.evaluate((key) => localStorage.getItem(key), STATE_KEY);
    let holds = false;
    try {
      const state = JSON.parse(raw ?? 'null');
      holds = state != null && Boolean(predicate(state, arg));
    } catch {
      holds = false; // not written by the app yet, or a state of another shape (an older schema)
    }
    if (holds) return;
    if (Date.now() > deadline) throw new Error(`waitForState: timed out after ${timeout} ms waiting for ${predicate}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// issue 6: comparing outlets
Object.assign(sel, {
  outletsToggle: 'button[data-testid=outlets-toggle]',
  outletsView: '[data-testid=outlets-view]',
  quoteGroups: '[data-testid=outlets-view] li[data-testid=quote-group]',
  quoteGroupOf: (articles) => `[data-testid=outlets-view] li[data-testid=quote-group][data-articles="${articles.join(' ')}"]`,
  quoteVersion: (article) => `li[data-testid=quote-version][data-article="${article}"]`,
  quoteBase: 'input[type=radio][data-testid=quote-base]',
  quoteOpen: 'button[data-testid=quote-open]',
  coverageEntities: '[data-testid=outlets-view] table[data-testid=coverage-entities]',
  coverageClaims: '[data-testid=outlets-view] table[data-testid=coverage-claims]',
  coverageClaimRows: '[data-testid=outlets-view] table[data-testid=coverage-claims] tr[data-testid=coverage-claim]',
  coverageCell: (article) => `td[data-article="${article}"]`,
});

/** Show the "Compare outlets" view (from the articles) and wait for it. */
export async function openOutlets(page) {
  await page.click(sel.outletsToggle);
  await page.waitForSelector(sel.outletsView);
  // The web worker compares; until it answers, the view says so.
  await page.waitForSelector('[data-testid=outlets-loading]', { state: 'detached' });
}
