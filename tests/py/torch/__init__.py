"""A stand-in for the few PyTorch calls that Gradflow's "Copy as PyTorch" scripts make.

Why: the tests run every exported script and compare what it prints with Gradflow's numbers, but CI
cannot install PyTorch (no PyPI access here). So the tests put this directory first on PYTHONPATH and
`import torch` finds this module: plain Python floats and `math`, with a small reverse-mode autograd of
its own. It is not a PyTorch; it only has to fail where PyTorch fails and compute what PyTorch computes,
for the calls below. Anything else raises NotImplementedError, never a silent wrong number.

What it mimics of real PyTorch (CPU build):
- Tensors of 0 dimensions (scalars), and of 1 dimension only as made by torch.stack.
- dtypes: torch.tensor(1.5) is float32 (the default dtype; torch.set_default_dtype changes it), and its
  results are rounded to float32; torch.tensor(2) is int64; dtype=torch.float64 (torch.double) keeps
  doubles. A 0-dim float32 with a 0-dim float64 gives float64; a Python number takes the tensor's dtype.
  Arithmetic on int64 tensors is not mimicked (it raises).
- requires_grad=True only on floating dtypes (RuntimeError otherwise, as torch).
- torch functions take tensors: torch.log(2.0) raises TypeError, as real torch does; torch.stack takes a
  list or tuple of tensors of one shape (TypeError for a float in it).
- Operators + - * / ** and unary -, with a Python number on either side, and IEEE results: 1/0 is inf,
  exp(1000) is inf, log(0) is -inf, sqrt(-1) and (-8)**(1/3) are nan (no Python exceptions).
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
- torch.argmax / torch.argmin of a 1-dim tensor: a 0-dim int64 tensor, the FIRST index at a tie (NaN
  counts as the extreme); indexing a 1-dim tensor with an int or an integer 0-dim tensor routes the whole
  gradient to that element (IndexError for a float index or a 0-dim tensor).
- Tensor.max() / Tensor.min() / torch.max(t) / torch.min(t) over all elements: at a tie the gradient is
  split evenly among the tied elements (torch's evenly_distribute_backward).
- .item(), .backward() (RuntimeError on a tensor that does not require grad, or that is not a scalar),
  .grad (None until a backward reaches that leaf; it accumulates; None on non-leaves), .requires_grad,
  .is_leaf, .detach(), float(t), torch.no_grad(). repr(t) looks like torch's (4 decimals), so a script
  that prints a tensor instead of t.item() loses digits here as it would with torch.
"""

import builtins as _builtins
import ctypes
import math
import warnings

__version__ = "0.0-gradflow-stand-in"


class dtype:
    def __init__(self, name, is_floating_point):
        self.name = name
        self.is_floating_point = is_floating_point

    def __repr__(self):
        return "torch." + self.name


