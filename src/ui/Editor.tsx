import { lineCol } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions, selectError, selectSource } from '../store/selectors';

/** The program text, parsed live; the error (if any) is pointed at under it. */
export function Editor() {
  const source = useGradflow(selectSource);
  const error = useGradflow(selectError);
  const { setSource } = useGradflow(selectActions);
  return (
    <div className="editor">
      <label htmlFor="expression" className="panel-title">
        Expression
      </label>
      <textarea
        id="expression"
        className={error ? 'has-error' : undefined}
        value={source}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        rows={Math.min(8, Math.max(3, source.split('\n').length + 1))}
        aria-invalid={error ? true : undefined}
        aria-describedby="expression-error"
        onChange={(e) => setSource(e.target.value)}
      />
      <div id="expression-error" aria-live="polite">
        {error && <ErrorMessage source={source} error={error} />}
      </div>
    </div>
  );
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
  const text = lines[line - 1] ?? '';
  const width = Math.max(1, Math.min(error.end, error.start + text.length - column + 1) - error.start);
  return (
    <div className="error" role="status" data-start={error.start} data-end={error.end}>
      <p className="error-message">
        <strong>{error.phase === 'domain' ? 'Cannot compute: ' : ''}</strong>
        {error.message}
        {lines.length > 1 ? ` (line ${line})` : ''}
      </p>
      {error.hint && <p className="error-hint">{error.hint}</p>}
      <pre className="error-pointer" aria-hidden="true">
        {text.length > 80 ? text.slice(Math.max(0, column - 40), column + 40) : text}
        {'\n'}
        {' '.repeat(text.length > 80 ? Math.min(39, column - 1) : column - 1)}
        {'^'.repeat(Math.min(width, 80))}
      </pre>
    </div>
  );
}
