// Download sizes: raw, gzip (level 9) and brotli (quality 11, text mode for text files) of files on disk.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

/** {file, raw, gzip, brotli} of one file. */
export function sizeOf(file) {
  const body = readFileSync(file);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: TEXT.has(extname(file)) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }).length;
  return { file, name: basename(file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli };
}

/** Sizes of `files` and their total. */
export function sizesOf(files) {
  const each = files.map(sizeOf);
  const total = each.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  return { files: each, total };
}

/** Every file of a build directory (e.g. dist/), recursively. */
export function filesIn(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

export const kb = (bytes) => (bytes / 1024).toFixed(1);
