// Stops the page behind the overlay from scrolling and puts it back exactly:
// the whole style attribute is restored (or removed if there was none), so the
// merchant's own inline overflow rules survive untouched.
//
// The lock is written as attribute text, not through el.style: Chromium
// serialises a CSSOM change into the attribute lazily, and a style attribute
// removed before that happened comes back as style="" on the next read, so the
// page was left with empty style attributes after every checkout.

const LOCK = 'overflow:hidden!important';

export function lockScroll(doc: Document): () => void {
  const restores = [doc.documentElement, doc.body].map((el) => {
    if (!el) return () => {};
    const before = el.getAttribute('style');
    // Last in the attribute, so it wins over the merchant's own inline overflow.
    el.setAttribute('style', before ? `${before};${LOCK}` : LOCK);
    return () => (before === null ? el.removeAttribute('style') : el.setAttribute('style', before));
  });
  return () => restores.forEach((restore) => restore());
}
