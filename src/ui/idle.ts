/** After the frame being drawn now has been painted (or soon, if frames are not being drawn). */
export function afterPaint(f: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    f();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

/** Once the page has loaded, painted and gone idle: for fetching what the first paint did not need. */
export function whenIdle(f: () => void): void {
  const idle = () =>
    afterPaint(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 3000 });
      else setTimeout(f, 200);
    });
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
