import { FUNCTIONS } from '../core';

/** The whole language on one card (its code comes the first time the reference is opened). */
export function ReferenceCard() {
  return (
    <dl>
      <dt>Numbers</dt>
      <dd>
        <code>3</code> <code>-2.5</code> <code>.5</code> <code>1e-3</code>, constants <code>pi</code>{' '}
        <code>e</code>
      </dd>
      <dt>Names</dt>
      <dd>
        <code>x</code> <code>x1</code> <code>x_1</code> <code>alpha</code> <code>y_hat</code>
      </dd>
      <dt>Operators</dt>
      <dd>
        <code>+ - * /</code>, power <code>^</code> or <code>**</code> (right to left:{' '}
        <code>a^b^c = a^(b^c)</code>), <code>-x^2 = -(x^2)</code>; implicit multiplication <code>2x</code>{' '}
        <code>2(x+1)</code> <code>(a+b)(b+1)</code> <code>x(x+1)</code> (a name of 3 or more letters one
        letter off a function, such as <code>sinn(x)</code>, is taken as a typo: write <code>sinn*(x)</code>{' '}
        to multiply)
      </dd>
      <dt>Functions</dt>
      <dd>
        {[...FUNCTIONS.keys()].map((f) => (
          <code key={f}>{f}</code>
        ))}{' '}
        — <code>log</code> = ln (natural log, as in PyTorch); <code>max</code>/<code>min</code> take 2 or more
        arguments, or one vector
      </dd>
      <dt>Your functions</dt>
      <dd>
        <code>sig(z) = 1/(1 + exp(-z))</code>, <code>neuron(w, x, b) = relu(w*x + b)</code>, anywhere in the
        program; each call is one gate: click it (or Enter) to open it
      </dd>
      <dt>Vectors and matrices</dt>
      <dd>
        <code>[1, 2, 3]</code>, <code>[[4], [-2]]</code> (by rows); <code>W = [[…]]</code> of numbers declares
        an input; <code>A @ B</code> (matrix product, dot product), <code>W.T</code>, <code>v[0]</code>{' '}
        <code>W[1, 0]</code> (from 0); <code>+ - * / ^</code> and every function work elementwise with NumPy
        broadcasting; <code>sum</code> <code>mean</code> <code>max(v)</code> <code>min(v)</code>{' '}
        <code>softmax</code> <code>logsumexp</code>. The output is one number
      </dd>
      <dt>Programs</dt>
      <dd>
        Statements on separate lines or split by <code>;</code>. <code>x = -2</code> declares an input with
        its value; <code>q = x + y</code> names a node; the last line is the output. <code># comment</code>
      </dd>
    </dl>
  );
}
