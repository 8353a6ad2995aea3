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
import { postBuild, scriptHash, withPolicy, withWorker } from '../scripts/post-build.mjs';
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
    const first = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/' });

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
    const same = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/' });
    writeFileSync(join(dir, 'index.html'), PAGE);
    assert.equal(postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/' }).record.version, same.record.version);
    writeFileSync(join(dir, 'app-1.js'), 'export default 2;');
    writeFileSync(join(dir, 'index.html'), PAGE);
    assert.notEqual(postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/' }).record.version, same.record.version);
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
    const { record } = postBuild({ staging: dir, source: REPO_ROOT, publicUrl: '/' });
    assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes('content="/na-worker-0a1b_loader.js"'));
    assert.ok(record.files.includes('/na-worker-0a1b_loader.js'), 'the service worker keeps the worker offline');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
