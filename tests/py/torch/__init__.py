"""A stand-in for the few PyTorch calls that Gradflow's "Copy as PyTorch" scripts make.

Why: the tests run every exported script and compare what it prints with Gradflow's numbers, but CI
cannot install PyTorch (no PyPI access here). So the tests put this directory first on PYTHONPATH and
`import torch` finds this module: plain Python floats and `math`, with a small reverse-mode autograd of
its own. It is not a PyTorch; it only has to fail where PyTorch fails and compute what PyTorch computes,
for the calls below. Anything else raises NotImplementedError, never a silent wrong number.

What it mimics of real PyTorch (CPU build):
- Tensors of 0 dimensions (scalars), 1 (vectors) and 2 (matrices); none empty. Vectors and matrices
  live in _nd.py: each is a shape and a list of 0-dim elements in the scalar autograd below, so each
  elementwise derivative is exactly the 0-dim formula; a leaf's .grad is built from its elements'.
- dtypes: torch.tensor(1.5) is float32 (the default dtype; torch.set_default_dtype changes it), and its
  results are rounded to float32; torch.tensor(2) is int64; dtype=torch.float64 (torch.double) keeps
  doubles. A 0-dim float32 with a 0-dim float64 gives float64; a Python number takes the tensor's dtype;
  a vector or matrix's dtype wins over a 0-dim tensor's (torch.result_type). Arithmetic on int64 tensors
  is not mimicked (it raises). torch.bool only as what comparisons give.
- requires_grad=True only on floating dtypes (RuntimeError otherwise, as torch).
- torch functions take tensors: torch.log(2.0) raises TypeError, as real torch does.
- torch.tensor(number), torch.tensor([a, b]) and torch.tensor([[a, b], [c, d]]) (rows of one length);
  torch.stack(list or tuple of tensors of one shape): 0-dim tensors give a vector, vectors the rows of a
  matrix (TypeError for a float in it; dim=0 only); torch.zeros_like, torch.ones_like.
- Operators + - * / ** and unary -, with a Python number on either side, and IEEE results: 1/0 is inf,
  exp(1000) is inf, log(0) is -inf, sqrt(-1) and (-8)**(1/3) are nan (no Python exceptions). On vectors
  and matrices elementwise, with NumPy broadcasting (a 0-dim tensor or a number with anything, (k,) with
  (n,k) row by row, (n,1) with (n,k), ...); sizes that do not broadcast raise RuntimeError ("The size of
  tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1").
- The functions exp log log10 log2 sqrt abs sin cos tan tanh sigmoid relu neg, elementwise on any shape
  (also as methods: v.exp(), ...).
- Derivatives as in PyTorch's tools/autograd/derivatives.yaml and FunctionsManual.cpp, with the same
  grouping of the arithmetic:
    a/b:  grad / b  and  -grad * ((a / b) / b)
    a**b: base: 0 where b == 0, else grad * (b * a**(b - 1));
          exponent: grad * (0 where a == 0 and b >= 0, else a**b * log(a))
    exp: grad * result        log: grad / x          sqrt: grad / (2 * result)
    log10: grad / (x * 2.3025850929940456)   log2: grad / (x * 0.6931471805599453)
    sin: grad * cos(x)        cos: grad * -sin(x)    tan: grad * (1 + result**2)
    tanh: grad * (1 - result * result)      sigmoid: grad * (1 - result) * result (1 / (1 + exp(-x)))
    abs: grad * sign(x), so |x|'(0) = 0    relu: 0 where result <= 0, so relu'(0) = 0
  Gradients flowing into one tensor are summed, nodes being visited newest first as torch's engine does.
  When a backward reaches a vector or matrix, every element gets a gradient (0 where it does not
  matter), as torch's does: after torch.stack([x, y])[0].backward(), y.grad is tensor(0.), not None.
- a @ b for (n,k)@(k,m), (n,k)@(k,), (k,)@(k,m) and (k,)@(k,) (a 0-dim dot product); torch.matmul. Each
  element is a[i,0]*b[0,j] + a[i,1]*b[1,j] + ..., summed left to right (torch's BLAS may group the sum
  otherwise: the last bits can differ). Inner sizes that differ, a 0-dim operand or two dtypes raise
  RuntimeError naming the sizes, as torch.
- Comparisons < <= > >= (a bool tensor, broadcasting, no gradient); == and != are not mimicked.
  torch.where(cond, a, b) with broadcasting (a or b may be a number): the gradient goes to a where cond
  holds, else to b (0 to the other), so torch.where(a >= b, a, b) gives a tie to a.
- W.T (transpose of a matrix; on a vector torch warns and returns it), W.t(); v.flatten(),
  t.reshape(n, m) / t.reshape((n,)) / torch.reshape (one size may be -1), torch.flatten. Views share
  their source's elements.
- Indexing, from 0 (negative counts from the end): v[i], W[i] (a row), W[i, j], W[i, :], W[:, j] (a
  column), with ints or 0-dim integer tensors; the gradient goes to the elements picked and 0 to the
  others (IndexError out of range, for a float index or on a 0-dim tensor). Other slices, None, ...,
  masks and index tensors are not mimicked.
- torch.sum(t) / t.sum() and torch.mean(t) / t.mean() over all elements (0-dim results; mean is the sum
  divided by n; no dim=); torch.softmax(t, dim) / t.softmax(dim): exp(x_i - max) / sum_j exp(x_j - max),
  the max a constant as in torch (torch multiplies by 1/sum instead of dividing: the last bit may
  differ), on 0-, 1- or 2-dim tensors along dim (dim=-1 too); torch.logsumexp(t, dim, keepdim=False):
  log(sum_j exp(x_j - m)) + m, m the max, taken as 0 where infinite (as torch), a 0-dim result for a
  vector. Every sum adds its terms left to right in index order; in float32 a sum of more than one term
  (@, sum, mean, softmax, logsumexp) raises NotImplementedError: torch's float32 accumulation differs.
- torch.argmax / torch.argmin of any tensor (the flat index): a 0-dim int64 tensor, the FIRST index at
  a tie (NaN counts as the extreme); no dim=.
- Tensor.max() / Tensor.min() / torch.max(t) / torch.min(t) over all elements: at a tie the gradient is
  split evenly among the tied elements (torch's evenly_distribute_backward).
- .item() (one element), .tolist() (nested lists of Python floats), .backward() (RuntimeError on a
  tensor that does not require grad, or that is not a scalar: "grad can be implicitly created only for
  scalar outputs"), .grad (of the leaf's shape; None until a backward reaches that leaf; it accumulates;
  None on non-leaves), .requires_grad, .is_leaf, .detach(), .shape / .size() (torch.Size), .dim(),
  .ndim, .numel(), len(), iteration, float(t), bool(t) of one element, torch.no_grad(). repr(t) is
  torch's (4 decimals, common width, one row a line), so a script that prints a tensor instead of
  t.item() loses digits here as it would with torch.
"""

