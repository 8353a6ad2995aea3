// The critical path of a build (bench/lib/critical-path.mjs) and the size check on it (bench/size.mjs):
// index.html and what it loads count; a worker the app starts later, the service worker, icons and stale
// files of older builds do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { criticalPath, importsIn, referencesIn } from '../bench/lib/critical-path.mjs';
import { appDownload } from '../bench/size.mjs';

// The shape of Trunk's output: CSS links, the preloads, and the inline module loader.
const INDEX = `<!doctype html><html><head>
<meta charset="utf-8" />
<link rel="manifest" href="/manifest.webmanifest" />
<link rel="icon" href="/icon.svg" type="image/svg+xml" />
<link rel="stylesheet" href="/app-1a2b.css" integrity="sha384-x" />
<!-- <link rel="stylesheet" href="/commented-out.css" /> -->
<link rel="modulepreload" href="/news-annotator-9f8e.js" crossorigin="anonymous" />
<link rel="preload" href="/news-annotator-9f8e_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm" />
<link rel="stylesheet" href="https://cdn.example.org/other.css" />
</head><body>
<script type="module">
import init, * as bindings from '/news-annotator-9f8e.js';
const wasm = await init({ module_or_path: '/news-annotator-9f8e_bg.wasm' });
</script></body></html>`;

// wasm-bindgen's glue: a static import of a snippet, and later loads that are not on the critical path.
const GLUE = `import { now } from './snippets/news-annotator-0c1d/inline0.js';
import * as other from "./snippets/news-annotator-0c1d/inline1.js";
export { helper } from './helper.js';
// import './commented.js';
const url = new URL('news-annotator-9f8e_bg.wasm', import.meta.url);
const later = () => import('./lazy.js');
const worker = new Worker('/na-worker-77aa.js', { type: 'module' });
`;

function build(files) {
  const dir = mkdtempSync(join(tmpdir(), 'critical-path-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

test('referencesIn finds the CSS, JS and wasm of index.html, each once, but not comments or other sites', () => {
  assert.deepEqual(referencesIn(INDEX), ['app-1a2b.css', 'news-annotator-9f8e.js', 'news-annotator-9f8e_bg.wasm']);
});

test("the worker's loader named in a <meta> is fetched later, so it is not on the critical path", () => {
  const page = INDEX.replace('<head>', '<head><meta name="news-annotator-worker" content="/na-worker_loader.js" />');
  assert.notEqual(page, INDEX, 'the fixture page has a <head>');
  assert.deepEqual(referencesIn(page), referencesIn(INDEX));
});

test('importsIn follows static imports and re-exports only', () => {
  assert.deepEqual(importsIn(GLUE), ['./snippets/news-annotator-0c1d/inline0.js', './snippets/news-annotator-0c1d/inline1.js', './helper.js']);
});

test('the critical path is index.html, what it loads and what that imports; a worker and stale files are not', () => {
  const dir = build({
    'index.html': INDEX,
    'app-1a2b.css': 'body{}',
    'news-annotator-9f8e.js': GLUE,
    'news-annotator-9f8e_bg.wasm': Buffer.alloc(4000, 7),
    'helper.js': "import '/snippets/news-annotator-0c1d/inline0.js';\nexport const helper = 1;",
    'snippets/news-annotator-0c1d/inline0.js': 'export const now = () => 1;',
    'snippets/news-annotator-0c1d/inline1.js': 'export const x = 1;',
    // Loaded later, or by a worker, or left over from an older build:
    'snippets/na-worker-5e6f/inline0.js': 'export const y = 1;',
    'na-worker-77aa.js': 'export default 1;',
    'na-worker-77aa_bg.wasm': Buffer.alloc(9000, 3),
    'lazy.js': 'export default 1;',
    'news-annotator-0000_bg.wasm': Buffer.alloc(5000, 1),
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'icon.svg': '<svg/>',
    'manifest.webmanifest': '{}',
  });
  try {
    const names = criticalPath(dir).map((f) => relative(dir, f).split('\\').join('/'));
    assert.deepEqual(names, [
      'index.html',
      'app-1a2b.css',
      'news-annotator-9f8e.js',
      'news-annotator-9f8e_bg.wasm',
      'snippets/news-annotator-0c1d/inline0.js',
      'snippets/news-annotator-0c1d/inline1.js',
      'helper.js',
    ]);
    const d = appDownload(dir);
    assert.equal(d.counted.files.length, 7);
    assert.equal(d.hasWasm, true);
    assert.equal(d.all.files.length, 15);
    assert.equal(d.all.total.raw, d.counted.total.raw + d.others.total.raw);
    assert.ok(d.others.files.some((f) => f.name === 'na-worker-77aa_bg.wasm'));
    assert.ok(!d.counted.files.some((f) => /worker|0000|sw\.js/.test(f.name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file index.html names but the build lacks is an error, not a smaller total', () => {
  const dir = build({ 'index.html': INDEX, 'app-1a2b.css': 'body{}' });
  try {
    assert.throws(() => criticalPath(dir), /news-annotator-9f8e\.js, which is not in/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
