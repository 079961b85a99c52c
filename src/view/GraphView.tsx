import type { Scene, TensorScene } from '../store/derive';
import { useGradflow } from '../store/hooks';
import { selectScene } from '../store/selectors';
import { LazyBox, lazyPart } from '../ui/lazyPart';
import { ScalarGraphView } from './ScalarGraphView';

/** The computation graph: at tensor level for a program with vectors and matrices, else its scalar gates. */
export function GraphView() {
  const scene = useGradflow(selectScene);
  if (!scene?.tensor) return <ScalarGraphView />;
  return (
    <LazyBox
      name="The tensor view"
      part={TENSOR_VIEW}
      props={{ scene: scene as Scene & { tensor: TensorScene } }}
      fallback={<div className="graph-view empty">Drawing the tensor level…</div>}
    />
  );
}

// The tensor level's drawing comes with the first program that uses vectors or matrices.
const TENSOR_VIEW = lazyPart(() => import('./tensor/TensorView').then((m) => m.TensorView));
