import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StoreContext } from './store/hooks';
import { initialOptions, syncWithLocation } from './store/persist';
import { createGradflowStore } from './store/store';
import { App } from './ui/App';
import { whenIdle } from './ui/idle';
import { preloadParts } from './ui/lazyPart';
import { loadTex } from './ui/tex/load';
import { makeLayoutFn } from './view/layoutService';

const store = createGradflowStore({ ...initialOptions(window.location.hash), layoutFn: makeLayoutFn() });
syncWithLocation(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs <div id="root">');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
// KaTeX and the parts that start closed (tools, export, reference, shortcuts) are not part of the first
// paint: they are fetched once the page is up and idle, or when first needed (see ui/tex/load.ts).
whenIdle(() => {
  void loadTex();
  preloadParts();
});
