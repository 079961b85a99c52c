import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { lineCol } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions, selectError, selectSource } from '../store/selectors';
import { Reference } from './Reference';

/**
 * The program text, parsed live. The error's span is underlined in the text itself: a backdrop with the
 * same text and a <mark> sits behind the transparent text box (the text box stays a plain textarea, so
 * undo/redo and everything else work as in any text box).
 */
export function Editor() {
  const source = useGradflow(selectSource);
  const error = useGradflow(selectError);
  const { setSource, settle, undo, redo } = useGradflow(selectActions);
  const backdrop = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const typed = useRef(source);
  // The text changed from outside (undo, a slider, a preset): put the caret where it changed, not at the end.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typed.current === source) return;
    const before = typed.current;
    typed.current = source;
    if (document.activeElement !== el) return;
    let i = 0;
    while (i < before.length && i < source.length && before[i] === source[i]) i++;
    let j = 0;
    while (j < source.length - i && j < before.length - i && before.at(-1 - j) === source.at(-1 - j)) j++;
    el.setSelectionRange(source.length - j, source.length - j);
  }, [source]);
  // Undo from the browser's menu or a gesture arrives as beforeinput, not as a key: the same history.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onBefore = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      e.preventDefault();
      if (e.inputType === 'historyUndo') undo();
      else redo();
    };
    el.addEventListener('beforeinput', onBefore);
    return () => el.removeEventListener('beforeinput', onBefore);
  }, [undo, redo]);
  const warnings = useGradflow((s) => (s.analysis.ok && !s.pending ? s.analysis.warnings : NONE));
  const spans: Span[] = error ? [{ start: error.start, end: error.end, warn: false }] : spansOf(warnings);
  return (
    <div className="editor">
      <label htmlFor="expression" className="panel-title">
        Expression
      </label>
      <div className="editor-box">
        <div className="editor-backdrop" ref={backdrop} aria-hidden="true">
          <Marked source={source} spans={spans} />
          {'\n'}
        </div>
        <textarea
          ref={box}
          id="expression"
          className={error ? 'has-error' : undefined}
          value={source}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          rows={Math.min(10, Math.max(3, source.split('\n').length + 1))}
          aria-invalid={error ? true : undefined}
          aria-describedby="expression-error"
          onChange={(e) => {
            typed.current = e.target.value;
            setSource(e.target.value);
          }}
          onBlur={settle}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <div id="expression-error" aria-live="polite">
        {error && <ErrorMessage source={source} error={error} />}
      </div>
      <Reference />
    </div>
  );
}

interface Span {
  start: number;
  end: number;
  /** A warning (a line the output does not use that cannot be computed), not an error. */
  warn: boolean;
}
const NONE: readonly { start: number; end: number }[] = [];

/** Warnings' spans in order, without overlaps. */
function spansOf(warnings: readonly { start: number; end: number }[]): Span[] {
  const sorted = [...warnings].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (!last || w.start >= last.end) out.push({ start: w.start, end: w.end, warn: true });
  }
  return out;
}

/** The text with its marked spans: an error underlined in red, warnings in amber. */
function Marked({ source, spans }: { source: string; spans: Span[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const sp of spans) {
    const start = Math.min(Math.max(sp.start, at), source.length);
    const end = Math.min(Math.max(sp.end, start + 1), source.length + 1);
    parts.push(source.slice(at, start));
    parts.push(
      <mark key={start} className={sp.warn ? 'warn' : undefined}>
        {source.slice(start, end) || ' '}
      </mark>,
    );
    at = end;
  }
  parts.push(source.slice(at));
  return <>{parts}</>;
}

function ErrorMessage({
  source,
  error,
}: {
  source: string;
  error: NonNullable<ReturnType<typeof selectError>>;
}) {
  const { line, column } = lineCol(source, error.start);
  const lines = source.split('\n');
  return (
    <div className="error" role="status" data-start={error.start} data-end={error.end}>
      <p className="error-message">
        <strong>{error.phase === 'domain' ? 'Cannot compute: ' : ''}</strong>
        {error.message}
        {lines.length > 1 && !error.message.includes('line ') ? ` (line ${line}, column ${column})` : ''}
      </p>
      {error.hint && <p className="error-hint">{error.hint}</p>}
    </div>
  );
}
