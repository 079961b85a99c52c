import { useGradflow } from '../store/hooks';
import { selectActions, selectPlayback } from '../store/selectors';

const SPEEDS = [0.5, 1, 1.5, 2, 4];

/** Icons drawn in SVG: symbol fonts on lecture-hall machines often lack ⏮ and ⏭. */
const ICONS = {
  restart: 'M5 4h2v16H5zM20 4v16L8 12z',
  back: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 4v16l12-8z',
  end: 'M17 4h2v16h-2zM4 4v16l12-8z',
} as const;

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/** Play/Pause, Step back/forward, Restart, speed and a scrubber showing step k of n. */
export function Playback() {
  const { position, length, forwardLength, seed, playing, speed } = useGradflow(selectPlayback);
  const { togglePlay, step, restart, toEnd, seek, setSpeed } = useGradflow(selectActions);
  const p = Math.round(position);
  const where =
    seed !== null
      ? p === 0
        ? `Start: seed 1 on ${seed}`
        : p < length
          ? `Tangent step ${p} of ${length - 1}`
          : `Done: the pass seeded on ${seed}`
      : p === 0
        ? 'Start: inputs only'
        : p <= forwardLength
          ? `Forward ${p} of ${forwardLength}`
          : p < length
            ? `Backward step ${p - forwardLength} of ${length - forwardLength - 1}`
            : 'Done: all gradients';
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" onClick={restart} aria-label="Restart" title="Restart (Home)">
        <Icon d={ICONS.restart} />
      </button>
      <button
        type="button"
        onClick={() => step(-1)}
        aria-label="Step back"
        title="Step back (← or PageUp)"
        disabled={p === 0}
      >
        <Icon d={ICONS.back} />
      </button>
      <button
        type="button"
        className="play"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title="Play/Pause (Space)"
      >
        <Icon d={playing ? ICONS.pause : ICONS.play} />
        <span className="play-text" aria-hidden="true">
          {playing ? 'Pause' : 'Play'}
        </span>
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        aria-label="Step forward"
        title="Step forward (→ or PageDown)"
        disabled={p >= length}
      >
        <Icon d={ICONS.forward} />
      </button>
      <button
        type="button"
        onClick={toEnd}
        aria-label="Jump to end"
        title="Jump to the end (End)"
        disabled={p >= length}
      >
        <Icon d={ICONS.end} />
      </button>
      <input
        type="range"
        className="scrubber"
        min={0}
        max={length}
        step={1}
        value={p}
        aria-label="Position"
        aria-valuetext={`${where}, position ${p} of ${length}`}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span
        className="where"
        aria-live="off"
        data-position={p}
        data-length={length}
        data-forward={forwardLength}
      >
        {where}
      </span>
      <label className="speed">
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
