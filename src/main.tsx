import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StoreContext } from './store/hooks';
import { initialOptions, syncWithLocation } from './store/persist';
import { createGradflowStore } from './store/store';
import { App } from './ui/App';
import { preloadTexWhenIdle } from './ui/tex/load';
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
// KaTeX is not part of the first paint: it comes once the page is up (see ui/tex/load.ts).
preloadTexWhenIdle();
