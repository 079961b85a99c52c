/**
 * The first screen of a first visit (the default example, default preferences), rendered to HTML at build
 * time (see the prerender plugin in vite.config.ts) and put in index.html, so that the graph is painted
 * before any script runs. main.tsx hydrates it when the visit is a first one, else replaces it. The layout
 * is the same as the page's: a graph this small is laid out at once on the main thread (layoutNow), here
 * and there alike.
 */
import { renderToString } from 'react-dom/server';
import { Root } from './Root';
import { FIRST_VISIT } from './store/persist';
import { createGradflowStore } from './store/store';
import { type Bounds, boundsOf, MAX_SCALE } from './view/bounds';

export function prerenderFirstScreen(): { html: string; bounds: Bounds; maxScale: number } {
  const store = createGradflowStore(FIRST_VISIT);
  const layout = store.getState().scene?.layout;
  if (!layout) throw new Error('the first example has no graph');
  return {
    html: renderToString(<Root store={store} />),
    bounds: boundsOf(layout),
    maxScale: MAX_SCALE.screen,
  };
}
