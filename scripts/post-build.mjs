// Trunk's post-build hook (Trunk.toml): finishes the built page in Trunk's staging directory.
//
// 1. Under `trunk serve`, moves Trunk's live-reload script out of the page into trunk-autoreload.js,
//    so the page keeps no inline script but Trunk's own loader.
// 2. Writes the Content-Security-Policy into index.html as a <meta> element, allowing the page's inline
//    scripts (Trunk's loader, which imports the hashed JS and starts the wasm) by their SHA-256 only.
// 3. Writes sw.js from pwa/sw.js, with the build's version and the list of its files to keep offline.
// 4. Names the web worker's loader (Trunk's `*_loader.js`, with a hashed name) in the page as
//    <meta name="news-annotator-worker" content="…">, where the app looks for it.
// 5. Writes the first screen (`na-convert first-screen`: the first bundled article, the article list,
//    static HTML from the app's own Rust code) just before <div id="app">, so a first visit paints the
//    article before the wasm has loaded; the app adopts its lines and removes it (src/ui/prerendered.rs).
//    It runs the native command through `cargo run` (dev profile: a few seconds once built; set
//    NA_FIRST_SCREEN=off to leave the page without it).
//
// Trunk runs it with TRUNK_STAGING_DIR (the build being assembled), TRUNK_SOURCE_DIR (where index.html
// is) and TRUNK_PUBLIC_URL (the path the app is served under, "/" by default).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The policy, with the hashes of the allowed inline scripts and style sheets filled in; see README
 * "Security and offline use".
 */
export function policy(scriptHashes, styleHashes = []) {
  const quoted = (hashes) => hashes.map((h) => ` '${h}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${quoted(scriptHashes)} 'wasm-unsafe-eval'`,
    `style-src 'self'${quoted(styleHashes)}`,
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const CSP_META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*/gi;

/** The text of every inline <script> (one without a src attribute) of `html`, in order. */
export function inlineScripts(html) {
  return [...html.matchAll(INLINE_SCRIPT)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);
}

/** The text of every <style> element of `html` (the style sheets Trunk inlines), in order. */
export function inlineStyles(html) {
  return [...html.matchAll(INLINE_STYLE)].map((m) => m[1]);
}

/** A CSP source hash ('sha256-…' without the quotes) of a script's or style sheet's text, as the browser computes it. */
export function scriptHash(text) {
  // The HTML parser turns CR LF and lone CR into LF before the script's text exists.
  const normalized = text.replace(/\r\n?/g, '\n');
  return `sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}`;
}

/**
 * `html` with its CSP meta element (any older one removed) placed right after <meta charset>, so it
 * governs every element the page loads.
 */
export function withPolicy(html) {
  const clean = html.replace(CSP_META, '');
  const hashes = [...new Set(inlineScripts(clean).map(scriptHash))];
  const styleHashes = [...new Set(inlineStyles(clean).map(scriptHash))];
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, styleHashes)}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(clean);
  if (!charset) throw new Error('post-build: index.html has no <meta charset>, so there is no place for the CSP');
  const at = charset.index + charset[0].length;
  return { html: `${clean.slice(0, at)}\n    ${meta}${clean.slice(at)}`, hashes, styleHashes };
}

const AUTORELOAD_MARK = '.well-known/trunk/ws';

/**
 * Under `trunk serve`, Trunk appends an inline live-reload script whose host and path its server fills
 * in per request, so no hash could allow it. It moves into a file of its own, filled in the way the
 * server would: the page's own host, and the public URL as the base.
 * Returns {html, script} (script is null when the page has no such script).
 */
export function moveAutoreload(html, publicUrl = '/') {
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1]) || !m[2].includes(AUTORELOAD_MARK)) continue;
    const script = m[2]
      .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
      .replaceAll('{{__TRUNK_WS_BASE__}}', publicUrl);
    const tag = `<script src="${publicUrl}trunk-autoreload.js"></script>`;
    return { html: html.slice(0, m.index) + tag + html.slice(m.index + m[0].length), script };
  }
  return { html, script: null };
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The service worker's build record: its version (16 hex digits of a SHA-256 over every file's name and
 * bytes), the page and the other files, as URL paths under `publicUrl`.
 */
export function buildRecord(dir, publicUrl = '/') {
  const names = filesUnder(dir).filter((f) => f !== 'sw.js');
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
  return {
    version: hash.digest('hex').slice(0, 16),
    index: `${publicUrl}index.html`,
    files: names.filter((n) => n !== 'index.html').map((n) => publicUrl + n),
  };
}