import builtins as _builtins
import ctypes
import math
import warnings

__version__ = "0.0-gradflow-stand-in"

_bool = _builtins.bool  # `bool` below is torch.bool


class dtype:
    def __init__(self, name, is_floating_point):
        self.name = name
        self.is_floating_point = is_floating_point

    def __repr__(self):
        return "torch." + self.name


float32 = dtype("float32", True)
float64 = dtype("float64", True)
int64 = dtype("int64", False)
bool = dtype("bool", False)  # noqa: A001 -- torch.bool, what comparisons give
float = float32  # noqa: A001 -- torch.float is float32
double = float64
long = int64

_state = {"default": float32, "grad": True, "seq": 0}


def set_default_dtype(d):
    if d not in (float32, float64):
        raise TypeError("only floating-point types are supported as the default type")
    _state["default"] = d


def get_default_dtype():
    return _state["default"]


def _reset_state():
    """For the test runner: what a fresh Python process would have."""
    _state["default"] = float32
    _state["grad"] = True


class no_grad:
    def __enter__(self):
        self.prev = _state["grad"]
        _state["grad"] = False

    def __exit__(self, *exc):
        _state["grad"] = self.prev
        return False


class Size(tuple):
    """torch.Size: a tuple of sizes."""

    def __repr__(self):
        return f"torch.Size([{', '.join(str(s) for s in self)}])"

    __str__ = __repr__


_SCALAR = Size(())


# --- IEEE arithmetic on Python floats (Python raises where C and torch give inf or nan) ---------------


