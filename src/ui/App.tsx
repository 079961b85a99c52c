import { useGradflow } from '../store/hooks';
import { GraphView } from '../view/GraphView';
import { Editor } from './Editor';
import { NodeDetails } from './NodeDetails';
import { Playback } from './Playback';
import { PresetCard } from './PresetCard';
import { Results } from './Results';
import { StepPanel } from './StepPanel';
import { TopBar } from './TopBar';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { Variables } from './Variables';

export function App() {
  usePlayback();
  useKeyboard();
  const palette = useGradflow((s) => s.palette);
  return (
    <div className="app" data-palette={palette}>
      <TopBar />
      <aside className="side">
        <Editor />
        <PresetCard />
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
