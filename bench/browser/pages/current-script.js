// Control for the load bench: reads only what the SDK must read at load (its own origin, from
// document.currentScript.src). Chromium builds the page's first DOM element wrapper here.
window.__src = document.currentScript.src;
