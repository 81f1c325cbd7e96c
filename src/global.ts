// The script-tag build's entry (dist/iamport.js) and the only writer of
// window.IMP. The service origin is the origin this script was loaded from
// ("{service}/v1/iamport.js"), so one tag serves any sandbox or deployment.
import { IMP, SDK_BRAND } from './imp';
import { httpUrl } from './service';
import { state } from './state';

if (typeof window !== 'undefined') {
  const existing = window.IMP as Record<symbol, unknown> | undefined;
  // Loaded twice (SPA navigation, a tag in two templates): keep the first copy,
  // so its merchant, its service and an open checkout survive.
  if (!(existing && existing[SDK_BRAND])) {
    const script = document.currentScript as HTMLScriptElement | null;
    const url = script && httpUrl(script.src);
    if (url) state.service = url.origin;
    window.IMP = IMP;
  }
}
