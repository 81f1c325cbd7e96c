// Injected by the bench driver at document start into every frame
// (context.addInitScript). In the checkout window it records, as epoch
// milliseconds (performance.timeOrigin + a performance timestamp: comparable
// across the cross-origin frames of one browser):
//   fcp       first-contentful-paint of the checkout document (Paint Timing):
//             the first painted frame of a checkout page, whatever it shows;
//   request   the `request` message arrived;
//   summary   the order summary is on screen: the renderTime (presentation
//             time of the frame that first showed it) of the order name,
//             from the Element Timing API;
//   sheet     the same for the approve button (the checkout can be used).
// Paint Timing and Element Timing are Chromium's own presentation timestamps,
// so the SDK page and the baseline page are measured by the same clock and
// the same definition; the probe only marks the two elements with the
// `elementtiming` attribute as they are inserted (before their first paint).
// It is also the driver's hand: as soon as the approve (or cancel) button
// exists, it is clicked, when the order name says "[approve]" ("[cancel]").
(function () {
  if (location.pathname !== '/checkout/window') return;
  var now = function () {
    return performance.timeOrigin + performance.now();
  };
  var marks = (window.__bench = {});
  var origin = performance.timeOrigin;
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      var at = origin + (entry.renderTime || entry.loadTime);
      if (entry.identifier === 'bench-summary' && !marks.summary) marks.summary = at;
      if (entry.identifier === 'bench-sheet' && !marks.sheet) marks.sheet = at;
    });
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      if (entry.name === 'first-contentful-paint') marks.fcp = performance.timeOrigin + entry.startTime;
    });
  }).observe({ type: 'paint', buffered: true });
  window.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'request' && !marks.request) marks.request = now();
  }, true);
  var seen = {};
  new MutationObserver(function () {
    // The order name of the pending summary, or of the full sheet when that replaced it before a paint.
    var name = document.querySelector('[data-testid=order-name]');
    if (name && !name.hasAttribute('elementtiming')) {
      if (!marks.summaryInserted) marks.summaryInserted = now();
      name.setAttribute('elementtiming', 'bench-summary');
    }
    var approve = document.querySelector('[data-testid=approve]');
    if (approve && !seen.sheet) {
      seen.sheet = true;
      marks.sheetInserted = now();
      approve.setAttribute('elementtiming', 'bench-sheet');
      var text = name ? name.textContent : '';
      if (text.indexOf('[approve]') >= 0) approve.click();
      else if (text.indexOf('[cancel]') >= 0) document.querySelector('[data-testid=cancel]').click();
    }
  }).observe(document, { childList: true, subtree: true });
})();
