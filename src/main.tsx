import 'katex/dist/katex.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StoreContext } from './store/hooks';
import { initialOptions, syncWithLocation } from './store/persist';
import { createGradflowStore } from './store/store';
import { App } from './ui/App';
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
