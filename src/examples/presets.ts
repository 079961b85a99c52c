import { LECTURE_EXAMPLES, type LectureExample } from './lectures';
import { STAGED_EXAMPLES } from './staged';
import { TENSOR_EXAMPLES } from './tensors';

/* Presets beyond the lecture examples above. Their expected numbers were derived by hand and are checked
 * in tests/unit/presets.test.ts against closed-form formulas written independently of the engine; where a
 * slide printed other numbers (rounded, another log base, a slip), `slide` says which and why. */

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
    id: 'recitation-mlp',
    title: 'Recitation MLP: two ReLU units, squared loss',
    note: 'The recitation’s example, W1 = (4, −2), w2 = (1, 0), x = 3, y = 10, with its printed ∂C/∂w2 = (48, 0) and ∂C/∂W1 = (12, 0). Unit 2 is dead (relu(−6) = 0).',
    source: [
      'x = 3; y = 10',
      'w1_1 = 4; w1_2 = -2',
      'w2_1 = 1; w2_2 = 0',
      'h1 = relu(w1_1*x)',
      'h2 = relu(w1_2*x)',
      'yhat = relu(w2_1*h1 + w2_2*h2)',
      'C = (yhat - y)^2',
    ].join('\n'),
    values: {},
    expected: {
      value: 4,
      gradients: { w1_1: 12, w1_2: 0, w2_1: 48, w2_2: 0, x: 16, y: -4 },
      nodes: { h1: 12, h2: 0, yhat: 12 },
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
    id: 'svm-table',
    title: 'Multiclass SVM loss, CS231n’s three images',
    note: 'The slide’s whole table, margin 1, L the mean. Its 10.9 and 4.6 are an arithmetic slip: the frog image’s loss is 12.9 and the mean 5.27.',
    source: [
      '# image 1: cat, 2: car, 3: frog',
      'cat1 = 3.2; car1 = 5.1; frog1 = -1.7',
      'cat2 = 1.3; car2 = 4.9; frog2 = 2.0',
      'cat3 = 2.2; car3 = 2.5; frog3 = -3.1',
      'L1 = max(0, car1 - cat1 + 1) + max(0, frog1 - cat1 + 1)',
      'L2 = max(0, cat2 - car2 + 1) + max(0, frog2 - car2 + 1)',
      'L3 = max(0, cat3 - frog3 + 1) + max(0, car3 - frog3 + 1)',
      'L = (L1 + L2 + L3) / 3',
    ].join('\n'),
    values: {},
    expected: {
      value: 5.266667,
      gradients: {
        cat1: -0.333333,
        car1: 0.333333,
        frog1: 0,
        cat2: 0,
        car2: 0,
        frog2: 0,
        cat3: 0.333333,
        car3: 0.333333,
        frog3: -0.666667,
      },
      nodes: { L1: 2.9, L2: 0, L3: 12.9 },
    },
    slide: {
      why: 'Frog image: (2.2 + 3.1 + 1) + (2.5 + 3.1 + 1) = 6.3 + 6.6 = 12.9; mean (2.9 + 0 + 12.9)/3 = 5.27.',
      printed: { value: 4.6, nodes: { L1: 2.9, L2: 0, L3: 10.9 } },
    },
  },
  {
    id: 'softmax',
    title: 'Softmax cross-entropy (natural log)',
    note: 'log here is ln (as in PyTorch); CS231n’s slide uses log10, hence its 0.89. The gradient on each score is p − 1 for the correct class, p otherwise.',
    source: 'cat = 3.2; car = 5.1; frog = -1.7\nZ = exp(cat) + exp(car) + exp(frog)\nL = -log(exp(cat) / Z)',
    values: {},
    expected: { value: 2.040355, gradients: { cat: -0.870017, car: 0.86905, frog: 0.000968 } },
    slide: {
      why: 'On the slide, −log10(0.13) = 0.89; ln gives 2.04. The base-10 preset matches the slide.',
      printed: { value: 0.89 },
    },
  },
  {
    id: 'softmax-log10',
    title: 'Softmax cross-entropy, base 10 as on the slide',
    note: 'CS231n’s softmax slide takes −log in base 10 (ln would give 2.04), so each gradient is the natural-log one divided by ln\u00a010.',
    source:
      'cat = 3.2; car = 5.1; frog = -1.7\nZ = exp(cat) + exp(car) + exp(frog)\np = exp(cat) / Z\nL = -log10(p)',
    values: {},
    expected: {
      value: 0.886115,
      gradients: { cat: -0.377844, car: 0.377423, frog: 0.000420365 },
      nodes: { p: 0.129983 },
    },
    slide: {
      why: 'The slide rounds to two places: p\u00a0=\u00a00.13 and L\u00a0=\u00a00.89.',
      printed: { value: 0.89, nodes: { p: 0.13 } },
    },
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
export const PRESETS: readonly LectureExample[] = [
  ...LECTURE_EXAMPLES,
  ...STAGED_EXAMPLES,
  ...MORE,
  ...TENSOR_EXAMPLES,
];

export { presetText } from './lectures';