def _r(d, v):
    """A result stored in dtype d."""
    if d is float32:
        return ctypes.c_float(v).value
    return v


def _div(a, b):
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _is_odd_integer(b):
    return math.isfinite(b) and b == math.floor(b) and math.fmod(b, 2.0) != 0.0


def _pow(a, b):
    try:
        return math.pow(a, b)
    except OverflowError:
        return -math.inf if a < 0 and _is_odd_integer(b) else math.inf
    except ValueError:
        if a == 0.0 and b < 0:
            return math.copysign(math.inf, a) if _is_odd_integer(b) else math.inf
        return math.nan


def _exp(a):
    try:
        return math.exp(a)
    except OverflowError:
        return math.inf


def _log_with(f):
    def log(a):
        if math.isnan(a) or a < 0:
            return math.nan
        if a == 0.0:
            return -math.inf
        return f(a)

    return log


_log = _log_with(math.log)
_log10 = _log_with(math.log10)
_log2 = _log_with(math.log2)


def _sqrt(a):
    return math.nan if a < 0 else math.sqrt(a)


def _trig(f):
    def g(a):
        return math.nan if math.isinf(a) else f(a)

    return g


_sin = _trig(math.sin)
_cos = _trig(math.cos)
_tan = _trig(math.tan)


def _sigmoid(a):
    return _div(1.0, 1.0 + _exp(-a))


def _relu(a):
    return a if (a > 0 or math.isnan(a)) else 0.0


def _sign(a):
    return (a > 0) - (a < 0) + 0.0


# --- Tensors --------------------------------------------------------------------------------------------


def _type_name(x):
    return type(x).__name__


def _need_tensor(fn, x, position=1, name="input"):
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{fn}(): argument '{name}' (position {position}) must be Tensor, not {_type_name(x)}"
        )
    return x


def _scalar(x, what):
    if x.shape != ():
        raise NotImplementedError(f"stand-in torch: {what} of a tensor of shape {x.shape} is not mimicked")
    if not x.dtype.is_floating_point:
        raise NotImplementedError(f"stand-in torch: {what} on an {x.dtype} tensor is not mimicked")
    return x


