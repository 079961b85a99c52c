import fc from 'fast-check';
import { program, treeArb } from './programs';

/*
 * Random program text for the fuzz test (fuzz.test.ts): numbers at the edges of floating point, every
 * operator and function, lines the output does not use, token soup, and the random programs of
 * programs.ts with edge numbers spliced in; and random input values, ∞ and NaN among them.
 */

/** Numbers at the edges of floating point, as a student might type them. */
const EDGE_TEXT = [
  '1e308',
  '1.7976931348623157e308',
  '9e307',
  '1e154',
  '1e155',
  '1e-320',
  '5e-324',
  '1e-400',
  '1e-308',
  '0',
  '-0',
  '0.0',
  '710',
  '-745',
  '2',
  '0.5',
  '-1',
];
/** Literals beyond the largest number: always refused. */
const TOO_BIG_TEXT = ['1.8e308', '1e309', '2e308', '1e400', '9'.repeat(400)];
/** The same kind of numbers as input values, with the ones no text can spell (∞, NaN). */
const EDGE_VALUES = [
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  1e154,
  1e-154,
  1e-308,
  1e-320,
  5e-324,
  710,
  -745,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];
const NAMES = ['x', 'y', 'z', 'a', 'b', 'x1', 'w_0', 'c', 'constructor', 'toString'];
const UNARY = [
  'exp',
  'log',
  'ln',
  'log10',
  'log2',
  'sqrt',
  'abs',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sigmoid',
  'relu',
];

const atom = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...NAMES.slice(0, 8)) },
  { weight: 16, arbitrary: fc.constantFrom(...EDGE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...TOO_BIG_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom('pi', 'e', 'constructor', 'toString', '__proto__') },
);

/** Expression text over edge numbers and every operator and function. */
const exprArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    atom,
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '**', ' '), tie('e'))
      .map(([a, op, b]) => `(${a})${op}(${b})`),
    fc.tuple(fc.constantFrom(...UNARY), tie('e')).map(([fn, a]) => `${fn}(${a})`),
    fc
      .tuple(fc.constantFrom('max', 'min'), fc.array(tie('e'), { minLength: 2, maxLength: 4 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `pow(${a}, ${b})`),
    tie('e').map((a) => `-${a}`),
  ),
})).e;

/** Programs of a few lines, some named, some not used by the output. */
const linesArb = fc
  .tuple(
    fc.array(fc.tuple(fc.option(fc.constantFrom(...NAMES), { nil: undefined }), exprArb), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.constantFrom('; ', '\n'),
  )
  .map(([lines, sep]) => lines.map(([name, e]) => (name === undefined ? e : `${name} = ${e}`)).join(sep));

/** Token soup: mostly nonsense, some of it valid, with the edge numbers among the tokens. */
const soupArb = fc
  .array(
    fc.constantFrom(
      ...'xyzab+-*/^()=,;\n #'.split(''),
      '**',
      ' ',
      'sin',
      'max',
      'log',
      'exp',
      'sqrt',
      'pi',
      ...EDGE_TEXT,
      '1e309',
    ),
    { maxLength: 30 },
  )
  .map((t) => t.join(''));

/** The existing random programs (tests/property/programs.ts), with edge numbers spliced in. */
const treeTextArb = fc
  .tuple(treeArb, fc.nat(11), fc.constantFrom(...EDGE_TEXT, '1e309'))
  .map(([tree, style, edge]) => program(tree, style).replace(/\b0\.25\b|\b1\.5\b/g, edge));

export const textArb = fc.oneof(
  { weight: 5, arbitrary: linesArb },
  { weight: 2, arbitrary: soupArb },
  { weight: 2, arbitrary: treeTextArb },
);

export const valuesArb = fc.dictionary(
  fc.constantFrom(...NAMES, 'u', 'v', 'w'),
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EDGE_VALUES) }, { weight: 1, arbitrary: fc.double() }),
  { maxKeys: 6 },
);
