// Driving the app's sync (issue 17) in a page: the sync dialog and the top bar's status.
import { newPage } from './browser.mjs';
import { openApp } from './app.mjs';

/** Opens the sync dialog, signs in as `name` with `password` (unless `name` is null) and starts syncing with `db`. */
export async function startSync(page, db, name, password) {
  await page.click('[data-testid=sync-open]');
  await page.fill('[data-testid=sync-server]', '/couchdb');
  await page.fill('[data-testid=sync-db]', db);
  if (name) {
    await page.fill('[data-testid=sync-name]', name);
    await page.fill('[data-testid=sync-password]', password);
    await page.click('[data-testid=sync-sign-in]');
    await page.waitForSelector(`[data-testid=sync-dialog] legend:has-text("Signed in as ${name}")`);
  }
  await page.click('[data-testid=sync-start]');
  await page.click('[data-testid=sync-close]');
}

/** Waits until the top bar's sync button starts with `words`; the error says what it shows instead. */
export async function waitForStatus(page, words, timeout = 20_000) {
  const shown = () => page.textContent('[data-testid=sync-open]').then((t) => t.trim());
  await page
    .waitForFunction((w) => document.querySelector('[data-testid=sync-open]')?.textContent.trim().startsWith(w), words, { timeout })
    .catch(async (e) => {
      throw new Error(`the sync status never said "${words}"; it says "${await shown()}" (${e.message})`);
    });
}

/** A browser profile of its own (a new context) on the app at `url`. */
export async function profile(browser, url) {
  const { context, page } = await newPage(browser);
  await openApp(page, url);
  return { context, page };
}

// A class database's rule (see README): a student writes only the documents they own; the database's
// admins (the teacher) write all.
// (pouchdb-server passes no `admins` in secObj; CouchDB does.)
export const OWNERS_ONLY = `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  if (userCtx.roles.indexOf('_admin') !== -1 || admins.indexOf(userCtx.name) !== -1) return;
  if (newDoc.owner !== userCtx.name || (oldDoc && oldDoc.owner !== userCtx.name)) {
    throw({ forbidden: 'you can write only your own documents' });
  }
}`;
