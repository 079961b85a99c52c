import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';
import { selectLegendShown } from '../ui/Legend';
import { ExportMenu } from './ExportMenu';

/** The graph's own controls: fit, zoom, follow the step, the key, export. */
export function GraphToolbar({
  onFit,
  onZoom,
  following,
  onFollow,
  svg,
  release,
  level,
}: {
  onFit: () => void;
  onZoom: (factor: number) => void;
  /** The camera is following the step now (on, and not paused by a pan or zoom by hand). */
  following?: boolean;
  /** The camera can follow the step (the tensor level fits its few nodes on screen instead). */
  onFollow?: () => void;
  svg: () => SVGSVGElement | null;
  /** Called when an export is done with the SVG (see ExportPanel). */
  release?: (() => void) | undefined;
  /** A program with vectors and matrices: drawn at tensor level (one node per operation) or as scalars. */
  level?: { tensor: boolean; toggle: () => void };
}) {
  const legendShown = useGradflow(selectLegendShown);
  const followPref = useGradflow((s) => s.follow);
  const { setLegend } = useGradflow(selectActions);
  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph view">
      <button type="button" onClick={onFit} title="See the whole graph">
        Fit to screen
      </button>
      <button type="button" aria-label="Zoom in" onClick={() => onZoom(1.25)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => onZoom(0.8)}>
        −
      </button>
      {onFollow && (
        <button
          type="button"
          aria-pressed={following}
          className={followPref && !following ? 'paused' : undefined}
          onClick={onFollow}
          title={
            following
              ? 'The view keeps the current step on screen and readable: press to stop following'
              : followPref
                ? 'Following paused while you look around: press to follow the step again'
                : 'Keep the current step on screen and readable while stepping'
          }
        >
          Follow step
        </button>
      )}
      {!legendShown && (
        <button type="button" onClick={() => setLegend(true)} title="What the colours and numbers mean">
          Key
        </button>
      )}
      {level && (
        <button
          type="button"
          aria-pressed={!level.tensor}
          onClick={level.toggle}
          title={
            level.tensor
              ? 'Draw every scalar gate of the program (the unrolled graph)'
              : 'Draw one node per vector or matrix operation, with shapes'
          }
        >
          Scalars
        </button>
      )}
      <ExportMenu svg={svg} {...(release ? { release } : {})} />
    </div>
  );
}