float32 = dtype("float32", True)
float64 = dtype("float64", True)
int64 = dtype("int64", False)
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
    __slots__ = ("_v", "shape", "dtype", "requires_grad", "grad", "_parents", "_back", "_seq", "_name")

    def __init__(self, v, d, shape=(), parents=(), back=None, name=None):
        self._v = v  # a float (0 dims) or a list of floats (1 dim)
        self.shape = shape
        self.dtype = d
        self.grad = None
        self._parents = parents
        self._back = back
        self._name = name
        _state["seq"] += 1
        self._seq = _state["seq"]
        self.requires_grad = bool(parents)

    __hash__ = object.__hash__

    @property
    def is_leaf(self):
        return not self._parents

    @property
    def grad_fn(self):
        return None if self.is_leaf else self._name

    def dim(self):
        return len(self.shape)

    def item(self):
        if self.shape != ():
            if len(self._v) == 1:
                return self._v[0]
            raise RuntimeError(
                f"a Tensor with {len(self._v)} elements cannot be converted to Scalar"
            )
        return self._v

    def __float__(self):
        return _builtins.float(self.item())

    def __index__(self):
        if self.dtype.is_floating_point or self.shape != ():
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return self._v

    def __int__(self):
        return int(self.item())

    def __bool__(self):
        raise NotImplementedError("stand-in torch: truth value of a tensor is not mimicked")

    def __eq__(self, other):
        raise NotImplementedError("stand-in torch: comparisons are not mimicked")

    __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __eq__

    def __len__(self):
        if self.shape == ():
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __repr__(self):
        def fmt(v):
            if not self.dtype.is_floating_point:
                return str(v)
            if math.isnan(v) or math.isinf(v):
                return repr(v)
            if v != 0 and (_builtins.abs(v) >= 1e8 or _builtins.abs(v) < 1e-4):
                return f"{v:.4e}"
            return f"{v:.0f}." if v == math.floor(v) else f"{v:.4f}"

        body = fmt(self._v) if self.shape == () else "[" + ", ".join(fmt(v) for v in self._v) + "]"
        extra = ""
        if self.dtype not in (_state["default"], int64):
            extra += f", dtype={self.dtype!r}"
        if self._parents:
            extra += f", grad_fn=<{self._name}>"
        elif self.requires_grad:
            extra += ", requires_grad=True"
        return f"tensor({body}{extra})"

    def detach(self):
        return Tensor(self._v if self.shape == () else list(self._v), self.dtype, self.shape)

    # -- autograd ----------------------------------------------------------------------------------------

    def backward(self):
        if not self.requires_grad:
            raise RuntimeError("element 0 of tensors does not require grad and does not have a grad_fn")
        if self.shape != ():
            raise RuntimeError("grad can be implicitly created only for scalar outputs")
        # Every tensor the output depends on through tensors that require grad.
        nodes, stack, seen = [], [self], {id(self)}
        while stack:
            t = stack.pop()
            nodes.append(t)
            for p in t._parents:
                if p.requires_grad and id(p) not in seen:
                    seen.add(id(p))
                    stack.append(p)
        grads = {id(self): 1.0}
        for t in sorted(nodes, key=lambda t: -t._seq):  # newest first: a topological order
            g = grads.pop(id(t), None)
            if g is None:
                continue
            if t.is_leaf:
                if t.grad is None:
                    t.grad = Tensor(g if t.shape == () else list(g), t.dtype, t.shape)
                elif t.shape == ():
                    t.grad = Tensor(_r(t.dtype, t.grad._v + g), t.dtype)
                else:
                    raise NotImplementedError("stand-in torch: accumulating into a 1-dim leaf")
                continue
            for p, pg in zip(t._parents, t._back(g)):
                if not p.requires_grad or pg is None:
                    continue
                old = grads.get(id(p))
                if old is None:
                    grads[id(p)] = pg
                elif p.shape == ():
                    grads[id(p)] = _r(p.dtype, old + pg)
                else:
                    grads[id(p)] = [_r(p.dtype, a + b) for a, b in zip(old, pg)]

    # -- operators ---------------------------------------------------------------------------------------

    def __neg__(self):
        _scalar(self, "negation")
        return _make(-self._v, self.dtype, (self,), lambda g: (-g,), "NegBackward0")

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

    def __getitem__(self, index):
        if self.shape == ():
            raise IndexError(
                "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                "in C++ to convert a 0-dim tensor to a number"
            )
        if isinstance(index, Tensor):
            if index.dtype.is_floating_point:
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
            if index.shape != ():
                raise NotImplementedError("stand-in torch: indexing with a 1-dim tensor")
            index = index._v
        elif isinstance(index, bool) or not isinstance(index, int):
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                "indices (got " + _type_name(index) + ")"
            )
        n = self.shape[0]
        if not -n <= index < n:
            raise IndexError(f"index {index} is out of bounds for dimension 0 with size {n}")
        k = index % n

        def back(g):
            out = [0.0] * n
            out[k] = g
            return (out,)

        return _make(self._v[k], self.dtype, (self,), back, "SelectBackward0")

    # -- methods -----------------------------------------------------------------------------------------

    def max(self):
        return _reduce_extreme(self, "max")

    def min(self):
        return _reduce_extreme(self, "min")

    def argmax(self):
        return argmax(self)

    def argmin(self):
        return argmin(self)

    def exp(self):
        return exp(self)

    def log(self):
        return log(self)

    def sqrt(self):
        return sqrt(self)

    def abs(self):
        return abs(self)  # noqa: the torch.abs below, not the builtin


