import { useState } from 'react';
import { presetText } from '../examples/lectures';
import { useGradflow, useGradflowApi } from '../store/hooks';
import { currentLink } from '../store/persist';
import { selectActions } from '../store/selectors';
import { toggleFullscreen } from './fullscreen';
import { loadPresets, usePresets } from './usePresets';

/** Title, presets, sharing and colours; and any notice that is not about the program text. */
export function TopBar() {
  const api = useGradflowApi();
  const palette = useGradflow((s) => s.palette);
  const notice = useGradflow((s) => s.notice);
  const theme = useGradflow((s) => s.theme);
  const projector = useGradflow((s) => s.projector);
  const quiz = useGradflow((s) => s.quiz);
  const { setPalette, setNotice, setTheme, setProjector, setShortcuts, setQuiz } = useGradflow(selectActions);
  const [copied, setCopied] = useState('');
  const presets = usePresets();

  const loadPreset = (id: string) => {
    const p = presets.find((x) => x.id === id);
    if (!p) return;
    // One undo step of its own: Ctrl+Z brings the student's previous text back.
    api.getState().loadText(presetText(p), p.expanded);
  };

  const copyLink = async () => {
    const current = currentLink(api);
    if ('problem' in current) {
      // A sentence too long for the toolbar: it goes in the notice line below it.
      setCopied('');
      setNotice(current.problem);
      return;
    }
    const { link } = current;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      setCopied(`Copy this link: ${link}`);
    }
  };

  const viewControls = (
    <>
      <button
        type="button"
        aria-pressed={projector}
        onClick={() => setProjector(!projector)}
        title="Projector mode (p)"
      >
        {projector ? 'Exit projector mode' : 'Projector mode'}
      </button>
      <button type="button" aria-pressed={quiz} onClick={() => setQuiz(!quiz)} title="Quiz mode (q)">
        Quiz mode
      </button>
      <button type="button" onClick={toggleFullscreen} title="Fullscreen (f)">
        Fullscreen
      </button>
      <button type="button" onClick={() => setShortcuts(true)} title="Keyboard shortcuts (?)">
        Shortcuts
      </button>
    </>
  );
  const presetPicker = (
    <div className="preset-picker">
      <label htmlFor="preset">Preset</label>
      <select
        id="preset"
        value=""
        onChange={(e) => loadPreset(e.target.value)}
        onFocus={() => void loadPresets()}
        onPointerDown={() => void loadPresets()}
      >
        <option value="">Load an example…</option>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
  const themeToggle = (
    <label className="palette">
      <input
        type="checkbox"
        checked={theme === 'dark'}
        onChange={(e) => setTheme(e.target.checked ? 'dark' : 'light')}
      />{' '}
      Dark theme
    </label>
  );
  const paletteToggle = (
    <label className="palette" title="Colour-blind-safe colours">
      <input
        type="checkbox"
        checked={palette === 'colorblind'}
        onChange={(e) => setPalette(e.target.checked ? 'colorblind' : 'lecture')}
      />{' '}
      {projector ? 'Colour-blind' : 'Colour-blind-safe colours'}
    </label>
  );
  if (projector) {
    return (
      <header className="topbar compact">
        <h1>Gradflow</h1>
        {presetPicker}
        <div className="topbar-actions">
          {themeToggle}
          {paletteToggle}
          {viewControls}
        </div>
      </header>
    );
  }
  return (
    <header className="topbar">
      <h1>
        Gradflow <span className="tagline">see the chain rule flow</span>
      </h1>
      {presetPicker}
      <div className="topbar-actions">
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
        {viewControls}
        <span role="status" className="copied">
          {copied}
        </span>
        {paletteToggle}
        {themeToggle}
      </div>
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </header>
  );
}
