// Stops the page behind the overlay from scrolling and puts it back exactly:
// the whole style attribute is restored (or removed if there was none), so the
// merchant's own inline overflow rules survive untouched.

export function lockScroll(doc: Document): () => void {
  const restores = [doc.documentElement, doc.body].map((el) => {
    if (!el) return () => {};
    const before = el.getAttribute('style');
    el.style.setProperty('overflow', 'hidden', 'important');
    return () => (before === null ? el.removeAttribute('style') : el.setAttribute('style', before));
  });
  return () => restores.forEach((restore) => restore());
}