class Tensor:
    """A 0-dim tensor holds its number in _v and is a node of the autograd graph (_parents, _back).

    A 1-dim or 2-dim tensor (see _nd.py) holds _els, its elements in row-major order, each a 0-dim
    tensor of the graph; it is not a node itself (its _parents only say that it is not a leaf).
    """

    __slots__ = (
        "_v", "_els", "shape", "dtype", "_rg", "_grad", "_parents", "_back", "_seq", "_name",
    )

    def __init__(self, v, d, shape=(), parents=(), back=None, name=None):
        self._v = v  # the number of a 0-dim tensor; None for 1 or 2 dims
        self._els = None  # the elements of a 1- or 2-dim tensor (set by _nd.py)
        self.shape = Size(shape) if shape else _SCALAR
        self.dtype = d
        self._grad = None
        self._parents = parents
        self._back = back
        self._name = name
        _state["seq"] += 1
        self._seq = _state["seq"]
        self._rg = _bool(parents)

    __hash__ = object.__hash__

    @property
    def is_leaf(self):
        return not self._parents

    @property
    def grad_fn(self):
        return None if self.is_leaf else self._name

    @property
    def requires_grad(self):
        return self._rg

    @requires_grad.setter
    def requires_grad(self, flag):
        flag = _bool(flag)
        if not self.is_leaf:
            if not flag:
                raise RuntimeError(
                    "you can only change requires_grad flags of leaf variables. If you want to use a "
                    "computed variable in a subgraph that doesn't require differentiation use "
                    "var_no_grad = var.detach()."
                )
            return
        if flag and not self.dtype.is_floating_point:
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        if self._els is not None and flag != self._rg:
            # Fresh elements: a leaf owns its elements (a view made before shares the old ones).
            self._els = [Tensor(e._v, e.dtype) for e in self._els]
            for e in self._els:
                e._rg = flag
        self._rg = flag

    def requires_grad_(self, requires_grad=True):
        self.requires_grad = requires_grad
        return self

    @property
    def grad(self):
        """A leaf's gradient (None until a backward reaches it); None on a non-leaf."""
        if self._els is None:
            return self._grad
        if self._parents:
            return None
        gs = [e._grad for e in self._els]
        if all(g is None for g in gs):
            return None
        return _nd.leaf([0.0 if g is None else g._v for g in gs], self.shape, self.dtype)

    @grad.setter
    def grad(self, value):
        if value is not None and (not isinstance(value, Tensor) or value.shape != self.shape):
            raise RuntimeError("assigned grad has data of a different size")
        if self._els is None:
            self._grad = value
        else:
            for k, e in enumerate(self._els):
                e._grad = None if value is None else Tensor(_nd.elements(value)[k]._v, e.dtype)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def T(self):
        return _nd.T(self)

    def dim(self):
        return len(self.shape)

    def numel(self):
        return 1 if self._els is None else len(self._els)

    def size(self, dim=None):
        if dim is None:
            return self.shape
        return self.shape[_nd.norm_dim(dim, self.dim())]

    def item(self):
        if self._els is not None:
            if len(self._els) == 1:
                return self._els[0]._v
            raise RuntimeError(f"a Tensor with {len(self._els)} elements cannot be converted to Scalar")
        return self._v

    def tolist(self):
        return _nd.tolist(self)

    def __float__(self):
        return _builtins.float(self.item())

    def __index__(self):
        if self.dtype.is_floating_point or self.dtype is bool or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return self.item()

    def __int__(self):
        return int(self.item())

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return _bool(self.item())

    def __eq__(self, other):
        raise NotImplementedError("stand-in torch: == and != on tensors are not mimicked")

    __ne__ = __eq__

    def __lt__(self, other):
        return _nd.compare(self, other, "lt")

    def __le__(self, other):
        return _nd.compare(self, other, "le")

    def __gt__(self, other):
        return _nd.compare(self, other, "gt")

    def __ge__(self, other):
        return _nd.compare(self, other, "ge")

    def __len__(self):
        if self.shape == ():
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __iter__(self):
        if self.shape == ():
            raise TypeError("iteration over a 0-d tensor")
        return (self[k] for k in range(self.shape[0]))

    def __repr__(self):
        return _nd.format_tensor(self)

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def detach(self):
        if self._els is None:
            return Tensor(self._v, self.dtype)
        return _nd.leaf([e._v for e in self._els], self.shape, self.dtype)

    # -- autograd ----------------------------------------------------------------------------------------

    def backward(self, gradient=None):
        if gradient is not None:
            raise NotImplementedError("stand-in torch: backward(gradient) is not mimicked")
        if not self._rg:
            raise RuntimeError("element 0 of tensors does not require grad and does not have a grad_fn")
        root = self
        if self._els is not None:
            if len(self._els) != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            root = self._els[0]
        # Every 0-dim tensor the output depends on through tensors that require grad. (The elements of
        # vectors and matrices are such tensors; a leaf vector's .grad is read from its elements'.)
        nodes, stack, seen = [], [root], {id(root)}
        while stack:
            t = stack.pop()
            nodes.append(t)
            for p in t._parents:
                if p._rg and id(p) not in seen:
                    seen.add(id(p))
                    stack.append(p)
        grads = {id(root): 1.0}
        for t in sorted(nodes, key=lambda t: -t._seq):  # newest first: a topological order
            g = grads.pop(id(t), None)
            if g is None:
                continue
            if t.is_leaf:
                if t._grad is None:
                    t._grad = Tensor(g, t.dtype)
                else:
                    t._grad = Tensor(_r(t.dtype, t._grad._v + g), t.dtype)
                continue
            for p, pg in zip(t._parents, t._back(g)):
                if not p._rg or pg is None:
                    continue
                old = grads.get(id(p))
                grads[id(p)] = pg if old is None else _r(p.dtype, old + pg)

    # -- operators ---------------------------------------------------------------------------------------

    def __neg__(self):
        return neg(self)

    def __pos__(self):
        return self

    def __add__(self, other):
        return _binary(self, other, "add")

    def __radd__(self, other):
        return _binary(other, self, "add")

    def __sub__(self, other):
        return _binary(self, other, "sub")

    def __rsub__(self, other):
        return _binary(other, self, "sub")

    def __mul__(self, other):
        return _binary(self, other, "mul")

    def __rmul__(self, other):
        return _binary(other, self, "mul")

    def __truediv__(self, other):
        return _binary(self, other, "div")

    def __rtruediv__(self, other):
        return _binary(other, self, "div")

    def __pow__(self, other):
        return _binary(self, other, "pow")

    def __rpow__(self, other):
        return _binary(other, self, "pow")

    def __matmul__(self, other):
        return _nd.matmul(self, other)

    def __rmatmul__(self, other):
        return _nd.matmul(other, self)

    def __getitem__(self, index):
        return _nd.getitem(self, index)

    def __setitem__(self, index, value):
        raise NotImplementedError("stand-in torch: assigning into a tensor is not mimicked")

    # -- methods -----------------------------------------------------------------------------------------

    def t(self):
        return _nd.t(self)

    def flatten(self, start_dim=0, end_dim=-1):
        return _nd.flatten(self, start_dim, end_dim)

    def reshape(self, *shape):
        return _nd.reshape(self, *shape)

    def sum(self, *args, **kw):
        return _nd.sum(self, *args, **kw)

    def mean(self, *args, **kw):
        return _nd.mean(self, *args, **kw)

    def softmax(self, dim, dtype=None):
        return _nd.softmax(self, dim, dtype)

    def logsumexp(self, dim, keepdim=False):
        return _nd.logsumexp(self, dim, keepdim)

    def max(self, *rest, **kw):
        return max(self, *rest, **kw)

    def min(self, *rest, **kw):
        return min(self, *rest, **kw)

    def argmax(self, *rest, **kw):
        return argmax(self, *rest, **kw)

    def argmin(self, *rest, **kw):
        return argmin(self, *rest, **kw)

    def exp(self):
        return exp(self)

    def log(self):
        return log(self)

    def log10(self):
        return log10(self)

    def log2(self):
        return log2(self)

    def sqrt(self):
        return sqrt(self)

    def abs(self):
        return abs(self)  # noqa: the torch.abs below, not the builtin

    def sin(self):
        return sin(self)

    def cos(self):
        return cos(self)

    def tan(self):
        return tan(self)

    def tanh(self):
        return tanh(self)

    def sigmoid(self):
        return sigmoid(self)

    def relu(self):
        return relu(self)

    def neg(self):
        return neg(self)


