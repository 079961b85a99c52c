import type { LectureExample } from './lectures';

/* Networks written with vectors and matrices, as the lectures write them. Their numbers are checked in
 * tests/unit/presets.test.ts against closed forms written without the engine. */

const CS231N_W = 'W = [[0.01, -0.05, 0.1, 0.05], [0.7, 0.2, 0.05, 0.16], [0.0, -0.45, -0.2, 0.03]]';
const CS231N_XB = 'x = [-15, 22, -44, 56]\nb = [0.0, 0.2, -0.3]\ns = W @ x + b';

/** ∂L/∂W[i,j] = g_i·x_j for the CS231n example's input x, by rows. */
const outer = (g: number[], x: number[], name = 'W') =>
  Object.fromEntries(g.flatMap((gi, i) => x.map((xj, j) => [`${name}[${i},${j}]`, gi * xj])));
const vector = (name: string, v: number[]) => Object.fromEntries(v.map((vi, i) => [`${name}[${i}]`, vi]));
const X = [-15, 22, -44, 56];

export const TENSOR_EXAMPLES: LectureExample[] = [
  {
    id: 'recitation-mlp-tensor',
    title: 'Recitation MLP, with a matrix and a vector',
    note: 'W1 = [[4], [−2]], w2 = [1, 0], x = 3, y = 10: the recitation’s printed ∂C/∂w2 = [48, 0] and ∂C/∂W1 = [[12], [0]].',
    source: [
      'x = 3; y = 10',
      'W1 = [[4], [-2]]; w2 = [1, 0]',
      'h = relu(W1 @ [x])',
      'yhat = relu(w2 @ h)',
      'C = (yhat - y)^2',
    ].join('\n'),
    values: {},
    expected: {
      value: 4,
      gradients: { x: 16, y: -4, 'W1[0,0]': 12, 'W1[1,0]': 0, 'w2[0]': 48, 'w2[1]': 0 },
      nodes: { 'h[0]': 12, 'h[1]': 0, yhat: 12 },
    },
  },
  {
    id: 'cs231n-hinge-matrix',
    title: 'Scores s = Wx + b and the hinge loss (CS231n)',
    note: 'W is 3×4, x has 4 pixels, b 3 biases: scores −2.85, 0.86, 0.28 for cat, car, frog; frog is correct, so L = max(0, −2.85 − 0.28 + 1) + max(0, 0.86 − 0.28 + 1) = 1.58.',
    source: [CS231N_W, CS231N_XB, 'L = max(0, s[0] - s[2] + 1) + max(0, s[1] - s[2] + 1)'].join('\n'),
    values: {},
    expected: {
      value: 1.58,
      gradients: {
        ...outer([0, 1, -1], X),
        ...vector('x', [0.7, 0.65, 0.25, 0.13]),
        ...vector('b', [0, 1, -1]),
      },
      nodes: { 's[0]': -2.85, 's[1]': 0.86, 's[2]': 0.28 },
    },
  },
  {
    id: 'cs231n-softmax-matrix',
    title: 'The same scores, softmax cross-entropy',
    note: 'L = −log softmax(s)[frog] = 1.04 with the natural log (the slide’s 0.89 is log base 10); ∂L/∂s = p − [0, 0, 1].',
    source: [CS231N_W, CS231N_XB, 'L = -log(softmax(s)[2])'].join('\n'),
    values: {},
    expected: {
      value: 1.0401905694301081,
      gradients: {
        ...outer([0.015449315676073598, 0.6311633536047088, -0.6466126692807823], X),
        ...vector('x', [0.4419688406800569, 0.41643590611349013, 0.16242563310399927, 0.0823602222821336]),
        ...vector('b', [0.015449315676073598, 0.6311633536047088, -0.6466126692807823]),
      },
    },
  },
  {
    id: 'two-layer-matrix',
    title: 'Two-layer network f = W2 @ relu(W1 @ x)',
    note: 'The slides’ two-layer network: both hidden units are active, so ∂f/∂W1 = (W2 ⊙ 1[h > 0]) xᵀ.',
    source: [
      'x = [1, -2]',
      'W1 = [[0.5, -0.3], [0.8, 0.2]]',
      'W2 = [1.5, -0.7]',
      'f = W2 @ relu(W1 @ x)',
    ].join('\n'),
    values: {},
    expected: {
      value: 1.37,
      gradients: {
        ...vector('x', [0.19, -0.59]),
        ...outer([1.5, -0.7], [1, -2], 'W1'),
        ...vector('W2', [1.1, 0.4]),
      },
    },
  },
  {
    id: 'mse-batch',
    title: 'Mean squared error over a batch',
    note: 'Three examples (the rows of X), one weight vector: L = mean((Xw − y)²), ∂L/∂w = (2/3)·Xᵀ(Xw − y).',
    source: [
      'X = [[1, 2], [3, 4], [5, 6]]',
      'y = [1, 2, 3]',
      'w = [0.1, 0.2]',
      'L = mean((X @ w - y)^2)',
    ].join('\n'),
    values: {},
    expected: {
      value: 0.9166666666666664,
      gradients: {
        ...vector('w', [-6.466666666666666, -8.266666666666666]),
        'X[0,0]': -0.03333333333333333,
        'X[0,1]': -0.06666666666666667,
        'X[1,0]': -0.06,
        'X[1,1]': -0.12,
        'X[2,0]': -0.08666666666666666,
        'X[2,1]': -0.1733333333333333,
        ...vector('y', [0.3333333333333333, 0.6, 0.8666666666666665]),
      },
    },
  },
];
