import katex from 'katex';
import { useEffect, useRef } from 'react';

/**
 * Renders LaTeX that Gradflow built from the graph (never raw user text) with KaTeX, safely:
 * trust off, bounded macro expansion and sizes, errors shown as text rather than thrown.
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
  useEffect(() => {
    if (!ref.current) return;
    try {
      katex.render(latex, ref.current, {
        displayMode: display,
        throwOnError: false,
        trust: false,
        strict: 'ignore',
        maxExpand: 200,
        maxSize: 20,
        output: 'htmlAndMathml',
      });
    } catch {
      ref.current.textContent = latex;
    }
  }, [latex, display]);
  return <span ref={ref} className={className} />;
}
