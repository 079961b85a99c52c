import { type ReactNode, useState } from 'react';

/** A collapsible tool whose content is built only while it is open (some tools are costly on big graphs). */
export function Tool({ title, children }: { title: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="tool" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {open && children()}
    </details>
  );
}
