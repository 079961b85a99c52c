import './styles.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Root } from './Root';
import { initialOptions, isFirstVisit, syncWithLocation } from './store/persist';
import { createGradflowStore } from './store/store';
import { whenIdle } from './ui/idle';
import { preloadParts } from './ui/lazyPart';
import { loadTex } from './ui/tex/load';
import { loadPresets } from './ui/usePresets';
import { makeLayoutFn } from './view/layoutService';
import { preloadCamera } from './view/useFollow';

const options = initialOptions(window.location.hash);
const store = createGradflowStore({ ...options, layoutFn: makeLayoutFn() });
syncWithLocation(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs <div id="root">');
// The build puts the first visit's first screen in index.html (see prerender.tsx): a first visit takes it
// over as it is (the store's initial state renders exactly it); any other visit draws its own work instead.
if (root.hasAttribute('data-prerendered') && isFirstVisit(options)) {
  hydrateRoot(root, <Root store={store} />);
} else {
  root.replaceChildren();
  createRoot(root).render(<Root store={store} />);
}
root.removeAttribute('data-prerendered');
delete document.documentElement.dataset.returning;
// KaTeX and the parts that start closed (tools, export, reference, shortcuts) are not part of the first
// paint: they are fetched once the page is up and idle, or when first needed (see ui/tex/load.ts).
whenIdle(() => {
  void loadTex();
  void loadPresets();
  void preloadCamera();
  preloadParts();
});
