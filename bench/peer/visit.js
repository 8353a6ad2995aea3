// The peer on the visit pages of issue 15 (bench/lib/visit-article.mjs writes them): the article is static
// HTML in #text; this script, deferred after @recogito/text-annotator's UMD bundle, attaches the library
// to it and, on a returning visit, restores the saved annotations the way the peer page's restore does
// (localStorage 'peer/annotations', W3C JSON, parsed by the library's W3CTextFormat and bulk-loaded into
// its store). At the renderer's first redraw after that load (in a setTimeout set in the frame that drew
// the highlights) it marks 'highlights'. window.peerVisit tells the harness what it did.
(() => {
  'use strict';
  const { createTextAnnotator, W3CTextFormat, Origin } = window.RecogitoJS;
  const STATE_KEY = 'peer/annotations';
  const STYLES = {
    claim: { fill: 'rgb(245, 180, 0)', fillOpacity: 0.3 },
    quote: { fill: 'rgb(31, 111, 209)', fillOpacity: 0.18, underlineColor: '#1f6fd1', underlineThickness: 2, underlineStyle: 'solid' },
    entity: { fill: 'rgb(28, 138, 78)', fillOpacity: 0.18 },
  };
  const anno = createTextAnnotator(document.getElementById('text'), {
    style: (annotation, state) => {
      const style = STYLES[annotation.bodies[0]?.value] ?? STYLES.claim;
      return state?.selected ? { ...style, fillOpacity: 0.5 } : style;
    },
  });
  const visit = (window.peerVisit = { attachedAt: performance.now(), restored: 0, errors: [], count: () => anno.state.store.all().length });

  const saved = localStorage.getItem(STATE_KEY);
  if (saved) {
    const adapter = W3CTextFormat('bench');
    const parsed = [];
    for (const w of JSON.parse(saved)) {
      const r = adapter.parse(w);
      if (r.error) visit.errors.push(String(r.error));
      else parsed.push(r.parsed);
    }
    const off = anno.renderer.on('onRedraw', () => {
      off();
      performance.mark('highlights');
    });
    anno.state.store.bulkAddAnnotations(parsed, true, Origin.REMOTE);
    visit.restored = anno.state.store.all().length;
  }
})();
