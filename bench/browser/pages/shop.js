// Merchant code of the SDK bench page (open.html), written as shops write it.
// ?init=load: IMP.init at page load (the SDK prewarms the checkout in idle
// time); otherwise IMP.init inside the click handler, right before
// request_pay (a cold open: nothing was prewarmed). Every run records
// epoch-based timestamps (performance.timeOrigin + performance.now()), so
// they compare with those taken inside the cross-origin checkout frame.
(function () {
  var now = function () {
    return performance.timeOrigin + performance.now();
  };
  var atLoad = new URLSearchParams(location.search).get('init') === 'load';
  var CODE = 'imp19424728';
  window.__runs = [];
  window.__readyChannels = {};
  // Every `ready` the page hears (a prewarmed frame's, or a flow's), by channel.
  var heard = [];
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.ns !== 'imp-checkout' || data.type !== 'ready') return;
    if (!window.__readyChannels[data.channel]) {
      window.__readyChannels[data.channel] = now();
      // Bounded, like the runs below: the leak figures must not count the bench's own records.
      heard.push(data.channel);
      if (heard.length > 8) delete window.__readyChannels[heard.shift()];
    }
    var run = window.__runs[window.__runs.length - 1];
    if (run && !run.ready && !run.done) run.ready = now();
  });
  if (atLoad) IMP.init(CODE);
  document.getElementById('pay').addEventListener('click', function () {
    var run = { t0: now(), id: window.__runs.length ? window.__runs[window.__runs.length - 1].id + 1 : 1 };
    window.__runs.push(run);
    if (window.__runs.length > 8) window.__runs.shift();
    if (!atLoad) IMP.init(CODE);
    IMP.request_pay(
      { amount: 1000, name: window.__orderName || 'bench [approve]', merchant_uid: 'bench-' + Date.now() + '-' + Math.random().toString(36).slice(2) },
      function (rsp) {
        run.callback = now();
        run.success = rsp.success;
        run.error_code = rsp.error_code || null;
        run.done = true;
      },
    );
    run.returned = now();
    // The merchant page's side of "the overlay is on screen": two frames later its frame with the overlay was produced.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        run.overlayPainted = now();
      });
    });
  });
})();
