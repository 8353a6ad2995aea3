// The peer page's glue around @recogito/text-annotator 4.1.1 (global RecogitoJS from its UMD bundle).
//
// /peer/?fixture=/fixtures/NAME.json does what the app's bench build does with the same URL:
//   1. fetch the fixture, lay its text out as one <p> per line (with "\n" text nodes between them, so the
//      container's text is exactly the article text and the library's offsets are string indexes);
//   2. createTextAnnotator(container) with the default SPANS renderer and a style per label;
//   3. load every annotation (code point offsets converted to UTF-16 string indexes, which the library
//      uses) through the library's store in one bulk call;
//   4. at the renderer's first redraw after the load, mark 'painted' and resolve peerBench.ready. The
//      renderer draws in a requestAnimationFrame callback and emits 'onRedraw' from a setTimeout set there,
//      so the mark falls in the task after the frame that painted the highlights: the same point as the
//      app's 'painted' mark (requestAnimationFrame, then setTimeout, after its 'rendered' mark).
// window.peerBench mirrors the app's window.newsAnnotatorBench (save, restore, export, formats) with the
// library's own means, plus armAdd() for timing one annotation made with the mouse.
(() => {
  'use strict';
  const { createTextAnnotator, W3CTextFormat, Origin } = window.RecogitoJS;
  const STATE_KEY = 'peer/annotations';
  const STYLES = {
    claim: { fill: 'rgb(245, 180, 0)', fillOpacity: 0.3 },
    quote: { fill: 'rgb(31, 111, 209)', fillOpacity: 0.18, underlineColor: '#1f6fd1', underlineThickness: 2, underlineStyle: 'solid' },
    entity: { fill: 'rgb(28, 138, 78)', fillOpacity: 0.18 },
  };

  let anno;
  let container;
  let text = '';
  let resolveReady;
  let rejectReady;
  const ready = new Promise((ok, fail) => {
    resolveReady = ok;
    rejectReady = fail;
  });

  /** The next renderer redraw. The renderer redraws in a requestAnimationFrame callback and emits
   * 'onRedraw' from a setTimeout scheduled there, i.e. after that frame has been painted. */
  const nextRedraw = () =>
    new Promise((ok) => {
      const off = anno.renderer.on('onRedraw', () => {
        off();
        ok(performance.now());
      });
    });

  const toPeer = (a, u16) => ({
    id: a.id,
    bodies: [{ id: `${a.id}-label`, annotation: a.id, purpose: 'tagging', value: a.label, ...(a.kind ? { kind: a.kind } : {}) }],
    target: { annotation: a.id, selector: [{ quote: text.slice(u16[a.start], u16[a.end]), start: u16[a.start], end: u16[a.end] }] },
  });

  async function main() {
    const fixture = new URLSearchParams(location.search).get('fixture');
    if (!fixture) throw new Error('no ?fixture=');
    const data = await (await fetch(fixture)).json();
    text = data.article.text;
    document.getElementById('title').textContent = data.article.title;

    // Code point index -> UTF-16 index.
    const u16 = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; cp++) {
      u16[cp] = i;
      i += text.codePointAt(i) > 0xffff ? 2 : 1;
    }
    u16[cp] = text.length;

    container = document.getElementById('text');
    const frag = document.createDocumentFragment();
    text.split('\n').forEach((line, i) => {
      if (i > 0) frag.append('\n');
      const p = document.createElement('p');
      p.className = 'para';
      p.textContent = line;
      frag.append(p);
    });
    container.append(frag);

    anno = createTextAnnotator(container, {
      style: (annotation, state) => {
        const style = STYLES[annotation.bodies[0]?.value] ?? STYLES.claim;
        return state?.selected ? { ...style, fillOpacity: 0.5 } : style;
      },
    });
    const painted = nextRedraw();
    // The store's bulk load: turns each offset pair into a DOM Range and indexes its client rects.
    anno.state.store.bulkAddAnnotations(data.annotations.map((a) => toPeer(a, u16)), true, Origin.REMOTE);
    performance.mark('peer:loaded');
    await painted;
    performance.mark('peer:rendered');
    performance.mark('painted');
    resolveReady({ annotations: anno.state.store.all().length });
  }

  const adapterFor = (withContext) => W3CTextFormat('bench', withContext ? container : undefined);
  const time = (fn) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };

  window.peerBench = {
    ready,
    get annotator() {
      return anno;
    },
    count: () => anno.state.store.all().length,
    formats: () => ['w3c'],
    /** Serialise every annotation (W3C, no context) and write it to localStorage. */
    save: () =>
      time(() => {
        const adapter = adapterFor(false);
        localStorage.setItem(STATE_KEY, JSON.stringify(anno.state.store.all().map((a) => adapter.serialize(a))));
      }),
    /** Read localStorage, parse, and rebuild the store (DOM ranges and the spatial index). */
    restore: () =>
      time(() => {
        const adapter = adapterFor(false);
        const stored = JSON.parse(localStorage.getItem(STATE_KEY) ?? '[]');
        const parsed = stored.map((w) => adapter.parse(w).parsed).filter(Boolean);
        anno.state.store.bulkAddAnnotations(parsed, true, Origin.REMOTE);
      }),
    /**
     * The W3C Web Annotation export (TextQuoteSelector + TextPositionSelector). Without the quote's
     * prefix and suffix: the library computes those by cloning the DOM from the start of the container
     * for every annotation (11 s for 1,000 annotations in 100 KB here), which does not finish in useful
     * time for 10,000 annotations in 1 MB. `w3c-context` is that export, for smaller fixtures.
     */
    export: (format = 'w3c') =>
      time(() => {
        if (format !== 'w3c' && format !== 'w3c-context') throw new Error(`no format ${format}`);
        const adapter = adapterFor(format === 'w3c-context');
        const out = JSON.stringify(anno.state.store.all().map((a) => adapter.serialize(a)));
        if (!out.length) throw new Error('empty export');
      }),
    /**
     * Call before the mouse selection: resolves with {t0, created, painted, id} for the next annotation the
     * library creates (it creates one on pointerup): t0 is the pointerup's timeStamp, created when it entered
     * the store, painted the end of the first redraw after that (after its frame was painted).
     */
    armAdd: () =>
      new Promise((ok) => {
        let t0 = null;
        let created = null;
        let id = null;
        window.addEventListener('pointerup', (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const observer = (event) => {
          const fresh = event.changes.created ?? [];
          if (created === null && fresh.length) {
            created = performance.now();
            id = fresh[0].id;
          }
        };
        anno.state.store.observe(observer);
        const off = anno.renderer.on('onRedraw', () => {
          if (created === null) return;
          off();
          anno.state.store.unobserve(observer);
          ok({ t0, created, painted: performance.now(), id });
        });
      }),
    undo: () => anno.undo(),
  };

  main().catch((err) => {
    console.error(err);
    rejectReady(err);
  });
})();
