/**
 * Gradflow's engine: a pure library (no DOM, React, D3 or KaTeX) that runs in Node and in a Web Worker.
 *
 *   analyze(source, values)  → output value, gradients, graph, backward steps — or a positioned error
 *   parse / buildGraph       → the AST and the DAG on their own
 *   forward / backward / tangent / gradientCheck → the passes on their own
 *   OP                       → the op table every part reads from
 */

export { type Along, alongInput } from './along';
export {
  type Analysis,
  type AnalysisError,
  type AnalysisOk,
  analyze,
  DEFAULT_INPUT_VALUE,
  type InputValue,
} from './analyze';
export { type Expr, Program, printExpr, printProgram, type Statement } from './ast';
export { type BackwardStep, backward, Steps } from './backward';
export { type BuildOptions, type BuildResult, buildGraph } from './build';
export { forwardCaption, stepCaption } from './captions';
export { collapse } from './collapse';
export { COMPOSITES, expansionOf } from './composites';
export { type Descent, type DescentStep, gradientDescent } from './descent';
export { type GradflowError, lineCol } from './errors';
export { formatAscii, formatNumber } from './format';
export { forward } from './forward';
export { Graph, type GraphData, type GraphEdge, type GraphNode, type Group, type InputDecl } from './graph';
export { hashString, mix } from './hash';
export { type Jacobian, type JacobianOk, jacobian } from './jacobian';
export { nodeKeys } from './keys';
export {
  definitionLatex,
  localLatex,
  num as numberLatex,
  stepLatex,
  symbolLatex,
  tangentLatex,
} from './latex';
export { MAX_NAME_LENGTH } from './limits';
export { gateLocals, localDerivatives, localsOf } from './locals';
export { cornerWithin, type GradientCheck, gradientCheck, relativeError, TOLERANCE } from './numeric';
export { ALL_OPS, CALL_CODE, CONSTANTS, FUNCTIONS, OP, PARAM_CODE } from './ops/table';
export type { Composite, EdgeContext, GatePattern, OpName, OpSpec } from './ops/types';
export { MAX_DEPTH, MAX_SOURCE_LENGTH, parse } from './parser';
export { type ChainPath, type PathSum, pathsTo } from './paths';
export { pyName, toPyTorch } from './pytorch';
export { dependsOnInput, reachesOutput } from './reach';
export { nameLatex, nodeNames } from './symbols';
export { type TangentPass, type TangentStep, tangent, tangentPass } from './tangent';
export { tangentCaption } from './tangentCaptions';
export { numbers, opWord, tensorNames, tensorStepCaption } from './tensor/captions';
export type { Drawn, DrawnEdge, DrawnNode, DrawnStep } from './tensor/drawn';
export { matrixLatex, tensorStepLatex } from './tensor/latex';
export type { TensorLevel, TensorNode, TensorStep } from './tensor/level';
export { drawnNames, elementIndex, scalarNames } from './tensor/names';
export type { TensorFrame } from './tensor/replay';
export { type Frame, frameAt, stepEdge, type Timeline, tangentTimeline, timeline } from './timeline';
