/* The close button of an opened frame, which both graph views draw (with their frames, fetched lazily). */

/** The "close" pill on an opened frame's corner: a focusable button that folds the frame back. */
export function FrameClose({
  x,
  y,
  label,
  title,
  onClose,
}: {
  x: number;
  y: number;
  label: string;
  title: string;
  onClose: () => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside SVG there is no <button>; a focusable <g> with a role is the way
    <g
      className="frame-close"
      role="button"
      tabIndex={0}
      aria-label={label}
      transform={`translate(${x}, ${y})`}
      onClick={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <title>{title}</title>
      <rect x={-26} y={-10} width={52} height={20} rx={10} />
      <text textAnchor="middle" dy="0.35em">
        close
      </text>
    </g>
  );
}
