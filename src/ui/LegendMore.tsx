/** The key in the tensor view, and in forward mode (see Legend.tsx). */
export function LegendMore({
  tensor,
  seed,
  out,
  valueColour,
  gradColour,
}: {
  tensor: boolean;
  seed: string;
  out: string;
  valueColour: string;
  gradColour: string;
}) {
  return tensor ? (
    <ul>
      <li>
        <span className="legend-value">{valueColour} under a node</span>: its value, a vector or matrix (…
        when it is large; hover or select the node for every number)
      </li>
      <li>
        <span className="legend-grad">{gradColour} ∂ […]</span> under it: its gradient ∂{out}/∂·, of the same
        shape, once it has arrived
      </li>
      <li>
        <span className="legend-shape">3×4</span> on an edge: the shape it carries; ▸ opens an operation into
        its scalar gates
      </li>
    </ul>
  ) : (
    <ul>
      <li>
        <span className="legend-value">{valueColour} above an edge</span>: the value flowing forward
      </li>
      <li>
        <span className="legend-grad">{gradColour} below an edge</span>: forward mode, the tangent d·/d
        {seed} flowing forward with it
      </li>
      <li>
        <span className="legend-grad">seed 1</span> under {seed}, <span className="legend-grad">seed 0</span>{' '}
        under the other inputs; faint: what does not depend on {seed}
      </li>
    </ul>
  );
}
