// Makes docs/screenshot.png for the README: annotates an article through the real UI and photographs it.
// Run after a release build: `bash scripts/test.sh build && node scripts/screenshot.mjs`.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, newPage, screenshot } from '../tests/support/browser.mjs';
import { startStaticServer } from '../tests/support/server.mjs';
import { openApp, openArticle, tag, sel } from '../tests/support/app.mjs';
import { REPO_ROOT } from '../tests/support/paths.mjs';

const server = await startStaticServer(join(REPO_ROOT, 'dist'));
const browser = await launchBrowser();
try {
  const { page } = await newPage(browser, { viewport: { width: 1400, height: 860 } });
  await openApp(page, server.url);
  await openArticle(page, 'arab-news');
  const quote = '“I didn’t let the ministers sign a relevant agreement because in my view it is not ready to protect us, our interest,”';
  await tag(page, quote, { key: 'q' });
  await tag(page, 'the document focused on US interests', { key: 'c' });
  await tag(page, 'Zelensky', { key: 'p' }, { after: 'according to President Volodymyr ' });
  await tag(page, 'Volodymyr Zelensky', { key: 'p' });
  await tag(page, 'The Associated Press', { key: 'o' });
  await tag(page, 'Munich Security Conference', { key: 'o' }, { after: 'The Associated Press' });
  await tag(page, 'Germany', { key: 'l' }, { after: 'Munich Security Conference in ' });
  const claim = await tag(page, 'Ukraine has vast reserves of critical minerals', { key: 'c' });
  await page.click(sel.item(claim));
  await page.fill(sel.note, 'Check: how large are the reserves, and who says so?');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.querySelector('[data-testid=article-text] p:nth-of-type(10)')?.scrollIntoView({ block: 'start' }));
  const shot = await screenshot(page, 'readme');
  await copyFile(shot, join(REPO_ROOT, 'docs', 'screenshot.png'));
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
