import type { ReactNode } from 'react';
import { useGradflow, useGradflowApi } from '../store/hooks';
import { GraphView } from '../view/GraphView';
import { Boundary } from './Boundary';
import { Editor } from './Editor';
import { Blank, Legend } from './Legend';
import { Lazy, lazyPart } from './lazyPart';
import { NodeDetails } from './NodeDetails';
import { Playback } from './Playback';
import { PresetCard } from './PresetCard';
import { Results } from './Results';
import { Shortcuts } from './Shortcuts';
import { StepPanel } from './StepPanel';
import { Tool } from './Tool';
import { TopBar } from './TopBar';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { Variables } from './Variables';

// The side tools are closed at first: their code comes when one is opened.
const PATHS = lazyPart(() => import('./PathsPanel').then((m) => m.PathsPanel));
const GRADIENT_CHECK = lazyPart(() => import('./GradientCheckPanel').then((m) => m.GradientCheckPanel));
const PYTORCH = lazyPart(() => import('./PyTorchPanel').then((m) => m.PyTorchPanel));
const DESCENT = lazyPart(() => import('./DescentPanel').then((m) => m.DescentPanel));
const PLOT = lazyPart(() => import('./FunctionPlot').then((m) => m.FunctionPlot));
const MODES = lazyPart(() => import('./ModesPanel').then((m) => m.ModesPanel));

/** One part of the page, kept apart: if it fails, it says so and the rest (the text above all) goes on. */
function Part({ name, children }: { name: string; children: ReactNode }) {
  const api = useGradflowApi();
  const reset = () => {
    const s = api.getState();
    s.restart();
    s.select(null);
    s.setHighlight(null);
    s.setBlank(false);
  };
  return (
    <Boundary name={name} onReset={reset}>
      {children}
    </Boundary>
  );
}

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
          <Part name="The text box">
            <Editor />
          </Part>
          {quiz ? (
            <>
              <Part name="The inputs">
                <Variables />
              </Part>
              <p className="quiz-note" role="status">
                Quiz mode: the numbers stay hidden until the class predicts them. Step forward to begin.
              </p>
            </>
          ) : (
            <>
              <Part name="The preset card">
                <PresetCard />
              </Part>
              <Part name="The inputs">
                <Variables />
              </Part>
              <Part name="The results">
                <Results />
              </Part>
              <Part name="The node details">
                <NodeDetails />
              </Part>
              <Part name="The paths tool">
                <Tool title="Chain rule as a sum over paths">{() => <Lazy part={PATHS} props={{}} />}</Tool>
              </Part>
              <Part name="The gradient check">
                <Tool title="Gradient check">{() => <Lazy part={GRADIENT_CHECK} props={{}} />}</Tool>
              </Part>
              <Part name="The forward and reverse mode tool">
                <Tool title="Forward vs reverse mode">{() => <Lazy part={MODES} props={{}} />}</Tool>
              </Part>
              <Part name="The gradient descent tool">
                <Tool title="Gradient descent">{() => <Lazy part={DESCENT} props={{}} />}</Tool>
              </Part>
              <Part name="The function plot">
                <Tool title="The function along one input">{() => <Lazy part={PLOT} props={{}} />}</Tool>
              </Part>
              <Part name="The PyTorch tool">
                <Tool title="Copy as PyTorch">{() => <Lazy part={PYTORCH} props={{}} />}</Tool>
              </Part>
            </>
          )}
        </aside>
      )}
      <main className="stage">
        <Part name="The graph">
          <GraphView />
          <Legend />
        </Part>
        <Part name="The playback controls">
          <Playback />
        </Part>
        <Part name="The step">
          <StepPanel />
        </Part>
      </main>
      <Blank />
      <Shortcuts />
    </div>
  );
}
