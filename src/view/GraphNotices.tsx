import { useGradflow } from '../store/hooks';
import { selectStale } from '../store/selectors';
import { clip } from './graphText';

/** What the graph view says over the picture: an old picture, a layout on its way, numbers too small. */
export function GraphNotices({ source, numbersLegible }: { source: string; numbersLegible: boolean }) {
  const stale = useGradflow(selectStale);
  const layingOut = useGradflow((s) => s.layingOut);
  // The text parses but cannot be computed at its values: the picture is of the last values that could be.
  const badValues = useGradflow((s) => !s.pending && !s.analysis.ok && s.analysis.error.phase === 'domain');
  return (
    <>
      {stale && (
        <p className="stale-banner" role="status">
          {badValues
            ? 'Showing the last values that could be computed (see the message under the text)'
            : `Showing the last valid program: ${clip(source)}`}
        </p>
      )}
      {layingOut > 0 && (
        <div className="layout-progress" role="status">
          Laying out {layingOut.toLocaleString('en-US')} nodes…
        </div>
      )}
      {!numbersLegible && (
        <p className="numbers-hidden" role="status">
          Numbers hidden at this size: zoom in (+) to read them, or see the tables
        </p>
      )}
    </>
  );
}
