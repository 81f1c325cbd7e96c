// The baseline page (bare.html): no SDK. A click inserts a plain full-page
// iframe of the same checkout URL the SDK opens (fresh channel), and speaks
// the protocol by hand: `request` on the first `ready`, done on `result`.
// This is the physical limit of opening the checkout in an iframe here.
(function () {
  var now = function () {
    return performance.timeOrigin + performance.now();
  };
  var sandbox = document.querySelector('meta[name=sandbox]').content;
  window.__runs = [];
  var channelId = function () {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  };
  document.getElementById('pay').addEventListener('click', function () {
    var run = { t0: now(), id: window.__runs.length ? window.__runs[window.__runs.length - 1].id + 1 : 1 };
    window.__runs.push(run);
    if (window.__runs.length > 8) window.__runs.shift();
    var channel = channelId();
    var frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;top:0;left:0;width:100%;height:100%;border:0;z-index:2147483647;background:rgba(0,0,0,.5)';
    frame.src = sandbox + '/checkout/window?mode=iframe&channel=' + channel;
    var onMessage = function (event) {
      var data = event.data;
      if (event.source !== frame.contentWindow || event.origin !== sandbox || !data || data.ns !== 'imp-checkout' || data.channel !== channel) return;
      if (data.type === 'ready') {
        if (!run.ready) run.ready = now();
        frame.contentWindow.postMessage({ ns: 'imp-checkout', v: 1, type: 'request', channel: channel, payload: {
          action: 'payment', sdk: 'bench',
          params: { amount: 1000, name: window.__orderName || 'bench [approve]', merchant_uid: 'bare-' + Date.now() + '-' + Math.random().toString(36).slice(2), pay_method: 'card', currency: 'KRW', user_code: 'imp19424728' },
        } }, sandbox);
      } else if (data.type === 'result') {
        run.callback = now();
        run.success = data.payload.response.success;
        run.error_code = data.payload.response.error_code || null;
        run.done = true;
        window.removeEventListener('message', onMessage);
        frame.remove();
      }
    };
    window.addEventListener('message', onMessage);
    document.documentElement.appendChild(frame);
    run.returned = now();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        run.overlayPainted = now();
      });
    });
  });
})();
