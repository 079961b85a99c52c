import { type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react';

/**
 * A collapsible tool whose content is built only while it is open (some tools are costly on big graphs).
 * "Open larger" shows it in a modal dialog using most of the screen (for a lecture, or a long formula);
 * Escape or Close shuts it and focus goes back to the button. While the dialog is open the side panel's
 * copy is not built (one copy at a time: the tools' ids stay unique).
 */
export function Tool({ title, children }: { title: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  const [large, setLarge] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (large && d && !d.open) d.showModal();
  }, [large]);
  return (
    <>
      <details className="tool" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{title}</summary>
        {open && (
          <>
            <button
              type="button"
              className="tool-enlarge"
              ref={opener}
              aria-label={`Open larger: ${title}`}
              aria-haspopup="dialog"
              onClick={() => setLarge(true)}
            >
              Open larger
            </button>
            {!large && <Suspense fallback={<Loading />}>{children()}</Suspense>}
          </>
        )}
      </details>
      {large && (
        <dialog
          ref={dialog}
          className="tool-dialog"
          aria-labelledby={titleId}
          onClose={() => {
            setLarge(false);
            opener.current?.focus();
          }}
          // The playback shortcuts belong to the page behind: keys typed here stay here.
          onKeyDown={(e) => e.stopPropagation()}
        >
          <div className="tool-dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          <div className="tool-dialog-body">
            <Suspense fallback={<Loading />}>{children()}</Suspense>
          </div>
        </dialog>
      )}
    </>
  );
}

/** While a tool's code is on its way (a moment, the first time it is opened). */
function Loading() {
  return (
    <p className="tool-loading" role="status">
      Loading…
    </p>
  );
}
