// The long-work cells of issue 15, run by run.mjs: `big-import` (a 50 MB file of the app's own format
// through the header's file input, then the same cancelled) and `big-export` (10,000 annotations, every
// format of the export dialog); and issue 16's `corpus-import` (1,000 texts and 50,000 spans of doccano
// JSONL, previewed and merged). Each run in a new browser context on the shipped build (dist/) served by
// the harness's loopback server; report only. After the measured runs, one more run of each is traced
// (not counted: tracing slows the page) to tell what the long tasks were made of.
import { join } from 'node:path';
import { bigExport, bigImport, bigImportCancelled, corpusImport } from './long-work.mjs';
import { BIG_IMPORT_BYTES, CORPUS, EXPORT_COUNT, bigImportJson, bundledArticles, corpusJsonl, exportJson, writeOnce } from './long-work-file.mjs';
import { startBenchServer } from './server.mjs';
import { median } from './stats.mjs';
import { tracer } from './task-trace.mjs';

/** The cell names run.mjs accepts in --cells, and the results key of each. */
export const LONG_WORK_CELLS = { 'big-import': 'import', 'big-export': 'export', 'corpus-import': 'corpus' };

/** How long the cancelled run waits past the median time the uncancelled runs took to their preview. */
export const CANCEL_GRACE_MS = 5000;

/**
 * Runs the cells in `cells` (values of LONG_WORK_CELLS) with `browser`; returns results.longWork. The
 * files are written to `outDir`/long-work/ (once: a run with the same file leaves it alone).
 */
export async function runLongWorkCells(browser, { cells, dist, repoRoot, outDir, runs, warmup, trace = true, log }) {
  const articles = bundledArticles(repoRoot);
  const dir = join(outDir, 'long-work');
  const lw = { runs, warmup, errors: [] };
  const server = await startBenchServer({ '/': dist });
  const base = server.url.endsWith('/') ? server.url : `${server.url}/`;
  /** `n` warm-up and measured runs of `fn`, each caught; returns the measured outputs. */
  const repeat = async (name, fn) => {
    const slot = { runs: [], errors: [] };
    for (let i = 0; i < warmup + runs; i++) {
      const warm = i < warmup;
      const t0 = Date.now();
      try {
        const out = await fn();
        if (!warm) slot.runs.push(out);
        log(`${name} ${warm ? 'warm-up' : `run ${i - warmup + 1}`}: ${describe(out)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (err) {
        const msg = `${name} ${warm ? 'warm-up' : `run ${i - warmup + 1}`}: ${String(err?.message ?? err).split('\n').slice(0, 2).join(' ')}`;
        slot.errors.push(msg);
        lw.errors.push(msg);
        log(`FAILED ${msg}`);
      }
    }
    return slot;
  };
  /** One traced run, its analysis kept; never fails the cells. */
  const traced = async (name, fn) => {
    if (!trace) return null;
    try {
      const out = await fn(tracer(browser));
      log(`${name} traced: ${out.trace?.tasks?.length ?? 0} long task(s) in the trace`);
      return out;
    } catch (err) {
      lw.errors.push(`${name} traced: ${String(err?.message ?? err).split('\n')[0]}`);
      log(`FAILED ${lw.errors.at(-1)}`);
      return null;
    }
  };
  try {
    if (cells.has('import')) {
      const big = bigImportJson(articles, BIG_IMPORT_BYTES);
      const file = writeOnce(join(dir, 'import-50mb.json'), big.json);
      lw.importFile = { bytes: file.bytes, annotations: big.annotations, distinct: big.distinct, articles: articles.length };
      log(`big import: ${(file.bytes / 1e6).toFixed(1)} MB, ${big.annotations} annotations (${big.distinct} distinct) on ${articles.length} articles`);
      lw.import = await repeat('big import', () => bigImport(browser, base, file.file));
      const answer = median(lw.import.runs.map((x) => x.previewAt)) ?? 30_000;
      lw.cancel = await repeat('big import cancelled', () => bigImportCancelled(browser, base, file.file, { waitMs: Math.round(answer + CANCEL_GRACE_MS) }));
      lw.importTrace = (await traced('big import', (t) => bigImport(browser, base, file.file, { tracer: t })))?.trace ?? null;
    }
    if (cells.has('export')) {
      const file = writeOnce(join(dir, `export-${EXPORT_COUNT}.json`), exportJson(articles, EXPORT_COUNT));
      lw.exportFile = { bytes: file.bytes, annotations: EXPORT_COUNT, articles: articles.length };
      lw.export = await repeat('big export', () => bigExport(browser, base, file.file, EXPORT_COUNT));
      lw.exportTrace = (await traced('big export', (t) => bigExport(browser, base, file.file, EXPORT_COUNT, { tracer: t })))?.trace ?? null;
    }
    if (cells.has('corpus')) {
      const corpus = corpusJsonl(CORPUS);
      const file = writeOnce(join(dir, `corpus-${corpus.texts}.jsonl`), corpus.jsonl);
      lw.corpusFile = { bytes: file.bytes, texts: corpus.texts, spans: corpus.spans };
      log(`corpus import: ${(file.bytes / 1e6).toFixed(1)} MB of doccano JSONL, ${corpus.texts} texts, ${corpus.spans} spans`);
      lw.corpus = await repeat('corpus import', () => corpusImport(browser, base, file.file, corpus.texts));
    }
  } finally {
    await server.close();
  }
  return lw;
}

function describe(out) {
  const lt = (x) => `${x.count} long task(s), longest ${x.longest.toFixed(0)} ms`;
  if (out.steps) return `preview at ${out.previewFrame.toFixed(0)} ms (${lt(out.longTasks)}); ${out.steps.map((st) => `${st.name}: ${st.outcome.slice(0, 40)} at ${st.frame.toFixed(0)} ms (${lt(st.longTasks)})`).join('; ')}`;
  if (out.formats) return out.formats.map((f) => `${f.format} ${f.previewMs.toFixed(0)} ms (${lt(f.longTasks)})`).join('; ');
  if (out.unchanged !== undefined) return `reading at ${out.readingAt.toFixed(0)} ms, cancelled at ${out.cancelAt?.toFixed(0) ?? '–'} ms, workspace ${out.unchanged ? 'unchanged' : 'CHANGED'}; ${lt(out.longTasks)}`;
  return `reading on screen at ${out.readingFrame.toFixed(0)} ms, preview at ${out.previewFrame.toFixed(0)} ms; ${lt(out.longTasks)}, sum ${out.longTasks.sum.toFixed(0)} ms`;
}
