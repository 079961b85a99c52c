import { useState } from 'react';
import { LazyBox, lazyPart } from '../ui/lazyPart';

// The panel and the export code come the first time the menu is opened.
const PANEL = lazyPart(() => import('./ExportPanel').then((m) => m.ExportPanel));

/** Export for slides (see ExportPanel): a menu whose content is built, and fetched, once opened. */
export function ExportMenu({ svg, release }: { svg: () => SVGSVGElement | null; release?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="export" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Export</summary>
      {open && (
        <LazyBox
          name="The export menu"
          part={PANEL}
          props={release ? { svg, release } : { svg }}
          fallback={
            <div className="export-panel">
              <p role="status">Loading…</p>
            </div>
          }
        />
      )}
    </details>
  );
}
