// Headless Debian Chromium through playwright-core, plus helpers that act like a person:
// text selections made with the real mouse, downloads, screenshots.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The flags from shared/TOOLCHAIN.md: headless, root-safe, and quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(REPO_ROOT, 'tests', 'artifacts');

/** Launch Chromium (Playwright gives it a fresh temporary profile). Close it with `browser.close()`. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup.sh (installs Debian chromium)`);
  }
  const downloadsPath = await mkdtemp(join(tmpdir(), 'news-annotator-downloads-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    downloadsPath,
  });
  browser.on('disconnected', () => rm(downloadsPath, { recursive: true, force: true }).catch(() => {}));
  return browser;
}

/**
 * A fresh browser context (its own empty localStorage, i.e. a fresh profile) and page.
 * `page.problems` collects uncaught page errors (a wasm panic shows up here) and console errors.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.pageErrors = [];
  page.consoleErrors = [];
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon/.test(msg.location()?.url ?? '')) {
      page.consoleErrors.push(msg.text());
    }
  });
  return { context, page };
}

/**
 * Run `fn({context, page})` in a fresh context; always closes it. Fails when the page threw an
 * uncaught error (for example a Rust panic), and adds the page's errors to any failure.
 */
export async function withPage(browser, fn, options) {
  const { context, page } = await newPage(browser, options);
  try {
    await fn({ context, page });
    if (page.pageErrors.length) {
      throw new Error(`uncaught error(s) in the page:\n${page.pageErrors.join('\n')}`);
    }
  } catch (err) {
    const notes = [...page.pageErrors.map((e) => `pageerror: ${e}`), ...page.consoleErrors.map((e) => `console.error: ${e}`)];
    if (notes.length && err instanceof Error && !err.message.includes('uncaught error(s) in the page')) {
      err.message += `\n--- page errors/console errors ---\n${notes.join('\n')}`;
    }
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Save a full-page screenshot to tests/artifacts/<name>.png (gitignored) for people to look at. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Where `text` is on screen inside `container` (a CSS selector), found by walking the text nodes under
 * it and making a DOM Range over the substring. Scrolls it into view first.
 * With `after`, the match is the first occurrence of `text` at or after the first occurrence of `after`;
 * `occurrence` (0-based) picks a later match.
 * Returns viewport coordinates of the left edge of the first character and the right edge of the last,
 * plus the text the Range covers.
 */
export async function locateText(page, container, text, { after, occurrence = 0 } = {}) {
  const found = await page.evaluate(
    ({ container, text, after, occurrence }) => {
      const root = document.querySelector(container);
      if (!root) return { error: `no element matches ${container}` };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, at: all.length });
        all += n.data;
      }
      let from = 0;
      if (after != null) {
        from = all.indexOf(after);
        if (from < 0) return { error: `"${after}" not found in ${container}` };
      }
      let index = all.indexOf(text, from);
      for (let i = 0; i < occurrence && index >= 0; i++) index = all.indexOf(text, index + 1);
      if (index < 0) return { error: `"${text}" not found in ${container} (its text has ${all.length} UTF-16 units)` };
      // (node, offset) of a UTF-16 index; `end` prefers the end of a node over the start of the next.
      const point = (i, end) => {
        for (let k = 0; k < nodes.length; k++) {
          const { node, at } = nodes[k];
          const len = node.data.length;
          if (i < at + len || (end && i === at + len) || k === nodes.length - 1) return [node, i - at];
        }
        throw new Error('unreachable');
      };
      const rangeOf = (a, b) => {
        const r = document.createRange();
        r.setStart(...point(a, false));
        r.setEnd(...point(b, true));
        return r;
      };
      const whole = rangeOf(index, index + text.length);
      whole.startContainer.parentElement.scrollIntoView({ block: 'center', inline: 'nearest' });
      const visible = (r) => [...r.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
      // First character (a whole code point) and last character, measured on their own.
      const firstLen = text.codePointAt(0) > 0xffff ? 2 : 1;
      const lastLen = text.length >= 2 && /[\udc00-\udfff]/.test(text[text.length - 1]) ? 2 : 1;
      const firstRects = visible(rangeOf(index, index + firstLen));
      const lastRects = visible(rangeOf(index + text.length - lastLen, index + text.length));
      if (!firstRects.length || !lastRects.length) return { error: `"${text}" has no visible client rects` };
      const first = firstRects[0];
      const last = lastRects[lastRects.length - 1];
      return {
        start: { x: first.left, y: first.top + first.height / 2, width: first.width },
        end: { x: last.right, y: last.top + last.height / 2, width: last.width },
        rangeText: whole.toString(),
      };
    },
    { container, text, after: after ?? null, occurrence },
  );
  if (found.error) throw new Error(`locateText: ${found.error}`);
  return found;
}

/** Resolves when `container` and the boxes around it have not scrolled for three frames (at most 3 s). */
async function scrollStill(page, container) {
  await page.evaluate(
    (container) =>
      new Promise((resolve) => {
        const boxes = [];
        for (let e = document.querySelector(container); e; e = e.parentElement) boxes.push(e);
        boxes.push(document.scrollingElement);
        const where = () => boxes.map((b) => `${b?.scrollTop},${b?.scrollLeft}`).join(' ');
        let last = where();
        let still = 0;
        const until = performance.now() + 3000;
        const tick = () => {
          const now = where();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 3 || performance.now() > until) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    container,
  );
}

/**
 * Select `text` inside `container` by dragging the real mouse from the left edge of its first character
 * to the right edge of its last. Returns what the page's Selection then holds.
 */
export async function selectTextWithMouse(page, container, text, options = {}) {
  // A mouse-down inside an existing selection would drag the selected text instead of selecting.
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  // A smooth scroll still running (the app scrolls to a clicked list item) would move the text away
  // between measuring it and dragging over it: wait for stillness, measure, and measure again once the
  // measuring scroll has settled too.
  await scrollStill(page, container);
  await locateText(page, container, text, options);
  await scrollStill(page, container);
  const { start, end } = await locateText(page, container, text, options);
  // Just inside the glyphs, so the caret lands before the first and after the last character.
  const inset = (w) => Math.min(1, w / 4);
  await page.mouse.move(start.x + inset(start.width), start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x - inset(end.width), end.y, { steps: 10 });
  await page.mouse.up();
  return page.evaluate(() => String(window.getSelection()));
}

/** Click `selector` and return the parsed download it triggers: {name, text, path}. */
export async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}
