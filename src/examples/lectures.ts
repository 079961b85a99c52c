/** Exact numbers of a program: its output, the gradient on each input, and any named node worth showing. */
export interface KnownNumbers {
  value: number;
  gradients: Record<string, number>;
  /** Values of named intermediate nodes (`L1 = …`), by name, shown before the output. */
  nodes?: Record<string, number>;
}

/**
 * What a slide printed where that differs from the exact numbers (rounding, another log base, an
 * arithmetic slip), so the preset card can show it beside Gradflow's instead of leaving a student to
 * wonder. Keys as in `KnownNumbers`; only the numbers the slide printed.
 */
export interface SlideNumbers {
  /** One line: why the slide's numbers differ. */
  why: string;
  printed: Partial<KnownNumbers>;
}

/** A lecture example with the numbers the lecture printed: the oracle for tests and for presets. */
export interface LectureExample {
  id: string;
  title: string;
  /** One line for the student. */
  note: string;
  source: string;
  /** Input values, when the text does not declare them. */
  values: Record<string, number>;
  /** Gradflow's numbers, checked against closed forms in the tests. */
  expected: KnownNumbers;
  /** The slide's own numbers, when they differ from `expected`. */
  slide?: SlideNumbers;
  /** Calls the preset opens (`tanh#0`): the rest are drawn as one gate each. */
  expanded?: string[];
}

export const LECTURE_EXAMPLES: readonly LectureExample[] = [
  {
    id: 'log-sin-max',
    title: '2·log(x1 + sin x1)·max(x2, x3)',
    note: 'log is the natural log here (as in PyTorch). The lecture’s torch printout used log10: see the next example.',
    source: '2*log(x1+sin(x1))*max(x2,x3)',
    values: { x1: 5, x2: -2, x3: -5 },
    expected: { value: -5.586044, gradients: { x1: -1.270614, x2: 2.793022, x3: 0 } },
  },
  {
    id: 'log10-sin-max',
    title: '2·log10(x1 + sin x1)·max(x2, x3)',
    note: 'The same example with log base 10, as in the lecture’s torch printout.',
    source: '2*log10(x1+sin(x1))*max(x2,x3)',
    values: { x1: 5, x2: -2, x3: -5 },
    expected: { value: -2.425988, gradients: { x1: -0.551821, x2: 1.212994, x3: 0 } },
  },
  {
    id: 'cs231n-add-mul',
    title: '(x + y)·z',
    note: 'CS231n’s first circuit: add distributes, mul swaps.',
    source: 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z',
    values: {},
    expected: { value: -12, gradients: { x: -4, y: -4, z: 3 } },
  },
  {
    id: 'cs231n-sigmoid',
    title: 'Sigmoid neuron',
    note: 'CS231n’s 2-D neuron, σ(w0·x0 + w1·x1 + w2), gate by gate.',
    source: '1/(1+exp(-(w0*x0+w1*x1+w2)))',
    values: { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 },
    expected: {
      value: 0.731059,
      gradients: { w0: -0.196612, x0: 0.393224, w1: -0.393224, x1: -0.589836, w2: 0.196612 },
    },
  },
  {
    id: 'branches',
    title: 'c = x + y; d = c²; f = x·d',
    note: 'x is used twice: its gradient is the sum of both paths.',
    source: 'c = x + y; d = c**2; f = x*d',
    values: { x: 3, y: -1 },
    expected: { value: 12, gradients: { x: 16, y: 12 } },
  },
  {
    id: 'colah',
    title: '(a + b)(b + 1)',
    note: 'colah’s computational graph: b feeds two gates, so its derivative sums two paths.',
    source: '(a+b)(b+1)',
    values: { a: 2, b: 1 },
    expected: { value: 6, gradients: { a: 2, b: 5 } },
  },
  {
    id: 'a-minus-a',
    title: 'a − a',
    note: 'Two paths that cancel: +1 and −1 add to 0.',
    source: 'a - a',
    values: { a: 3 },
    expected: { value: 0, gradients: { a: 0 } },
  },
  {
    id: 'x-cubed',
    title: 'x·x·x',
    note: 'One variable, three uses: the three contributions add up to 3x².',
    source: 'x*x*x',
    values: { x: 1 },
    expected: { value: 1, gradients: { x: 3 } },
  },
];

/** The text a preset loads: its values written as declarations, so the text alone describes it. */
export function presetText(p: LectureExample): string {
  const decls = Object.entries(p.values).map(([k, v]) => `${k} = ${v}`);
  return decls.length ? `${decls.join('; ')}\n${p.source}` : p.source;
}
