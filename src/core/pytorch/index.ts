import type { AnalysisOk, InputValue } from '../analyze';
import type { FunctionDef, Program } from '../ast';
import { collapse } from '../collapse';
import { COMPOSITES } from '../composites';
import type { Graph } from '../graph';
import { CALL_CODE, CONST_CODE, INPUT_CODE } from '../ops/table';
import type { Composite } from '../ops/types';
import { parse } from '../parser';
import { reachesOutput } from '../reach';
import { nodeNames } from '../symbols';
import { bindings } from './bindings';
import { definitionsCalled, pyFunction, type Scope, type Usage, usage } from './functions';
import { pyNames } from './names';
import { pyFloat } from './numbers';
import { tensorScript } from './tensors';
import { Torch } from './torch';

export { pyName } from './names';
export { pyFloat } from './numbers';

/*
 * "Copy as PyTorch": the same computation as a script that a student runs to check Gradflow's numbers.
 * It must run and print the same value and gradients for every program Gradflow accepts, so: every
 * number is a float64 tensor (torch functions refuse Python floats, and float32 would change the digits),
 * numbers are written so that Python reads the same double, names never collide with Python's, max/min
 * follow Gradflow's tie rule, and a constant output prints zero gradients instead of calling .backward().
 * The functions the program defines are Python functions, and each call of one is one line.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The program's functions, for a graph whose calls are collapsed, and the node each name holds. */
interface Functions {
  program: Program;
  bound: ReadonlyMap<string, number>;
}

/** A name of the program that a body reads has no variable in the script (then the export inlines). */
class Unbound extends Error {}

/**
 * "Copy as PyTorch" for an analysis with every call inlined (the store's `scene.full`): the functions the
 * output uses become Python functions, called where the program calls them; built-in composites opened up
 * into exps are torch.sigmoid and torch.tanh again.
 */
export function pyTorchScript(full: AnalysisOk): string {
  // Vectors and matrices: one line per tensor operation (see tensors.ts).
  const tensors = full.graph.tensors.length > 0 ? tensorScript(full) : null;
  if (tensors !== null) return tensors;
  const inlined = () => toPyTorch(full.graph, nodeNames(full.graph), full.inputs);
  if (full.graph.groups.length === 0) return inlined();
  const parsed = parse(full.source);
  const a = collapse(full, new Set());
  // collapse() gives the inlined analysis back when its own pass fails: then so does the export.
  if (!parsed.ok || a === full) return inlined();
  const fns = { program: parsed.program, bound: bindings(a.graph, full.graph.groups, parsed.program) };
  try {
    return write(a.graph, nodeNames(a.graph), a.inputs, fns);
  } catch (e) {
    if (e instanceof Unbound) return inlined();
    throw e;
  }
}

/**
 * A PyTorch program that computes the same output and gradients, line for line with the graph (same
 * names, renamed only where Python needs it), in float64 so that the numbers match Gradflow's to the
 * last digits. It prints `f = <value>` and `df/dx = <gradient>` for each input, with Python's repr.
 * A `param` node is the argument itself; a collapsed call of the program's function needs the program:
 * use pyTorchScript.
 */
export function toPyTorch(graph: Graph, names: readonly string[], inputs: readonly InputValue[]): string {
  return write(graph, names, inputs, null);
}

