// The KaTeX part, loaded on demand (see ./load.ts): its code and its stylesheet in one dynamic import,
// so that the first paint waits for neither. The stylesheet comes as a string (fonts as URLs next to it,
// or inlined in the single-file build) and goes in once, before the app's own styles, which refine it.
import katex from 'katex';
import css from 'katex/dist/katex.min.css?inline';

let styled = false;

/**
 * Renders LaTeX that Gradflow built from the graph (never raw user text) with KaTeX, safely: trust off,
 * bounded macro expansion and sizes, errors shown as KaTeX's red text rather than thrown.
 */
export function renderTex(latex: string, element: HTMLElement, display: boolean): void {
  if (!styled) {
    const style = document.createElement('style');
    style.dataset.katex = '';
    style.textContent = css;
    document.head.prepend(style);
    styled = true;
  }
  katex.render(latex, element, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 200,
    maxSize: 20,
    output: 'htmlAndMathml',
  });
}
