import { useEffect, useRef, useSyncExternalStore } from 'react';
import { needTex, subscribeTex, texRenderer } from './tex/load';

/**
 * LaTeX that Gradflow built from the graph (never raw user text), rendered by KaTeX (see tex/katex.ts
 * for the safe options). KaTeX is loaded lazily: until it arrives the LaTeX is shown as plain text.
 */
export function Tex({
  latex,
  display = false,
  className,
}: {
  latex: string;
  display?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const render = useSyncExternalStore(subscribeTex, texRenderer, texRenderer);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!render) {
      el.textContent = latex;
      needTex();
      return;
    }
    try {
      render(latex, el, display);
    } catch {
      el.textContent = latex;
    }
  }, [latex, display, render]);
  const cls = [className, render ? '' : `tex-plain${display ? ' tex-plain-display' : ''}`].filter(Boolean);
  return <span ref={ref} className={cls.join(' ') || undefined} />;
}
