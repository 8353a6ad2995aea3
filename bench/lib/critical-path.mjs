// The critical path of a build: what a first visit must fetch before the app can start. That is
// index.html, the CSS, JavaScript and wasm files it references (link hrefs, script srcs, and the paths
// in Trunk's inline loader), and the JavaScript modules those import statically (wasm-bindgen's glue
// imports its snippets/ that way). Files the app fetches later (a web worker's JS and wasm, which
// index.html does not name; the service worker; icons) are not on it, nor are stale files of older builds.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

const ASSET = /\.(?:wasm|js|mjs|css)$/i;

/**
 * The CSS, JS and wasm paths `html` references, relative to the site root (or to the page, for paths
 * without a leading "/"), in order of first appearance; comments are skipped, other sites' URLs ignored,
 * and so are <meta> elements (the page names its web worker's loader in one, which the app fetches later).
 */
export function referencesIn(html) {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<meta\b[^>]*>/gi, '');
  const out = [];
  for (const m of text.matchAll(/["'`]([^"'`\s<>]+?)(?:[?#][^"'`\s<>]*)?["'`]/g)) {
    const path = m[1];
    if (!ASSET.test(path) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) continue;
    const clean = posix.normalize(path.replace(/^\/+/, '')).replace(/^(\.\/)+/, '');
    if (clean.startsWith('..')) continue;
    if (!out.includes(clean)) out.push(clean);
  }
  return out;
}

/**
 * The module specifiers a JavaScript module imports statically (`import … from '…'`, `import '…'`,
 * `export … from '…'`), relative ones only; dynamic import() and `new Worker(…)` load later and are left out.
 */
export function importsIn(js) {
  const code = js.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g)) {
    const spec = m[2];
    if ((spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) && !out.includes(spec)) out.push(spec);
  }
  return out;
}

/**
 * The files of the critical path of the build in `dist` (absolute paths, index.html first), following
 * static imports of each JS file. Throws when index.html names a file the build does not have.
 */
export function criticalPath(dist) {
  const index = join(dist, 'index.html');
  const files = [index];
  const queue = referencesIn(readFileSync(index, 'utf8')).map((p) => join(dist, ...p.split('/')));
  while (queue.length) {
    const file = queue.shift();
    if (files.includes(file) || relative(dist, file).split(sep)[0] === '..') continue;
    if (!existsSync(file)) throw new Error(`the critical path names ${relative(dist, file)}, which is not in ${dist}`);
    files.push(file);
    if (/\.m?js$/i.test(file)) {
      for (const spec of importsIn(readFileSync(file, 'utf8'))) {
        queue.push(spec.startsWith('/') ? join(dist, ...spec.slice(1).split('/')) : join(dirname(file), ...spec.split('/')));
      }
    }
  }
  return files;
}