def _make(v, d, parents, back, name):
    """A 0-dim result of value v and dtype d; a node of the graph if grad mode is on and a parent needs it."""
    v = _r(d, v)
    if _state["grad"] and any(p._rg for p in parents):
        return Tensor(v, d, (), tuple(parents), back, name)
    return Tensor(v, d)


def _wrap(x, like):
    """A Python number in an operator becomes a tensor of the other operand's dtype, as in torch."""
    if isinstance(x, Tensor):
        return x
    if isinstance(x, _bool) or not isinstance(x, (int, _builtins.float)):
        raise TypeError(f"unsupported operand type(s) for tensor: '{_type_name(x)}'")
    return Tensor(_builtins.float(x), like.dtype)


def _result_dtype(a, b):
    return float64 if float64 in (a.dtype, b.dtype) else float32


def _binary(a, b, op):
    if (isinstance(a, Tensor) and a._els is not None) or (isinstance(b, Tensor) and b._els is not None):
        return _nd.binary(a, b, op)  # elementwise, with broadcasting: each element by the code below
    a = _wrap(a, b) if isinstance(b, Tensor) else a
    b = _wrap(b, a)
    _scalar(a, op)
    _scalar(b, op)
    d = _result_dtype(a, b)
    x, y = a._v, b._v
    if op == "add":
        return _make(x + y, d, (a, b), lambda g: (g, g), "AddBackward0")
    if op == "sub":
        return _make(x - y, d, (a, b), lambda g: (g, -g), "SubBackward0")
    if op == "mul":
        return _make(x * y, d, (a, b), lambda g: (_r(d, g * y), _r(d, g * x)), "MulBackward0")
    if op == "div":
        return _make(
            _div(x, y),
            d,
            (a, b),
            lambda g: (_r(d, _div(g, y)), _r(d, -g * _r(d, _div(_r(d, _div(x, y)), y)))),
            "DivBackward0",
        )
    out = _r(d, _pow(x, y))

    def pow_back(g):
        base = 0.0 if y == 0.0 else _r(d, g * _r(d, y * _r(d, _pow(x, _r(d, y - 1.0)))))
        expo = _r(d, g * (0.0 if (x == 0.0 and y >= 0) else _r(d, out * _r(d, _log(x)))))
        return (base, expo)

    return _make(out, d, (a, b), pow_back, "PowBackward1")


