import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';
import { GraphView } from '../view/GraphView';
import { Editor } from './Editor';
import { NodeDetails } from './NodeDetails';
import { Playback } from './Playback';
import { Results } from './Results';
import { StepPanel } from './StepPanel';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { Variables } from './Variables';

export function App() {
  usePlayback();
  useKeyboard();
  const palette = useGradflow((s) => s.palette);
  const { setPalette } = useGradflow(selectActions);
  return (
    <div className="app" data-palette={palette}>
      <header className="topbar">
        <h1>
          Gradflow <span className="tagline">see the chain rule flow</span>
        </h1>
        <label className="palette">
          <input
            type="checkbox"
            checked={palette === 'colorblind'}
            onChange={(e) => setPalette(e.target.checked ? 'colorblind' : 'lecture')}
          />{' '}
          Colour-blind-safe colours
        </label>
      </header>
      <aside className="side">
        <Editor />
        <Variables />
        <Results />
        <NodeDetails />
      </aside>
      <main className="stage">
        <GraphView />
        <Playback />
        <StepPanel />
      </main>
    </div>
  );
}
