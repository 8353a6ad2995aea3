// The visit cells of issue 15, run by run.mjs: first visit (ours, peer, static), returning visit with
// 1,000 saved annotations (ours, peer) and ready to tag (ours, peer), each page load in a new browser
// context, the pages interleaved. They get a server of their own (the harness's loopback server, with the
// shipped build dist/ at `/`, which the app's absolute paths need) so that all three pages share one origin,
// transport and headers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interleave } from './interleave.mjs';
import { startBenchServer } from './server.mjs';
import { PEER_STATE_KEY, SAVED_COUNT, articlePage, firstArticle, nativeFile, savedSpans, w3cAnnotations, wordsOf } from './visit-article.mjs';
import { VISIT_PAGES, readyToTag, savedStateOfApp, storageStateWith, visit } from './visits.mjs';

/** The cell names run.mjs accepts in --cells, and the results key of each. */
export const VISIT_CELLS = { 'first-visit': 'first', 'returning-visit': 'returning', 'ready-to-tag': 'ready' };

/** UTF-16 [a, b) of the words 2 to 4 of the article's first line: what ready-to-tag selects. */
export function tagTarget(article) {
  const words = wordsOf(article.lines[0]);
  if (words.length < 4) throw new Error('the first line of the article has fewer than four words');
  return { a: words[1].start, b: words[3].end };
}

/**
 * Runs the visit cells named in `cells` (keys of VISIT_CELLS) with `browser`; returns results.visits.
 * `dist` is the shipped build, `peerDist` the library's dist/, `outDir` where the pages are written.
 */
export async function runVisitCells(browser, { cells, dist, peerDist, repoRoot, outDir, runs, warmup, log }) {
  const article = firstArticle(repoRoot);
  const pagesDir = join(outDir, 'visit');
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(join(pagesDir, 'static.html'), articlePage(article));
  writeFileSync(join(pagesDir, 'peer.html'), articlePage(article, { peer: true }));
  const spans = savedSpans(article, SAVED_COUNT);

  const v = {
    article: { id: article.id, title: article.title, lines: article.lines.length, bytes: Buffer.byteLength(article.text) },
    saved: SAVED_COUNT,
    runs,
    warmup,
    errors: [],
  };
  const server = await startBenchServer({ '/': dist, '/visit/': pagesDir, '/peer/': join(repoRoot, 'bench', 'peer'), '/vendor/': peerDist });
  const base = server.url.endsWith('/') ? server.url : `${server.url}/`;
  const origin = new URL(base).origin;
  try {
    /** The interleaved rounds of one cell over `keys`; `fn(page, warm)` measures one load. */
    const cell = async (name, keys, fn) => {
      const into = (v[name] = {});
      for (const { key, round, warm } of interleave(keys, runs, warmup)) {
        const slot = (into[key] ??= { runs: [], errors: [] });
        if (slot.errors.length >= 2 && !slot.runs.length) continue;
        const t0 = Date.now();
        try {
          const out = await fn(VISIT_PAGES[key], warm);
          if (!warm) slot.runs.push(out);
          log(`${name} ${key} ${warm ? 'warm-up' : `run ${round - warmup + 1}`}: ${describe(out)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        } catch (err) {
          const msg = `${name} ${key} round ${round}: ${String(err?.message ?? err).split('\n').slice(0, 2).join(' ')}`;
          slot.errors.push(msg);
          v.errors.push(msg);
          log(`FAILED ${msg}`);
        }
      }
    };

    if (cells.has('first')) {
      await cell('first', ['ours', 'peer', 'static'], (page) => visit(browser, base, page, { lines: article.lines.length }));
    }
    if (cells.has('returning')) {
      let ours = null;
      try {
        ours = await savedStateOfApp(browser, base, JSON.stringify(nativeFile(article, spans)), SAVED_COUNT);
        log(`returning visit: the app saved ${(JSON.stringify(ours).length / 1024).toFixed(0)} KB of localStorage for ${SAVED_COUNT} annotations`);
      } catch (err) {
        v.errors.push(`returning visit: making the saved state: ${String(err?.message ?? err).split('\n')[0]}`);
        log(`FAILED ${v.errors.at(-1)}`);
      }
      if (ours) {
        const states = { ours, peer: storageStateWith(origin, PEER_STATE_KEY, JSON.stringify(w3cAnnotations(article, spans))) };
        await cell('returning', ['ours', 'peer'], (page) =>
          visit(browser, base, page, { lines: article.lines.length, storageState: states[page.key], highlights: true, expectHighlights: SAVED_COUNT }),
        );
      }
    }
    if (cells.has('ready')) {
      const target = tagTarget(article);
      await cell('ready', ['ours', 'peer'], (page) => readyToTag(browser, base, page, target));
    }
  } finally {
    await server.close();
  }
  return v;
}

function describe(out) {
  const parts = [];
  if (out.paint !== undefined) parts.push(`painted at ${out.paint.toFixed(0)} ms`);
  if (out.highlightsPainted !== undefined) parts.push(`highlights painted at ${out.highlightsPainted.toFixed(0)} ms`);
  if (out.longestTaskBeforePaint) parts.push(`longest task before ${out.longestTaskBeforePaint.toFixed(0)} ms`);
  if (out.readyAt !== undefined) parts.push(`tagged at ${out.readyAt.toFixed(0)} ms after ${out.attempts} attempt(s)`);
  return parts.join(', ');
}
