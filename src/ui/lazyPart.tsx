import { type ComponentType, use } from 'react';

/** A part of the page whose code is fetched the first time it is drawn (see <Lazy>). */
export interface LazyPart {
  load: () => Promise<ComponentType>;
  loaded: ComponentType | null;
  pending: Promise<ComponentType> | null;
}

export function lazyPart(load: () => Promise<ComponentType>): LazyPart {
  return { load, loaded: null, pending: null };
}

/**
 * Draws a lazy part (inside a <Suspense>), like React.lazy, but a failed fetch is not remembered: the
 * error goes to the part's boundary, and "Reset the view" (or the next time it is drawn) fetches again.
 * The single-file build inlines the code, so there it never fails.
 */
export function Lazy({ part }: { part: LazyPart }) {
  if (part.loaded) {
    const C = part.loaded;
    return <C />;
  }
  part.pending ??= part.load().then(
    (c) => {
      part.loaded = c;
      return c;
    },
    (e: unknown) => {
      part.pending = null;
      throw e;
    },
  );
  const C = use(part.pending);
  return <C />;
}
