import { useState } from 'react';
import { LazyBox, lazyPart } from './lazyPart';

const CARD = lazyPart(() => import('./ReferenceCard').then((m) => m.ReferenceCard));

/** The whole language on one card, one click away. */
export function Reference() {
  const [open, setOpen] = useState(false);
  return (
    <details className="reference" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Language reference</summary>
      {open && (
        <LazyBox
          name="The language reference"
          part={CARD}
          props={{}}
          fallback={<p role="status">Loading…</p>}
        />
      )}
    </details>
  );
}
