// Bundle-size check: the brotli (quality 11) size of the app's download (wasm + JS + CSS of dist/, the
// normal release build without the bench feature) must stay within the bar.
//
//   node bench/size.mjs [DIST_DIR] [--max-kb 100] [--json]
//
// Exit status 1 when the total is past the bar (or dist/ has no wasm), 0 otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, kb, sizesOf } from './lib/sizes.mjs';
import { REPO_ROOT } from './fixtures.mjs';

export const SIZE_BAR_KB = 100;
const COUNTED = new Set(['.wasm', '.js', '.css']);

/** {files, total, counted, bar} for a build directory; `counted` are the wasm, JS and CSS files. */
export function appDownload(dist = join(REPO_ROOT, 'dist')) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: build first (trunk build --release --offline)`);
  // What index.html loads (stale files of older builds in dist/ do not count), by its references, and the
  // JavaScript snippets wasm-bindgen's glue imports from snippets/ (the exercise link's compression).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = new Set([...html.matchAll(/["'(]\/?([\w.-]+\.(?:wasm|js|css))["')]/g)].map((m) => join(dist, m[1])));
  const all = filesIn(dist);
  const loaded = all.filter((f) => referenced.has(f) || f.startsWith(join(dist, 'snippets')));
  const counted = sizesOf(loaded.filter((f) => COUNTED.has(extname(f))));
  const others = sizesOf(all.filter((f) => !loaded.includes(f) && f !== join(dist, 'index.html')).concat(join(dist, 'index.html')));
  return { dist, counted, others, hasWasm: counted.files.some((f) => f.file.endsWith('.wasm')) };
}

export function printDownload({ dist, counted, others }, maxKb = SIZE_BAR_KB, log = console.log) {
  log(`app download (${relative(process.cwd(), dist) || dist}/), KB = 1024 bytes:`);
  log(`  ${'file'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  for (const f of [...counted.files, ...others.files.map((o) => ({ ...o, name: `${o.name} (not counted)` }))]) {
    log(`  ${f.name.padEnd(44)} ${kb(f.raw).padStart(9)} ${kb(f.gzip).padStart(9)} ${kb(f.brotli).padStart(9)}`);
  }
  const t = counted.total;
  log(`  ${'wasm + JS + CSS'.padEnd(44)} ${kb(t.raw).padStart(9)} ${kb(t.gzip).padStart(9)} ${kb(t.brotli).padStart(9)}   bar: ${maxKb} KB brotli`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const maxAt = args.indexOf('--max-kb');
  const maxKb = maxAt >= 0 ? Number(args[maxAt + 1]) : Number(process.env.NA_SIZE_GUARD_KB) || SIZE_BAR_KB;
  const dir = args.find((a, i) => !a.startsWith('--') && !(maxAt >= 0 && i === maxAt + 1));
  let result;
  try {
    result = appDownload(resolve(dir ?? join(REPO_ROOT, 'dist')));
  } catch (err) {
    console.error(`size check: FAILED: ${err.message}`);
    process.exit(1);
  }
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printDownload(result, maxKb);
  const brotliKb = result.counted.total.brotli / 1024;
  if (!result.hasWasm) {
    console.error('size check: FAILED: no .wasm file in the build');
    process.exit(1);
  }
  if (brotliKb > maxKb) {
    console.error(`size check: FAILED: ${brotliKb.toFixed(1)} KB brotli is past the ${maxKb} KB bar`);
    process.exit(1);
  }
  console.log(`size check: ok, ${brotliKb.toFixed(1)} KB brotli of ${maxKb} KB`);
}
