/* The arrowhead both graph views draw. */

/** The arrowhead every edge ends with (`markerEnd="url(#arrow)"`). */
export function ArrowMarker() {
  return (
    <defs>
      <marker
        id="arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="12"
        markerHeight="12"
        markerUnits="userSpaceOnUse"
        orient="auto-start-reverse"
      >
        <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
      </marker>
    </defs>
  );
}
