// Bundle-size check: the brotli (quality 11) size of the app's critical path in the normal release build
// (dist/, without the bench feature): index.html and the CSS, JS and wasm it loads (see
// lib/critical-path.mjs). Everything else in dist/ (a web worker's JS and wasm the app starts later, the
// service worker, icons) is reported beside it, and not counted.
//
//   node bench/size.mjs [DIST_DIR] [--max-kb 100] [--json]
//
// The bar is --max-kb, else NA_SIZE_GUARD_KB, else 100 KB; the critical path is held against it. Exit
// status 1 when the critical path is past the bar (or it has no wasm), 0 otherwise.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { criticalPath } from './lib/critical-path.mjs';
import { filesIn, kb, sizesOf } from './lib/sizes.mjs';
import { REPO_ROOT } from './fixtures.mjs';

export const SIZE_BAR_KB = 100;
/** The bar of issue 15 for the critical path (brotli), reported by the first-visit section. */
export const CRITICAL_PATH_BAR_KB = 200;

/**
 * {dist, counted, all, others, hasWasm} for a build directory: `counted` is the critical path (index.html
 * first), `all` every file of dist/, `others` the files that are not on the critical path.
 */
export function appDownload(dist = join(REPO_ROOT, 'dist')) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: build first (trunk build --release --offline)`);
  const critical = criticalPath(dist);
  const files = filesIn(dist);
  const counted = sizesOf(critical);
  const others = sizesOf(files.filter((f) => !critical.includes(f)));
  const all = { files: [...counted.files, ...others.files], total: sum(counted.total, others.total) };
  return { dist, counted, all, others, hasWasm: counted.files.some((f) => f.file.endsWith('.wasm')) };
}

const sum = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

export function printDownload({ dist, counted, others, all }, maxKb = SIZE_BAR_KB, log = console.log) {
  const row = (name, s) => `  ${name.padEnd(52)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} ${kb(s.brotli).padStart(9)}`;
  log(`app download (${relative(process.cwd(), dist) || dist}/), KB = 1024 bytes:`);
  log(`  ${'file'.padEnd(52)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  for (const f of counted.files) log(row(f.name, f));
  log(`${row('critical path (index.html + its CSS, JS, wasm)', counted.total)}   bar: ${maxKb} KB brotli`);
  for (const f of others.files) log(row(`${relative(dist, f.file)} (later or never)`, f));
  log(row('everything in dist/', all.total));
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
    console.error('size check: FAILED: no .wasm file on the critical path');
    process.exit(1);
  }
  if (brotliKb > maxKb) {
    console.error(`size check: FAILED: the critical path, ${brotliKb.toFixed(1)} KB brotli, is past the ${maxKb} KB bar`);
    process.exit(1);
  }
  console.log(`size check: ok, critical path ${brotliKb.toFixed(1)} KB brotli of ${maxKb} KB; everything in dist/ ${(result.all.total.brotli / 1024).toFixed(1)} KB`);
}