/** The service worker's source with `record` written into its BUILD line. */
export function serviceWorker(template, record) {
  const line = /^const BUILD = .*$/m;
  if (!line.test(template)) throw new Error('post-build: pwa/sw.js has no "const BUILD = " line');
  return template.replace(line, () => `const BUILD = ${JSON.stringify(record)};`);
}

const WORKER_META = /<meta\s+name=["']?news-annotator-worker["']?[^>]*>\s*/gi;

/**
 * `html` with the worker's loader named in a <meta> after <meta charset> (any older one removed):
 * `loaders` are the `*_loader.js` files of the build; none leaves the page without one, more is an error.
 */
export function withWorker(html, loaders, publicUrl = '/') {
  const clean = html.replace(WORKER_META, '');
  if (loaders.length === 0) return clean;
  if (loaders.length > 1) throw new Error(`post-build: more than one worker loader (${loaders.join(', ')})`);
  const meta = `<meta name="news-annotator-worker" content="${publicUrl}${loaders[0]}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(clean);
  if (!charset) throw new Error('post-build: index.html has no <meta charset>');
  const at = charset.index + charset[0].length;
  return `${clean.slice(0, at)}\n    ${meta}${clean.slice(at)}`;
}

const FIRST_SCREEN = /<!-- first-screen -->[\s\S]*?<!-- \/first-screen -->\n?[ \t]*/g;
const APP_ROOT = /<div\s+id=["']?app["']?[^>]*>/i;

/**
 * `html` with `screen` (the first screen's HTML, one element) between <!-- first-screen --> marks just
 * before <div id="app"> (any older one removed); an empty `screen` leaves the page without one.
 */
export function withFirstScreen(html, screen) {
  const clean = html.replace(FIRST_SCREEN, '');
  const body = screen.trim();
  if (body === '') return clean;
  if (!/^<div\b[^>]*\bdata-prerendered\b/.test(body)) {
    throw new Error('post-build: the first screen is not one <div data-prerendered> element');
  }
  if (/<script\b|\sstyle\s*=/i.test(body)) {
    throw new Error('post-build: the first screen has a script or an inline style, which the CSP refuses');
  }
  const root = APP_ROOT.exec(clean);
  if (!root) throw new Error('post-build: index.html has no <div id="app">');
  const indent = /[ \t]*$/.exec(clean.slice(0, root.index))[0];
  return `${clean.slice(0, root.index)}<!-- first-screen -->${body}<!-- /first-screen -->\n${indent}${clean.slice(root.index)}`;
}

/** The first screen's HTML from `na-convert first-screen`, built and run by cargo in `source`. */
export function runFirstScreen(source) {
  return execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'na-convert', '--', 'first-screen'], {
    cwd: source,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Runs the five steps on a staging directory. `firstScreen` gives the first screen's HTML (by default
 * from `na-convert first-screen`; null leaves it out).
 */
export function postBuild({ staging, source, publicUrl = '/', firstScreen = () => runFirstScreen(source) }) {
  const indexPath = join(staging, 'index.html');
  const loaders = readdirSync(staging).filter((f) => f.endsWith('_loader.js'));
  const screen = firstScreen ? firstScreen() : '';
  const page = withFirstScreen(withWorker(readFileSync(indexPath, 'utf8'), loaders, publicUrl), screen);
  const moved = moveAutoreload(page, publicUrl);
  if (moved.script !== null) writeFileSync(join(staging, 'trunk-autoreload.js'), moved.script);
  const { html, hashes } = withPolicy(moved.html);
  writeFileSync(indexPath, html);
  const record = buildRecord(staging, publicUrl);
  const template = readFileSync(join(source, 'pwa', 'sw.js'), 'utf8');
  writeFileSync(join(staging, 'sw.js'), serviceWorker(template, record));
  return { hashes, record, screen: screen.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error('post-build: TRUNK_STAGING_DIR is not set (Trunk runs this script as a post_build hook)');
    process.exit(1);
  }
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  let publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
  if (!publicUrl.endsWith('/')) publicUrl += '/';
  try {
    const started = Date.now();
    const firstScreen = process.env.NA_FIRST_SCREEN === 'off' ? null : undefined;
    const { hashes, record, screen } = postBuild({ staging, source, publicUrl, firstScreen });
    console.log(
      `post-build: CSP allows ${hashes.length} inline script(s); sw.js ${record.version} keeps ${record.files.length + 1} files offline; ` +
        `first screen ${screen} bytes; ${Date.now() - started} ms`,
    );
  } catch (err) {
    console.error(`post-build: ${err.message}`);
    process.exit(1);
  }
}
