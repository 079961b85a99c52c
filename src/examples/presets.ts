import { LECTURE_EXAMPLES, type LectureExample } from './lectures';

/* Presets beyond the lectures' own tables. Their expected numbers were derived by hand and are checked
 * in tests/unit/presets.test.ts against closed-form formulas written independently of the engine. */

const MORE: LectureExample[] = [
  {
    id: 'relu-net',
    title: 'One-hidden-layer ReLU network, squared loss',
    note: 'Two inputs, two ReLU units, one output, L = (ŷ − y)². A dead unit would block its gradient.',
    source: [
      'x1 = 1; x2 = -2; y = 1',
      'w11 = 0.5; w12 = -0.3; b1 = 0.1',
      'w21 = 0.8; w22 = 0.2; b2 = -0.1',
      'v1 = 1.5; v2 = -0.7; c = 0.2',
      'h1 = relu(w11*x1 + w12*x2 + b1)',
      'h2 = relu(w21*x1 + w22*x2 + b2)',
      'yhat = v1*h1 + v2*h2 + c',
      'L = (yhat - y)^2',
    ].join('\n'),
    values: {},
    expected: {
      value: 0.6241,
      gradients: {
        x1: 0.3002,
        x2: -0.9322,
        y: -1.58,
        w11: 2.37,
        w12: -4.74,
        b1: 2.37,
        w21: -1.106,
        w22: 2.212,
        b2: -1.106,
        v1: 1.896,
        v2: 0.474,
        c: 1.58,
      },
    },
  },
  {
    id: 'svm',
    title: 'Multiclass SVM (hinge) loss',
    note: 'CS231n’s cat image: scores cat 3.2, car 5.1, frog −1.7, correct class cat, margin 1. L = 2.9.',
    source: 'cat = 3.2; car = 5.1; frog = -1.7\nL = max(0, car - cat + 1) + max(0, frog - cat + 1)',
    values: {},
    expected: { value: 2.9, gradients: { cat: -1, car: 1, frog: 0 } },
  },
  {
    id: 'softmax',
    title: 'Softmax cross-entropy',
    note: 'The same scores through softmax; the gradient on each score is p − 1 for the correct class, p otherwise.',
    source: 'cat = 3.2; car = 5.1; frog = -1.7\nZ = exp(cat) + exp(car) + exp(frog)\nL = -log(exp(cat) / Z)',
    values: {},
    expected: { value: 2.040355, gradients: { cat: -0.870017, car: 0.86905, frog: 0.000968 } },
  },
  {
    id: 'bce',
    title: 'Binary cross-entropy (logistic regression)',
    note: 'p = σ(w·x + b), L = −(y log p + (1 − y) log(1 − p)); ∂L/∂z = p − y.',
    source: 'x = 2; w = 0.5; b = -0.3; y = 1\np = sigmoid(w*x + b)\nL = -(y*log(p) + (1 - y)*log(1 - p))',
    values: {},
    expected: { value: 0.403186, gradients: { x: -0.165906, w: -0.663624, b: -0.331812, y: -0.7 } },
  },
  {
    id: 'polynomial',
    title: 'Polynomial 0.5x⁴ − 2x² + x + 5',
    note: 'f′(x) = 2x³ − 4x + 1: at x = 1.5 that is 1.75.',
    source: 'x = 1.5\nf = 0.5*x^4 - 2*x^2 + x + 5',
    values: {},
    expected: { value: 4.53125, gradients: { x: 1.75 } },
  },
];

/** Every preset, lecture examples first. */
export const PRESETS: readonly LectureExample[] = [...LECTURE_EXAMPLES, ...MORE];

/** The text a preset loads: its values written as declarations, so the text alone describes it. */
export function presetText(p: LectureExample): string {
  const decls = Object.entries(p.values).map(([k, v]) => `${k} = ${v}`);
  return decls.length ? `${decls.join('; ')}\n${p.source}` : p.source;
}
