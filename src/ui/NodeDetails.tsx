import { CANVAS_NODES, type Scene, type TensorScene } from '../store/derive';
import { useGradflow } from '../store/hooks';
import { LazyBox, lazyPart } from './lazyPart';

// At tensor level, a node's details come with the tensor view's code; a scalar node's with the first one
// selected.
const TENSOR_DETAILS = lazyPart(() => import('./TensorNodeDetails').then((m) => m.TensorNodeDetails));
const SCALAR_DETAILS = lazyPart(() => import('./ScalarNodeDetails').then((m) => m.ScalarNodeDetails));

/** The selected node: its op, value, gradient and local derivative formulas, with exact values. */
export function NodeDetails() {
  const scene = useGradflow((s) => s.scene);
  const selected = useGradflow((s) => s.selected);
  if (scene?.tensor && selected !== null && scene.tensor.drawn.nodes[selected])
    return (
      <section className="node-details" aria-label="Node">
        <LazyBox
          name="The node details"
          part={TENSOR_DETAILS}
          props={{ scene: scene as Scene & { tensor: TensorScene }, id: selected }}
        />
      </section>
    );
  const node = scene && selected !== null && !scene.tensor ? scene.analysis.graph.node(selected) : undefined;
  if (!scene || !node) {
    return (
      <section className="node-details" aria-label="Node">
        <p className="hint">
          {scene?.tensor
            ? 'Click or Tab to a node to see its value and gradient in full, as matrices of its shape.'
            : scene && scene.analysis.graph.nodes.length > CANVAS_NODES
              ? 'Click a node, or Tab to the graph and press ↓ or ↑, to see its op, value, gradient and local derivatives.'
              : 'Click or Tab to a node to see its op, value, gradient and local derivatives.'}
        </p>
      </section>
    );
  }
  return (
    <section className="node-details" aria-label="Node">
      <LazyBox name="The node details" part={SCALAR_DETAILS} props={{ scene, node }} />
    </section>
  );
}