def _unary(fn, f, back, name):
    """A torch function of one tensor: f(x) the value, back(g, x, out) the gradient to x; elementwise on
    vectors and matrices."""

    def apply(input):
        _need_tensor(fn, input)
        if input._els is not None:
            return _nd.map_unary(apply, input, name)
        _scalar(input, fn)
        d = input.dtype
        x = input._v
        out = _r(d, f(x))
        return _make(out, d, (input,), lambda g: (_r(d, back(g, x, out, d)),), name)

    apply.__name__ = fn
    return apply


exp = _unary("exp", _exp, lambda g, x, o, d: g * o, "ExpBackward0")
log = _unary("log", _log, lambda g, x, o, d: _div(g, x), "LogBackward0")
log10 = _unary(
    "log10", _log10, lambda g, x, o, d: _div(g, _r(d, x * 2.3025850929940456)), "Log10Backward0"
)
log2 = _unary("log2", _log2, lambda g, x, o, d: _div(g, _r(d, x * 0.6931471805599453)), "Log2Backward0")
sqrt = _unary("sqrt", _sqrt, lambda g, x, o, d: _div(g, _r(d, 2.0 * o)), "SqrtBackward0")
abs = _unary("abs", lambda x: -x if x < 0 else x + 0.0, lambda g, x, o, d: g * _sign(x), "AbsBackward0")  # noqa: A001
sin = _unary("sin", _sin, lambda g, x, o, d: g * _r(d, _cos(x)), "SinBackward0")
cos = _unary("cos", _cos, lambda g, x, o, d: g * _r(d, -_sin(x)), "CosBackward0")
tan = _unary("tan", _tan, lambda g, x, o, d: g * _r(d, 1.0 + _r(d, o * o)), "TanBackward0")
tanh = _unary("tanh", math.tanh, lambda g, x, o, d: g * _r(d, 1.0 - _r(d, o * o)), "TanhBackward0")
sigmoid = _unary(
    "sigmoid", _sigmoid, lambda g, x, o, d: _r(d, g * _r(d, 1.0 - o)) * o, "SigmoidBackward0"
)
relu = _unary("relu", _relu, lambda g, x, o, d: 0.0 if o <= 0 else g, "ReluBackward0")
neg = _unary("neg", lambda x: -x, lambda g, x, o, d: -g, "NegBackward0")


def tensor(data, dtype=None, requires_grad=False):
    if isinstance(data, Tensor):
        warnings.warn(
            "To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach()",
            UserWarning,
            stacklevel=2,
        )
        d = dtype or data.dtype
        if data._els is None:
            t = Tensor(_nd.convert(data._v, d), d)
        else:
            t = _nd.leaf([_nd.convert(e._v, d) for e in data._els], data.shape, d)
    elif isinstance(data, (list, tuple)):
        t = _nd.from_data(data, dtype)
    elif isinstance(data, _bool):
        raise NotImplementedError("stand-in torch: bool tensors are not mimicked")
    elif isinstance(data, int):
        d = dtype or int64
        t = Tensor(data if d is int64 else _r(d, _builtins.float(data)), d)
    elif isinstance(data, _builtins.float):
        d = dtype or _state["default"]
        if d is int64:
            t = Tensor(int(data), d)
        else:
            t = Tensor(_r(d, data), d)
    else:
        raise TypeError(f"Could not infer dtype of {_type_name(data)}")
    if t.dtype is bool:
        raise NotImplementedError("stand-in torch: bool tensors are not mimicked")
    if requires_grad:
        if not t.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad = True
    return t


# Vectors and matrices: stack, @, indexing, reductions, comparisons, where, ... (they need the above).
from . import _nd  # noqa: E402
from ._nd import (  # noqa: E402,F401
    argmax,
    argmin,
    flatten,
    logsumexp,
    matmul,
    max,
    mean,
    min,
    ones_like,
    reshape,
    softmax,
    stack,
    sum,
    where,
    zeros_like,
)
