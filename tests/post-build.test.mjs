// Unit tests of Trunk's post-build hook (scripts/post-build.mjs) on a made-up staging directory: the
// CSP's hashes, the live-reload script moved out, and the service worker's build record.
//
// Run: node --test tests/post-build.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postBuild, scriptHash, withFirstScreen, withPolicy, withWorker } from '../scripts/post-build.mjs';
import { REPO_ROOT } from './support/paths.mjs';

const LOADER = "\nimport init from '/app-1.js';\nawait init({ module_or_path: '/app-1_bg.wasm' });\n";
const PAGE = `<!doctype html><html><head><meta charset="utf-8" /><title>t</title>
<script type="module">${LOADER}</script><script src="/other.js"></script></head><body></body></html>`;

const sha = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

test('the policy allows exactly the inline scripts, by hash, and sits right after <meta charset>', () => {
  const { html, hashes } = withPolicy(PAGE);
  assert.deepEqual(hashes, [sha(LOADER)]);
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html);
  assert.ok(meta);
  assert.ok(html.indexOf('<meta charset="utf-8" />') < meta.index && meta.index < html.indexOf('<title>'));
  assert.match(meta[1], new RegExp(`^default-src 'self'; script-src 'self' '${sha(LOADER).replace(/[+/=]/g, '\\$&')}' 'wasm-unsafe-eval'; style-src 'self';`));
  assert.doesNotMatch(meta[1], /unsafe-inline/);
  // Run twice (a rebuild of the same page), there is still one policy.
  assert.equal(withPolicy(html).html.match(/Content-Security-Policy/g).length, 1);
  // CR LF is hashed as the parser sees it: LF.
  assert.equal(scriptHash('a\r\nb\rc'), sha('a\nb\nc'));
});

test('a staging directory gets its policy, its service worker and, under trunk serve, the reload script as a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'na-post-build-'));
  try {
    const reload = "(function () { const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}'; new WebSocket('ws://' + address + base + '.well-known/trunk/ws'); })()";
    writeFileSync(join(dir, 'index.html'), PAGE.replace('</body>', `<script>${reload}</script></body>`));
    writeFileSync(join(dir, 'app-1.js'), 'export default 1;');
    mkdirSync(join(dir, 'snippets', 'x'), { recursive: true });
    writeFileSync(join(dir, 'snippets', 'x', 'inline0.js'), 'export {}');
    const first = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: null });

    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.deepEqual(first.hashes, [sha(LOADER)], "the reload script is not allowed inline: it left the page");
    assert.ok(html.includes('<script src="/trunk-autoreload.js"></script></body>'));
    const moved = readFileSync(join(dir, 'trunk-autoreload.js'), 'utf8');
    assert.ok(moved.includes('const address = window.location.host;') && moved.includes("const base = '/';"), moved);

    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const record = JSON.parse(/^const BUILD = (\{.*\});$/m.exec(sw)[1]);
    assert.equal(record.index, '/index.html');
    assert.deepEqual(record.files, ['/app-1.js', '/snippets/x/inline0.js', '/trunk-autoreload.js']);
    assert.match(record.version, /^[0-9a-f]{16}$/);

    // A changed file is a new version (a new cache); the same files are the same version.
    writeFileSync(join(dir, 'index.html'), PAGE);
    const same = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: null });
    writeFileSync(join(dir, 'index.html'), PAGE);
    assert.equal(postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: null }).record.version, same.record.version);
    writeFileSync(join(dir, 'app-1.js'), 'export default 2;');
    writeFileSync(join(dir, 'index.html'), PAGE);
    assert.notEqual(postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: null }).record.version, same.record.version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the web worker's loader is named in the page, once, under the public URL, and kept offline", () => {
  const once = withWorker(PAGE, ['na-worker-0a1b_loader.js'], '/app/');
  assert.match(once, /<meta charset="utf-8" \/>\n {4}<meta name="news-annotator-worker" content="\/app\/na-worker-0a1b_loader.js" \/>/);
  assert.equal(withWorker(once, ['na-worker-2c3d_loader.js'], '/app/').match(/news-annotator-worker/g).length, 1, 'a rebuild replaces it');
  assert.equal(withWorker(PAGE, []), PAGE, 'a build without a worker names none');
  assert.throws(() => withWorker(PAGE, ['a_loader.js', 'b_loader.js']), /more than one worker loader/);

  const dir = mkdtempSync(join(tmpdir(), 'na-post-build-'));
  try {
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'na-worker-0a1b_loader.js'), 'importScripts("./na-worker-0a1b.js");');
    const { record } = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: null });
    assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes('content="/na-worker-0a1b_loader.js"'));
    assert.ok(record.files.includes('/na-worker-0a1b_loader.js'), 'the service worker keeps the worker offline');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const SCREEN = '<div class="app" data-prerendered="" aria-busy="true"><main><p class="para">A &lt;b&gt;</p></main></div>\n';