function write(
  graph: Graph,
  names: readonly string[],
  inputs: readonly InputValue[],
  fns: Functions | null,
): string {
  const out = graph.output;
  const live = reachesOutput(graph, out);
  const constOut = graph.op[out] === CONST_CODE;
  // The nodes that get a Python variable: the inputs, each gate the output uses, a constant output.
  const named = inputs.map((i) => i.node);
  const called = new Set<string>();
  for (let id = 0; id < graph.size; id++) {
    if (live[id] && (graph.arity(id) > 0 || (id === out && constOut))) named.push(id);
    if (live[id] && graph.op[id] === CALL_CODE) called.add(graph.fn[id] as string);
  }
  const defs = fns ? definitionsCalled(fns.program, called) : [];
  const defOf = new Map(defs.map((d) => [d.name, d]));
  const label = (id: number) => names[id] ?? `v${id}`;
  // The output's name in what the script prints; a bare number as the output is called f (or L, ...).
  const outLabel = IDENTIFIER.test(label(out))
    ? label(out)
    : (['f', 'L', 'out', 'output'].find((c) => !names.includes(c)) ?? `v${out}`);
  // Functions first: they keep their names, and a variable numbered like one (u1) is renamed.
  const gradflowNames = [
    ...defs.map((d) => d.name),
    ...named.map((id) => (id === out ? outLabel : label(id))),
  ];
  const pyFn = new Map<string, string>();
  const py = new Map<number, string>();
  const renamed = new Set<string>();
  pyNames(gradflowNames).forEach((p, k) => {
    if (k < defs.length) pyFn.set(gradflowNames[k] as string, p);
    else py.set(named[k - defs.length] as number, p);
    if (p !== gradflowNames[k]) renamed.add(`${gradflowNames[k]} as ${p}`);
  });

  const torch = new Torch();
  const ref = (id: number) =>
    graph.op[id] === CONST_CODE
      ? torch.tensor(graph.constant[id] as number, graph.text[id])
      : (py.get(id) as string);
  const body: string[] = [];
  for (const i of inputs) {
    body.push(
      `${py.get(i.node)} = torch.tensor(${pyFloat(i.value)}, dtype=torch.float64, requires_grad=True)`,
    );
  }
  for (let id = 0; id < graph.size; id++) {
    if (!live[id]) continue;
    const arity = graph.arity(id);
    if (arity === 0) {
      if (id === out && constOut) body.push(`${py.get(id)} = ${ref(id)}`);
      continue;
    }
    const a: string[] = [];
    for (let s = 0; s < arity; s++) a.push(ref(graph.arg(id, s)));
    let expr: string;
    if (graph.op[id] !== CALL_CODE) expr = torch.apply(graph.opName(id), a);
    else {
      // A call: the arguments in parameter order, then the program's names its body reads (not passed).
      const fn = graph.fn[id] as string;
      const def = defOf.get(fn);
      if (def) expr = `${pyFn.get(fn)}(${a.slice(0, def.params.length).join(', ')})`;
      else if (COMPOSITES.includes(fn as Composite)) expr = torch.apply(fn as Composite, a.slice(0, 1));
      else
        throw new Error(`toPyTorch: the call of ${fn} needs the program's definitions (use pyTorchScript)`);
    }
    body.push(`${py.get(id)} = ${expr}`);
  }

  const functions: string[] = [];
  const used = new Map<FunctionDef, Usage>();
  if (fns) {
    const scope: Scope = {
      torch,
      fn: (name) => pyFn.get(name) as string,
      global: (name) => {
        const p = py.get(fns.bound.get(name) ?? -1);
        if (p === undefined) throw new Unbound(name);
        return p;
      },
      renamed,
    };
    for (const d of defs) {
      for (const line of pyFunction(fns.program, d, scope)) functions.push(line);
      functions.push('', '');
      used.set(d, usage(fns.program, d, used));
    }
  }
  // Whether the output requires grad in torch: it depends on an input, through what each body uses.
  const needsGrad = new Uint8Array(graph.size);
  for (let id = 0; id <= out; id++) {
    if (graph.op[id] === INPUT_CODE) needsGrad[id] = 1;
    const def = graph.op[id] === CALL_CODE ? defOf.get(graph.fn[id] as string) : undefined;
    const uses = def ? used.get(def) : undefined;
    if (!uses) {
      for (let s = 0; s < graph.arity(id); s++) if (needsGrad[graph.arg(id, s)]) needsGrad[id] = 1;
      continue;
    }
    uses.params.forEach((u, s) => {
      if (u && needsGrad[graph.arg(id, s)]) needsGrad[id] = 1;
    });
    for (const name of uses.globals) if (needsGrad[fns?.bound.get(name) ?? -1]) needsGrad[id] = 1;
  }

  const o = py.get(out) as string;
  const lines = [...(torch.usesMath ? ['import math', ''] : []), 'import torch', ''];
  lines.push("# Gradflow's computation in PyTorch, one line per operation, in float64 as in Gradflow.");
  if (defs.length > 0)
    lines.push('# Each call of a function of the program is one line, a call of the Python function.');
  if (renamed.size > 0) lines.push(`# Renamed for Python: ${[...renamed].join(', ')}.`);
  lines.push('');
  const defined = [...torch.helperLines(), ...functions];
  if (defined.length > 0) lines.push('');
  for (const line of defined) lines.push(line);
  // One push per line: spreading 100,000 lines into push() overflows the stack.
  for (const line of body) lines.push(line);
  lines.push('');
  if (needsGrad[out]) lines.push(`${o}.backward()`);
  else
    lines.push(
      `# ${outLabel} does not depend on any input: there is no gradient to follow, every gradient is 0.`,
    );
  lines.push(`print("${outLabel} =", ${o}.item())`);
  // An input the output does not use has no .grad at all: its gradient is 0.
  for (const i of inputs) {
    const g = `${py.get(i.node)}.grad`;
    lines.push(`print("d${outLabel}/d${i.name} =", ${g}.item() if ${g} is not None else 0.0)`);
  }
  return `${lines.join('\n')}\n`;
}
