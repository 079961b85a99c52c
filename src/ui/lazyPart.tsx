import { type ComponentType, use } from 'react';

/**
 * A component whose code is fetched the first time it is drawn (inside a <Suspense>), like React.lazy,
 * but a failed fetch is not remembered: the error goes to the part's boundary, and "Reset the view"
 * (or the next time it is drawn) fetches again. The single-file build inlines the code, so it never fails.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  // biome-ignore lint/correctness/noNestedComponentDefinitions: a factory called once per part at module level, like React.lazy
  function Lazy(props: P) {
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    const C = use(pending);
    return <C {...props} />;
  }
  return Lazy;
}
