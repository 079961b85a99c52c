import { useGradflow } from '../store/hooks';
import { GraphView } from '../view/GraphView';
import { Editor } from './Editor';
import { GradientCheckPanel } from './GradientCheckPanel';
import { Blank } from './Legend';
import { NodeDetails } from './NodeDetails';
import { PathsPanel } from './PathsPanel';
import { Playback } from './Playback';
import { PresetCard } from './PresetCard';
import { PyTorchPanel } from './PyTorchPanel';
import { Results } from './Results';
import { Shortcuts } from './Shortcuts';
import { StepPanel } from './StepPanel';
import { Tool } from './Tool';
import { TopBar } from './TopBar';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { Variables } from './Variables';

export function App() {
  usePlayback();
  useKeyboard();
  const { palette, theme, projector, embed, quiz } = useGradflow((s) => ({
    palette: s.palette,
    theme: s.theme,
    projector: s.projector,
    embed: s.embed,
    quiz: s.quiz,
  }));
  const cls = ['app', projector ? 'projector' : '', embed ? 'embed' : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} data-palette={palette} data-theme={theme}>
      {!embed && <TopBar />}
      {!embed && !projector && (
        <aside className="side">
          <Editor />
          {quiz ? (
            <>
              <Variables />
              <p className="quiz-note" role="status">
                Quiz mode: the numbers stay hidden until the class predicts them. Step forward to begin.
              </p>
            </>
          ) : (
            <>
              <PresetCard />
              <Variables />
              <Results />
              <NodeDetails />
              <Tool title="Chain rule as a sum over paths">{() => <PathsPanel />}</Tool>
              <Tool title="Gradient check">{() => <GradientCheckPanel />}</Tool>
              <Tool title="Copy as PyTorch">{() => <PyTorchPanel />}</Tool>
            </>
          )}
        </aside>
      )}
      <main className="stage">
        <GraphView />
        <Playback />
        <StepPanel />
      </main>
      <Blank />
      <Shortcuts />
    </div>
  );
}
