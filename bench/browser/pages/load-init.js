// Times IMP.init() as a shop calls it at page load, beside a call that does nothing.
(function () {
  var noop = function () {};
  var t = performance.now();
  noop('imp19424728');
  window.__noop = performance.now() - t;
  t = performance.now();
  IMP.init('imp19424728');
  window.__init = performance.now() - t;
})();
