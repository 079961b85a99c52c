/**
 * KaTeX (about 70 kB of gzipped code, plus its stylesheet) is not needed for the first paint: it is
 * fetched once the page has loaded and painted and the browser is idle, or as soon as an equation is on
 * screen, whichever comes first. Until then equations show as their LaTeX text. A failed fetch (a flaky
 * network) is tried again, later and later, while an equation waits for it.
 */
import { afterPaint } from '../idle';

export type RenderTex = (latex: string, element: HTMLElement, display: boolean) => void;

let renderTex: RenderTex | null = null;
let loading: Promise<RenderTex> | null = null;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | undefined;
const waiting = new Set<() => void>();

/** KaTeX's renderer if it has arrived, else null. */
export function texRenderer(): RenderTex | null {
  return renderTex;
}

/** Calls `onLoad` when KaTeX arrives (for useSyncExternalStore); while anyone listens, failures are retried. */
export function subscribeTex(onLoad: () => void): () => void {
  waiting.add(onLoad);
  return () => waiting.delete(onLoad);
}

/** Fetches KaTeX now (once; again after a failure). Never rejects: a failure only schedules a retry. */
export function loadTex(): Promise<RenderTex | null> {
  if (renderTex) return Promise.resolve(renderTex);
  loading ??= import('./katex').then(
    (m) => {
      renderTex = m.renderTex;
      for (const f of [...waiting]) f();
      return renderTex;
    },
    (e: unknown) => {
      loading = null;
      failures += 1;
      clearTimeout(retry);
      // 1, 2, 4 … 30 s; only while an equation is on screen (the next one asks again anyway).
      retry = setTimeout(
        () => {
          if (waiting.size > 0) void loadTex();
        },
        Math.min(30_000, 1000 * 2 ** (failures - 1)),
      );
      throw e;
    },
  );
  return loading.catch(() => null);
}

/** An equation is on screen: fetch KaTeX, but let the frame that shows the page be painted first. */
export function needTex(): void {
  if (renderTex || loading) return;
  afterPaint(() => void loadTex());
}
