import { type ComponentType, type ReactNode, Suspense, use } from 'react';
import { Boundary } from './Boundary';

/** A part of the page whose code is fetched the first time it is drawn (see <Lazy>). */
export interface LazyPart<P extends object> {
  load: () => Promise<ComponentType<P>>;
  loaded: ComponentType<P> | null;
  pending: Promise<ComponentType<P>> | null;
}

const parts: LazyPart<never>[] = [];

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const part: LazyPart<P> = { load, loaded: null, pending: null };
  parts.push(part as LazyPart<never>);
  return part;
}

function fetchPart<P extends object>(part: LazyPart<P>): Promise<ComponentType<P>> {
  part.pending ??= part.load().then(
    (c) => {
      part.loaded = c;
      return c;
    },
    (e: unknown) => {
      part.pending = null; // not remembered: the next draw (or "Reset the view") fetches again
      throw e;
    },
  );
  return part.pending;
}

/** Fetches every lazy part ahead of need (when the page is idle); a failure here is silent. */
export function preloadParts(): void {
  for (const p of parts) fetchPart(p).catch(() => {});
}

/**
 * Draws a lazy part (inside a <Suspense>), like React.lazy, but a failed fetch is not remembered: the
 * error goes to the part's boundary, and "Reset the view" (or the next time it is drawn) fetches again.
 * The single-file build inlines the code, so there it never fails.
 */
export function Lazy<P extends object>({ part, props }: { part: LazyPart<P>; props: P }) {
  const C = part.loaded ?? use(fetchPart(part));
  return <C {...props} />;
}

/**
 * A lazy part with its own boundary and fallback, for parts inside another (the export menu in the
 * graph, the reference under the text box): if its code cannot be fetched, only it says so.
 */
export function LazyBox<P extends object>({
  name,
  part,
  props,
  fallback = null,
}: {
  name: string;
  part: LazyPart<P>;
  props: P;
  fallback?: ReactNode;
}) {
  return (
    <Boundary name={name} onReset={() => {}}>
      <Suspense fallback={fallback}>
        <Lazy part={part} props={props} />
      </Suspense>
    </Boundary>
  );
}
