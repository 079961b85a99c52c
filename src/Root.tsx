import { StrictMode } from 'react';
import { StoreContext } from './store/hooks';
import type { GradflowStore } from './store/store';
import { App } from './ui/App';

/** The whole app for a store: what the page renders, and what the build prerenders (see prerender.tsx). */
export function Root({ store }: { store: GradflowStore }) {
  return (
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>
  );
}