def _make(v, d, parents, back, name):
    v = _r(d, v)
    if _state["grad"] and any(p.requires_grad for p in parents):
        return Tensor(v, d, (), tuple(parents), back, name)
    return Tensor(v, d)


def _wrap(x, like):
    """A Python number in an operator becomes a tensor of the other operand's dtype, as in torch."""
    if isinstance(x, Tensor):
        return x
    if isinstance(x, bool) or not isinstance(x, (int, _builtins.float)):
        raise TypeError(f"unsupported operand type(s) for tensor: '{_type_name(x)}'")
    return Tensor(_builtins.float(x), like.dtype)


def _result_dtype(a, b):
    return float64 if float64 in (a.dtype, b.dtype) else float32


def _binary(a, b, op):
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
    """A torch function of one tensor: f(x) the value, back(g, x, out) the gradient to x."""

    def apply(input):
        _need_tensor(fn, input)
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
        t = Tensor(_r(d, data._v) if data.shape == () else [_r(d, v) for v in data._v], d, data.shape)
    elif isinstance(data, (list, tuple)):
        if not all(isinstance(v, (int, _builtins.float)) and not isinstance(v, bool) for v in data):
            raise NotImplementedError("stand-in torch: torch.tensor of a list of non-numbers")
        d = dtype or (
            int64 if all(isinstance(v, int) for v in data) and data else _state["default"]
        )
        t = Tensor([_r(d, _builtins.float(v)) for v in data], d, (len(data),))
    elif isinstance(data, bool):
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
    if requires_grad:
        if not t.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad = True
    return t


def stack(tensors):
    if not isinstance(tensors, (list, tuple)):
        raise TypeError(
            f"stack(): argument 'tensors' (position 1) must be tuple of Tensors, not {_type_name(tensors)}"
        )
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    for k, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {k} in argument 0, but got {_type_name(t)}")
        _scalar(t, "stack")
    d = float64 if any(t.dtype is float64 for t in tensors) else float32
    n = len(tensors)
    v = [_r(d, t._v) for t in tensors]
    parents = tuple(tensors)
    if _state["grad"] and any(t.requires_grad for t in tensors):
        return Tensor(v, d, (n,), parents, lambda g: tuple(g), "StackBackward0")
    return Tensor(v, d, (n,))


def _arg_extreme(fn, input, better):
    _need_tensor(fn, input)
    if input.shape == ():
        return Tensor(0, int64)
    best = 0
    for k, v in enumerate(input._v):
        b = input._v[best]
        if math.isnan(b):
            break
        if math.isnan(v) or better(v, b):
            best = k
    return Tensor(best, int64)


def argmax(input):
    return _arg_extreme("argmax", input, lambda v, b: v > b)


def argmin(input):
    return _arg_extreme("argmin", input, lambda v, b: v < b)


def _reduce_extreme(input, fn):
    if input.shape == ():
        return input
    k = (argmax if fn == "max" else argmin)(input)._v
    value = input._v[k]
    tied = [v == value or (math.isnan(v) and math.isnan(value)) for v in input._v]
    count = _builtins.sum(tied)
    d = input.dtype

    def back(g):
        share = _r(d, g / count)
        return ([share if t else 0.0 for t in tied],)

    if _state["grad"] and input.requires_grad:
        return Tensor(value, d, (), (input,), back, fn.capitalize() + "Backward1")
    return Tensor(value, d)


def max(input, *rest, **kw):  # noqa: A001
    _need_tensor("max", input)
    if rest or kw:
        raise NotImplementedError("stand-in torch: only torch.max(tensor) over all elements is mimicked")
    return _reduce_extreme(input, "max")


def min(input, *rest, **kw):  # noqa: A001
    _need_tensor("min", input)
    if rest or kw:
        raise NotImplementedError("stand-in torch: only torch.min(tensor) over all elements is mimicked")
    return _reduce_extreme(input, "min")
