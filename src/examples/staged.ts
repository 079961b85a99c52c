import type { LectureExample } from './lectures';

/* Staged computation: functions as gates (CS231n), and a built-in opened up into exps (micrograd). */
export const STAGED_EXAMPLES: LectureExample[] = [
  {
    id: 'cs231n-sig-gate',
    title: 'Sigmoid neuron with one σ gate',
    note: 'CS231n’s staged computation: sig is one gate whose local derivative is σ(1−σ) = 0.73·(1−0.73) ≈ 0.2. Click the gate to open it.',
    source: [
      'sig(z) = 1/(1 + exp(-z))',
      'w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3',
      'f = sig(w0*x0 + w1*x1 + w2)',
    ].join('\n'),
    values: {},
    expected: {
      value: 0.73105858,
      gradients: { w0: -0.19661193, x0: 0.39322387, w1: -0.39322387, x1: -0.5898358, w2: 0.19661193 },
    },
  },
  {
    id: 'neuron-net',
    title: 'Two-layer network of neuron(…) gates',
    note: 'Each neuron(w, x, b) = relu(w·x + b) is one gate; its local derivatives are the chain rule through its inside. Click one to open it.',
    source: [
      'neuron(w, x, b) = relu(w*x + b)',
      'x = 2; y = 1',
      'w1 = 0.5; b1 = 0.1; w2 = -0.4; b2 = 1.3',
      'v1 = 1.2; v2 = 0.7; c = -0.2',
      'h1 = neuron(w1, x, b1)',
      'h2 = neuron(w2, x, b2)',
      'yhat = neuron(v1, h1, c) + neuron(v2, h2, 0)',
      'L = (yhat - y)^2',
    ].join('\n'),
    values: {},
    expected: {
      value: 0.2209,
      gradients: {
        x: 0.3008,
        y: -0.94,
        w1: 2.256,
        b1: 1.128,
        w2: 1.316,
        b2: 0.658,
        v1: 1.034,
        v2: 0.47,
        c: 0.94,
      },
      nodes: { h1: 1.1, h2: 0.5, yhat: 1.47 },
    },
  },
  {
    id: 'micrograd-tanh',
    title: 'micrograd’s neuron, tanh opened into exps',
    note: 'Karpathy’s micrograd lecture: tanh written as (e^{2n}−1)/(e^{2n}+1) gives the same gradients as the one tanh gate. Its frame’s close button folds it back into one gate.',
    source: [
      'x1 = 2; x2 = 0',
      'w1 = -3; w2 = 1; b = 6.8813735870195432',
      'n = x1*w1 + x2*w2 + b',
      'o = tanh(n)',
    ].join('\n'),
    values: {},
    expected: {
      value: Math.SQRT1_2,
      gradients: { x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5 },
      nodes: { n: 0.88137359 },
    },
    expanded: ['tanh#0'],
  },
];