const APP_PAGE = PAGE.replace('<body></body>', '<body>\n    <div id="app"><p class="loading">Loading the annotator…</p></div>\n  </body>');

test('the first screen goes right before <div id="app">, once, and the app root keeps its loading text', () => {
  const once = withFirstScreen(APP_PAGE, SCREEN);
  const at = once.indexOf('<!-- first-screen --><div class="app" data-prerendered=""');
  assert.ok(at > 0, once);
  assert.ok(at < once.indexOf('<div id="app">'));
  assert.match(once, /<\/div><!-- \/first-screen -->\n {4}<div id="app"><p class="loading">Loading the annotator…<\/p><\/div>/);
  // A rebuild replaces it; an empty screen removes it.
  const again = withFirstScreen(once, SCREEN.replace('A ', 'B '));
  assert.equal(again.match(/data-prerendered/g).length, 1);
  assert.ok(again.includes('B &lt;b&gt;') && !again.includes('A &lt;b&gt;'));
  assert.equal(withFirstScreen(once, ''), APP_PAGE);
  // Only static HTML, in one marked element, into a page that has the app's root.
  assert.throws(() => withFirstScreen(APP_PAGE, '<p>loose</p>'), /one <div data-prerendered> element/);
  assert.throws(() => withFirstScreen(APP_PAGE, SCREEN.replace('<main>', '<main><script>x()</script>')), /CSP/);
  assert.throws(() => withFirstScreen(APP_PAGE, SCREEN.replace('<main>', '<main style="color:red">')), /CSP/);
  assert.throws(() => withFirstScreen(PAGE, SCREEN), /no <div id="app">/);
});

test('a staging directory gets the first screen before its policy and its service worker version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'na-post-build-'));
  try {
    writeFileSync(join(dir, 'index.html'), APP_PAGE);
    let asked = 0;
    const screen = () => {
      asked += 1;
      return SCREEN;
    };
    const first = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: screen });
    assert.equal(asked, 1);
    assert.equal(first.screen, SCREEN.length);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(html.includes(`<!-- first-screen -->${SCREEN.trim()}<!-- /first-screen -->`));
    assert.deepEqual(first.hashes, [sha(LOADER)], 'the first screen adds no inline script');
    // The page's bytes, first screen included, make the service worker's version.
    writeFileSync(join(dir, 'index.html'), APP_PAGE);
    const other = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/', firstScreen: () => SCREEN.replace('A ', 'B ') });
    assert.notEqual(other.record.version, first.record.version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an inlined style sheet is allowed by its hash, and only it', () => {
  const css = '\n.para { margin: 0 }\n';
  const { html, styleHashes } = withPolicy(PAGE.replace('<title>', `<style>${css}</style><title>`));
  assert.deepEqual(styleHashes, [sha(css)]);
  const meta = /content="([^"]+)"/.exec(html)[1];
  assert.match(meta, new RegExp(`style-src 'self' '${sha(css).replace(/[+/=]/g, '\\$&')}';`));
  assert.doesNotMatch(meta, /unsafe-inline/);
  assert.match(withPolicy(PAGE).html, /style-src 'self';/, 'a page without one allows none');
});
