"""Vectors and matrices (1-dim and 2-dim tensors) for the torch stand-in; see the docstring of __init__.py.

A 1- or 2-dim tensor is its shape plus its elements in row-major order (Tensor._els), each a 0-dim
tensor of the stand-in's scalar autograd. An elementwise operation makes one 0-dim node per element of
the result by the scalar code of __init__.py, so every elementwise derivative is exactly the 0-dim one;
@, sum, mean, softmax and logsumexp are built from those same scalar nodes. A leaf's .grad is read from
its elements' gradients. Views (transpose, reshape, flatten) share their source's elements.

What real PyTorch's tensor-level engine does and the scalar nodes must also do: when a backward reaches
a tensor, every element of it gets a gradient, 0 where it does not matter (so x.grad is tensor(0.), not
None, after torch.stack([x, y])[1].backward(); and 0 * inf is nan in a later backward formula). Every
operation below reaches all elements of its inputs; indexing reaches the unselected ones with zeros, as
torch's select_backward fills zeros.

Sums (@, sum, mean, softmax, logsumexp) add their terms left to right, in index order, in float64;
torch's kernels may group them otherwise and differ in the last bits. float32 sums of more than one
term raise NotImplementedError: torch's float32 accumulation is not mimicked.
"""

import builtins as _builtins
import math
import warnings

from . import (
    Tensor,
    _binary,
    _bool,
    _make,
    _need_tensor,
    _r,
    _state,
    _type_name,
    _wrap,
    exp,
    float32,
    float64,
    int64,
    log,
)
from . import bool as _booldt

_pymax = _builtins.max
_pymin = _builtins.min
_C_NAMES = {float32: ("Float", "float"), float64: ("Double", "double"), int64: ("Long", "long"),
            _booldt: ("Bool", "bool")}


# --- construction -----------------------------------------------------------------------------------


def elements(t):
    """The elements of a tensor as a flat list of 0-dim tensors; a 0-dim tensor is its own element."""
    return t._els if t._els is not None else [t]


def new(els, shape, d, name):
    """A result of shape `shape` (1 or 2 sizes) whose elements are the 0-dim tensors els (of dtype d)."""
    t = Tensor(None, d, shape)
    if _state["grad"] and any(e._rg for e in els):
        t._parents = tuple(els)  # it is not a leaf; backward walks the elements, not this tensor
        t._rg = True
        t._name = name
    else:
        els = [Tensor(e._v, d) if e._rg else e for e in els]
    t._els = list(els)
    return t


def leaf(values, shape, d, requires_grad=False):
    """A leaf of 1 or 2 dims whose elements (leaves too) hold the numbers `values`."""
    t = Tensor(None, d, shape)
    t._els = [Tensor(v, d) for v in values]
    if requires_grad:
        for e in t._els:
            e._rg = True
        t._rg = True
    return t


def convert(v, d):
    """A Python number as dtype d stores it."""
    if d is _booldt:
        return _bool(v)
    if d is int64:
        return int(v)
    return _r(d, _builtins.float(v))


def _is_number(v):
    return isinstance(v, (int, _builtins.float)) and not isinstance(v, _bool)


def from_data(data, dtype):
    """torch.tensor of a list: a vector of numbers, or a matrix as a list of rows."""
    if not data:
        raise NotImplementedError("stand-in torch: empty tensors are not mimicked")
    if all(isinstance(r, (list, tuple)) for r in data):
        n = len(data[0])
        for r in data:
            if len(r) != n:
                raise ValueError(f"expected sequence of length {n} at dim 1 (got {len(r)})")
        if n == 0:
            raise NotImplementedError("stand-in torch: empty tensors are not mimicked")
        flat = [v for r in data for v in r]
        shape = (len(data), n)
    elif any(isinstance(r, (list, tuple)) for r in data):
        raise ValueError("expected a list of numbers or a list of rows of numbers")
    else:
        flat = list(data)
        shape = (len(data),)
    if not all(_is_number(v) for v in flat):
        if any(isinstance(v, (list, tuple)) for v in flat):
            raise NotImplementedError("stand-in torch: tensors of more than 2 dimensions are not mimicked")
        raise NotImplementedError("stand-in torch: torch.tensor of a list of non-numbers")
    d = dtype or (int64 if all(isinstance(v, int) for v in flat) else _state["default"])
    if d is _booldt:
        raise NotImplementedError("stand-in torch: bool tensors are not mimicked")
    return leaf([convert(v, d) for v in flat], shape, d)


def _like(fn, input, fill, dtype, requires_grad):
    _need_tensor(fn, input)
    d = dtype or input.dtype
    v = convert(fill, d)
    if input._els is None:
        t = Tensor(v, d)
    else:
        t = leaf([v] * len(input._els), input.shape, d)
    if requires_grad:
        t.requires_grad = True
    return t


def zeros_like(input, dtype=None, requires_grad=False):
    return _like("zeros_like", input, 0, dtype, requires_grad)


def ones_like(input, dtype=None, requires_grad=False):
    return _like("ones_like", input, 1, dtype, requires_grad)


def tolist(t):
    if t._els is None:
        return t._v
    vals = [e._v for e in t._els]
    if t.dim() == 1:
        return vals
    m = t.shape[1]
    return [vals[i * m : (i + 1) * m] for i in range(t.shape[0])]


# --- dtypes, shapes, broadcasting ---------------------------------------------------------------------


def _promote(x, y):
    if x is None or x is y:
        return y if x is None else x
    if y is None:
        return x
    rank = {_booldt: 0, int64: 1, float32: 2, float64: 2}
    if rank[x] != rank[y]:
        return x if rank[x] > rank[y] else y
    return float64  # float32 with float64


def _combine(higher, lower):
    """torch's combine_categories: a tensor of more dimensions wins within its category."""
    if higher is None:
        return lower
    if lower is None or higher.is_floating_point:
        return higher
    if higher is _booldt or lower.is_floating_point:
        return _promote(higher, lower)
    return higher


def result_type(*operands):
    """torch.result_type: tensors of 1 or 2 dims, then 0-dim tensors, then Python numbers."""
    dims = zero = wrapped = None
    for o in operands:
        if isinstance(o, Tensor):
            if o._els is not None:
                dims = _promote(dims, o.dtype)
            else:
                zero = _promote(zero, o.dtype)
        elif isinstance(o, _bool):
            wrapped = _promote(wrapped, _booldt)
        elif isinstance(o, int):
            wrapped = _promote(wrapped, int64)
        elif isinstance(o, _builtins.float):
            wrapped = _promote(wrapped, _state["default"])
        else:
            raise TypeError(f"unsupported operand type(s) for tensor: '{_type_name(o)}'")
    return _combine(dims, _combine(zero, wrapped))


def _shape(x):
    return tuple(x.shape) if isinstance(x, Tensor) else ()


def broadcast(a, b):
    """NumPy broadcasting of two shapes, with torch's message when they do not broadcast."""
    n = _pymax(len(a), len(b))
    out = [1] * n
    for i in range(n - 1, -1, -1):
        off = n - 1 - i
        sa = a[len(a) - 1 - off] if len(a) - 1 - off >= 0 else 1
        sb = b[len(b) - 1 - off] if len(b) - 1 - off >= 0 else 1
        if sa != sb and sa != 1 and sb != 1:
            raise RuntimeError(
                f"The size of tensor a ({sa}) must match the size of tensor b ({sb}) at non-singleton "
                f"dimension {i}"
            )
        out[i] = sa if sb == 1 else sb
    return tuple(out)


def expand(t, shape):
    """The elements of t broadcast to `shape`, as a flat row-major list."""
    els = elements(t)
    src = tuple(t.shape)
    if src == tuple(shape):
        return list(els)
    if len(shape) == 1:  # from () or (1,)
        return [els[0]] * shape[0]
    rows, cols = shape
    if len(src) == 0:
        return [els[0]] * (rows * cols)
    if len(src) == 1:
        return [els[0 if src[0] == 1 else j] for i in range(rows) for j in range(cols)]
    r, c = src
    return [els[(0 if r == 1 else i) * c + (0 if c == 1 else j)] for i in range(rows) for j in range(cols)]


def _cast(e, d):
    """A 0-dim tensor in dtype d (a float32 <-> float64 conversion is a node, as torch's ToCopyBackward0)."""
    if e.dtype is d:
        return e
    if e._rg:
        src = e.dtype
        return _make(e._v, d, (e,), lambda g: (_r(src, g),), "ToCopyBackward0")
    return Tensor(convert(e._v, d), d)


def _as(x, d):
    """An operand as a tensor of dtype d: a Python number as in torch (_wrap), a tensor converted."""
    if not isinstance(x, Tensor):
        return _wrap(x, Tensor(0.0, d))
    if x.dtype is d:
        return x
    if x._els is None:
        return _cast(x, d)
    return new([_cast(e, d) for e in x._els], x.shape, d, "ToCopyBackward0")


def norm_dim(dim, ndim):
    if isinstance(dim, _bool) or not isinstance(dim, int):
        raise TypeError(f"dim must be an int, not {_type_name(dim)}")
    n = _pymax(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
    return dim % n


# --- elementwise --------------------------------------------------------------------------------------

_NAMES = {"add": "AddBackward0", "sub": "SubBackward0", "mul": "MulBackward0", "div": "DivBackward0",
          "pow": "PowBackward1"}


def binary(a, b, op):
    """a op b with broadcasting, one scalar node (__init__._binary) per element of the result."""
    d = result_type(a, b)
    if not d.is_floating_point:
        raise NotImplementedError(f"stand-in torch: {op} on {d} tensors is not mimicked")
    a, b = _as(a, d), _as(b, d)
    shape = broadcast(_shape(a), _shape(b))
    els = [_binary(x, y, op) for x, y in zip(expand(a, shape), expand(b, shape))]
    return new(els, shape, d, _NAMES[op])


def map_unary(f, t, name):
    """A torch function of one tensor, elementwise: f is its 0-dim form."""
    return new([f(e) for e in t._els], t.shape, t.dtype, name)


_COMPARE = {
    "lt": lambda x, y: x < y,
    "le": lambda x, y: x <= y,
    "gt": lambda x, y: x > y,
    "ge": lambda x, y: x >= y,
}


def compare(a, b, op):
    """a < b, a <= b, a > b, a >= b: a bool tensor (no gradient), compared in the promoted dtype."""
    if isinstance(b, _bool) or not (isinstance(b, Tensor) or _is_number(b)):
        raise TypeError(f"unsupported operand type(s) for comparison with a tensor: '{_type_name(b)}'")
    d = result_type(a, b)
    if d is _booldt:
        raise NotImplementedError("stand-in torch: comparing bool tensors is not mimicked")
    shape = broadcast(_shape(a), _shape(b))
    xs = expand(a, shape)
    ys = expand(b, shape) if isinstance(b, Tensor) else [Tensor(b, d)] * len(xs)
    f = _COMPARE[op]
    vals = [f(convert(x._v, d), convert(y._v, d)) for x, y in zip(xs, ys)]
    if shape == ():
        return Tensor(vals[0], _booldt)
    return leaf(vals, shape, _booldt)


def where(condition, input=None, other=None):
    """torch.where(condition, input, other) with broadcasting: the gradient goes to input where the
    condition holds, else to other (zeros to the one not chosen, as torch's where(cond, grad, 0))."""
    if input is None and other is None:
        raise NotImplementedError("stand-in torch: torch.where(condition) alone is not mimicked")
    _need_tensor("where", condition, 1, "condition")
    if condition.dtype is not _booldt:
        raise RuntimeError(
            "where expected condition to be a boolean tensor, but got a tensor with dtype "
            + _C_NAMES[condition.dtype][0]
        )
    for k, x in ((2, input), (3, other)):
        if not (isinstance(x, Tensor) or _is_number(x)):
            raise TypeError(f"where(): argument {k} must be Tensor or Number, not {_type_name(x)}")
    d = result_type(input, other)
    if not d.is_floating_point:
        raise NotImplementedError(f"stand-in torch: torch.where on {d} values is not mimicked")
    a, b = _as(input, d), _as(other, d)
    shape = broadcast(broadcast(_shape(condition), _shape(a)), _shape(b))
    els = []
    for c, x, y in zip(expand(condition, shape), expand(a, shape), expand(b, shape)):
        if c._v:
            els.append(_make(x._v, d, (x, y), lambda g: (g, 0.0), "WhereBackward0"))
        else:
            els.append(_make(y._v, d, (x, y), lambda g: (0.0, g), "WhereBackward0"))
    return els[0] if shape == () else new(els, shape, d, "WhereBackward0")


# --- @ ------------------------------------------------------------------------------------------------


def _total(terms):
    """Σ terms, left to right (one term is itself)."""
    acc = terms[0]
    for t in terms[1:]:
        acc = _binary(acc, t, "add")
    return acc


def _summable(t, what, terms):
    if not t.dtype.is_floating_point:
        raise NotImplementedError(f"stand-in torch: {what} of an {t.dtype} tensor is not mimicked")
    if t.dtype is float32 and terms > 1:
        raise NotImplementedError(
            f"stand-in torch: {what} in float32 is not mimicked (torch's float32 summation order and "
            "accumulator are not); use float64"
        )


def _alias(e, name):
    """A new 0-dim node equal to e (so a result is never one of the inputs, and has torch's grad_fn)."""
    return _make(e._v, e.dtype, (e,), lambda g: (g,), name)


def matmul(a, b):
    """a @ b: (n,k)@(k,m), (n,k)@(k,), (k,)@(k,m), (k,)@(k,) (a 0-dim dot product). Each element is
    Σ_t a[i,t] * b[t,j], summed for t = 0, 1, 2, ... left to right."""
    _need_tensor("matmul", a, 1, "input")
    _need_tensor("matmul", b, 2, "other")
    if a.dim() == 0 or b.dim() == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {a.dim()}D and {b.dim()}D"
        )
    if a.dtype is not b.dtype:
        raise RuntimeError(
            f"expected m1 and m2 to have the same dtype, but got: {_C_NAMES[a.dtype][1]} != "
            f"{_C_NAMES[b.dtype][1]}"
        )
    (n, k) = tuple(a.shape) if a.dim() == 2 else (1, a.shape[0])
    (k2, m) = tuple(b.shape) if b.dim() == 2 else (b.shape[0], 1)
    if k != k2:
        if a.dim() == 1 and b.dim() == 1:
            raise RuntimeError(
                f"inconsistent tensor size, expected tensor [{k}] and src [{k2}] to have the same number "
                f"of elements, but got {k} and {k2} elements respectively"
            )
        if b.dim() == 1:
            raise RuntimeError(f"size mismatch, got input ({n}), mat ({n}x{k}), vec ({k2})")
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({n}x{k} and {k2}x{m})")
    _summable(a, "@", k)
    A, B = a._els, b._els
    els = [
        _total([_binary(A[i * k + t], B[t * m + j], "mul") for t in range(k)])
        for i in range(n)
        for j in range(m)
    ]
    if a.dim() == 1 and b.dim() == 1:
        return _alias(els[0], "DotBackward0")
    if a.dim() == 2 and b.dim() == 2:
        return new(els, (n, m), a.dtype, "MmBackward0")
    if a.dim() == 2:
        return new(els, (n,), a.dtype, "MvBackward0")
    return new(els, (m,), a.dtype, "SqueezeBackward4")


# --- indexing and views -------------------------------------------------------------------------------


def _index(i, size, dim):
    """An int index (or a 0-dim integer tensor) into a dimension of `size`, counted from 0."""
    if isinstance(i, Tensor):
        if i.dtype.is_floating_point:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        if i.shape != () or i.dtype is _booldt:
            raise NotImplementedError("stand-in torch: indexing with a tensor of indices or a mask")
        i = i._v
    elif i is None or i is Ellipsis:
        raise NotImplementedError("stand-in torch: indexing with None or ... is not mimicked")
    elif isinstance(i, _bool) or not isinstance(i, int):
        raise IndexError(
            "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
            "indices (got " + _type_name(i) + ")"
        )
    if not -size <= i < size:
        raise IndexError(f"index {i} is out of bounds for dimension {dim} with size {size}")
    return i % size


def _select(els, picked):
    """New nodes for the elements els[k], k in picked; the first also gives a zero gradient to each
    element not picked (torch's select_backward: zeros, then the gradient where it was picked)."""
    chosen = set(picked)
    rest = tuple(e for k, e in enumerate(els) if k not in chosen and e._rg)
    zeros = (0.0,) * len(rest)
    out = []
    for n, k in enumerate(picked):
        if n == 0 and rest:
            out.append(_make(els[k]._v, els[k].dtype, (els[k],) + rest, lambda g: (g,) + zeros,
                             "SelectBackward0"))
        else:
            out.append(_alias(els[k], "SelectBackward0"))
    return out


def getitem(t, index):
    """v[i], W[i] (a row), W[i, j], W[i, :] and W[:, j] (a column); ints or 0-dim integer tensors."""
    if t.shape == ():
        raise IndexError(
            "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
            "in C++ to convert a 0-dim tensor to a number"
        )
    index = index if isinstance(index, tuple) else (index,)
    if len(index) > t.dim():
        raise IndexError(f"too many indices for tensor of dimension {t.dim()}")
    at = []
    for dim, i in enumerate(index):
        if isinstance(i, slice):
            if (i.start, i.stop, i.step) != (None, None, None):
                raise NotImplementedError("stand-in torch: slices other than `:` are not mimicked")
            at.append(None)
        else:
            at.append(_index(i, t.shape[dim], dim))
    at += [None] * (t.dim() - len(at))
    if t.dim() == 1:
        if at[0] is None:
            raise NotImplementedError("stand-in torch: v[:] is not mimicked")
        return _select(t._els, [at[0]])[0]
    rows, cols = t.shape
    i, j = at
    if i is not None and j is not None:
        return _select(t._els, [i * cols + j])[0]
    if i is not None:
        return new(_select(t._els, [i * cols + c for c in range(cols)]), (cols,), t.dtype, "SelectBackward0")
    if j is not None:
        return new(_select(t._els, [r * cols + j for r in range(rows)]), (rows,), t.dtype, "SelectBackward0")
    raise NotImplementedError("stand-in torch: W[:] and W[:, :] are not mimicked")


def _view(t, els, shape, name):
    if shape == ():
        return _alias(els[0], name)
    return new(els, shape, t.dtype, name)


def _transposed(t, name):
    rows, cols = t.shape
    return new([t._els[i * cols + j] for j in range(cols) for i in range(rows)], (cols, rows), t.dtype, name)


def T(t):
    """W.T: the transpose of a matrix. On fewer dimensions torch warns and returns a view."""
    if t.dim() == 2:
        return _transposed(t, "PermuteBackward0")
    if t.dim() == 1:
        warnings.warn(
            "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated "
            "and it will throw an error in a future release. Consider `x.mT` to transpose batches of "
            "matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a "
            "tensor.",
            UserWarning,
            stacklevel=3,
        )
        return _view(t, t._els, tuple(t.shape), "PermuteBackward0")
    return _alias(t, "AliasBackward0")


def t(input):
    if input.dim() == 2:
        return _transposed(input, "TBackward0")
    return _view(input, elements(input), tuple(input.shape), "TBackward0")


def flatten(input, start_dim=0, end_dim=-1):
    _need_tensor("flatten", input)
    if (start_dim, end_dim) not in ((0, -1), (0, input.dim() - 1)):
        raise NotImplementedError("stand-in torch: flatten(start_dim, end_dim) is not mimicked")
    if input.dim() == 1:
        return input  # torch returns the tensor itself
    return new(list(elements(input)), (input.numel(),), input.dtype, "ViewBackward0")


def reshape(input, *shape):
    """t.reshape(n, m), t.reshape((n, m)), torch.reshape(t, shape); one size may be -1."""
    _need_tensor("reshape", input)
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    for s in shape:
        if isinstance(s, _bool) or not isinstance(s, int):
            raise TypeError(f"reshape(): argument 'shape' must be tuple of ints, but found {_type_name(s)}")
    n = input.numel()
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for s in shape:
        if s != -1:
            known *= s
    if -1 in shape:
        if known == 0 or n % known:
            raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {n}")
        shape = tuple(n // known if s == -1 else s for s in shape)
    size = 1
    for s in shape:
        size *= s
    if any(s < 0 for s in shape) or size != n:
        raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {n}")
    if len(shape) > 2:
        raise NotImplementedError("stand-in torch: tensors of more than 2 dimensions are not mimicked")
    return _view(input, list(elements(input)), tuple(shape), "ViewBackward0")


# --- stack --------------------------------------------------------------------------------------------


def stack(tensors, dim=0):
    """torch.stack of 0-dim tensors (a vector) or of vectors of one length (the rows of a matrix)."""
    if not isinstance(tensors, (list, tuple)):
        raise TypeError(
            f"stack(): argument 'tensors' (position 1) must be tuple of Tensors, not {_type_name(tensors)}"
        )
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    for k, x in enumerate(tensors):
        if not isinstance(x, Tensor):
            raise TypeError(f"expected Tensor as element {k} in argument 0, but got {_type_name(x)}")
    if dim != 0:
        raise NotImplementedError("stand-in torch: only torch.stack(tensors, dim=0) is mimicked")
    first = tuple(tensors[0].shape)
    for k, x in enumerate(tensors):
        if tuple(x.shape) != first:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {list(first)} at entry 0 and "
                f"{list(x.shape)} at entry {k}"
            )
    if len(first) > 1:
        raise NotImplementedError("stand-in torch: tensors of more than 2 dimensions are not mimicked")
    d = None
    for x in tensors:
        d = _promote(d, x.dtype)
    els = [_cast(e, d) for x in tensors for e in elements(x)]
    return new(els, (len(tensors),) + first, d, "StackBackward0")


# --- reductions ---------------------------------------------------------------------------------------


def _all_only(fn, dim, keepdim, dtype):
    if dim is not None or keepdim or dtype is not None:
        raise NotImplementedError(f"stand-in torch: only torch.{fn}(tensor) over all elements is mimicked")


def sum(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A001
    """Σ of all elements, left to right: a 0-dim tensor."""
    _need_tensor("sum", input)
    _all_only("sum", dim, keepdim, dtype)
    els = elements(input)
    _summable(input, "sum", len(els))
    return _alias(_total(els), "SumBackward0")


def mean(input, dim=None, keepdim=False, *, dtype=None):
    """(Σ of all elements, left to right) / n: a 0-dim tensor."""
    _need_tensor("mean", input)
    _all_only("mean", dim, keepdim, dtype)
    els = elements(input)
    _summable(input, "mean", len(els))
    n = Tensor(_builtins.float(len(els)), input.dtype)
    return _alias(_binary(_total(els), n, "div"), "MeanBackward0")


def _nan_max(values):
    return math.nan if any(math.isnan(v) for v in values) else _pymax(values)


def _slices(input, dim):
    """The flat positions of each slice along `dim` (all elements for 0 or 1 dims)."""
    if input.dim() < 2:
        return [list(range(input.numel()))]
    rows, cols = input.shape
    if dim == 1:
        return [[i * cols + j for j in range(cols)] for i in range(rows)]
    return [[i * cols + j for i in range(rows)] for j in range(cols)]


def softmax(input, dim, dtype=None):
    """exp(x_i - max) / Σ_j exp(x_j - max), the max a constant (torch subtracts it and does not
    differentiate it; torch then multiplies by 1 / Σ where this divides: the last bit may differ)."""
    _need_tensor("softmax", input)
    if dtype is not None:
        raise NotImplementedError("stand-in torch: softmax(dtype=...) is not mimicked")
    dim = norm_dim(dim, input.dim())
    d = input.dtype
    out = [None] * input.numel()
    for positions in _slices(input, dim):
        xs = [elements(input)[p] for p in positions]
        _summable(input, "softmax", len(xs))
        m = Tensor(_nan_max([x._v for x in xs]), d)
        es = [exp(_binary(x, m, "sub")) for x in xs]
        s = _total(es)
        for p, e in zip(positions, es):
            out[p] = _binary(e, s, "div")
    return _view(input, out, tuple(input.shape), "SoftmaxBackward0")


def logsumexp(input, dim, keepdim=False):
    """log Σ exp(x_i - m) + m as torch computes it: m the max, a constant, taken as 0 where it is
    infinite. A 1-dim input gives a 0-dim result."""
    _need_tensor("logsumexp", input)
    if isinstance(dim, (tuple, list)):
        if len(dim) != 1:
            raise NotImplementedError("stand-in torch: logsumexp over several dims is not mimicked")
        dim = dim[0]
    dim = norm_dim(dim, input.dim())
    d = input.dtype
    out = []
    for positions in _slices(input, dim):
        xs = [elements(input)[p] for p in positions]
        _summable(input, "logsumexp", len(xs))
        m = _nan_max([x._v for x in xs])
        m = Tensor(0.0 if math.isinf(m) else m, d)
        s = _total([exp(_binary(x, m, "sub")) for x in xs])
        out.append(_binary(log(s), m, "add"))
    if input.dim() < 2:
        shape = (1,) if keepdim and input.dim() == 1 else ()
    elif keepdim:
        shape = (1, len(out)) if dim == 0 else (len(out), 1)
    else:
        shape = (len(out),)
    return _view(input, out, shape, "LogsumexpBackward0")


def _arg_extreme(fn, input, better, dim, keepdim):
    _need_tensor(fn, input)
    if dim is not None or keepdim:
        raise NotImplementedError(f"stand-in torch: only torch.{fn}(tensor) over all elements is mimicked")
    if input.dtype is _booldt:
        raise NotImplementedError(f"stand-in torch: {fn} of a bool tensor is not mimicked")
    vals = [e._v for e in elements(input)]
    best = 0
    for k, v in enumerate(vals):
        b = vals[best]
        if isinstance(b, _builtins.float) and math.isnan(b):
            break
        if (isinstance(v, _builtins.float) and math.isnan(v)) or better(v, b):
            best = k
    return Tensor(best, int64)


def argmax(input, dim=None, keepdim=False):
    """The flat index of the largest element, the FIRST at a tie (NaN counts as the largest)."""
    return _arg_extreme("argmax", input, lambda v, b: v > b, dim, keepdim)


def argmin(input, dim=None, keepdim=False):
    return _arg_extreme("argmin", input, lambda v, b: v < b, dim, keepdim)


def _reduce_extreme(input, fn):
    """max/min over all elements; at a tie the gradient is split evenly (evenly_distribute_backward)."""
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"stand-in torch: {fn} of an {input.dtype} tensor is not mimicked")
    els = elements(input)
    k = (argmax if fn == "max" else argmin)(input)._v
    value = els[k]._v
    tied = [e._v == value or (math.isnan(e._v) and math.isnan(value)) for e in els]
    count = _builtins.sum(tied)
    d = input.dtype

    def back(g):
        share = _r(d, g / count)
        return tuple(share if t else 0.0 for t in tied)

    return _make(value, d, tuple(els), back, fn.capitalize() + "Backward1")


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


# --- repr, as torch's _tensor_str (precision 4, linewidth 80) -----------------------------------------


class _Formatter:
    def __init__(self, values, floating):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        if not floating:
            self.width = _pymax(len(str(v)) for v in values)
            return
        finite = [v for v in values if math.isfinite(v) and v != 0]
        if not finite:
            return
        lo = _pymin(_builtins.abs(v) for v in finite)
        hi = _pymax(_builtins.abs(v) for v in finite)
        self.int_mode = all(v == math.ceil(v) for v in finite)
        if self.int_mode:
            if hi / lo > 1000.0 or hi > 1.0e8:
                self.sci_mode = True
                self.width = _pymax(len(f"{v:.4e}") for v in finite)
            else:
                self.width = _pymax(len(f"{v:.0f}") + 1 for v in finite)
        elif hi / lo > 1000.0 or hi > 1.0e8 or lo < 1.0e-4:
            self.sci_mode = True
            self.width = _pymax(len(f"{v:.4e}") for v in finite)
        else:
            self.width = _pymax(len(f"{v:.4f}") for v in finite)

    def format(self, v):
        if not self.floating:
            s = str(v)
        elif self.sci_mode:
            s = f"{v:{self.width}.4e}"
        elif self.int_mode:
            s = f"{v:.0f}" + ("" if math.isinf(v) or math.isnan(v) else ".")
        else:
            s = f"{v:.4f}"
        return " " * (self.width - len(s)) + s


def _vector_str(values, indent, f):
    per_line = _pymax(1, (80 - indent) // (f.width + 2))
    lines = [", ".join(f.format(v) for v in values[k : k + per_line]) for k in range(0, len(values), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def format_tensor(t):
    values = [e._v for e in elements(t)]
    if len(values) > 1000:
        raise NotImplementedError("stand-in torch: printing more than 1000 elements (torch summarizes)")
    f = _Formatter(values, t.dtype.is_floating_point)
    indent = len("tensor(")
    if t.dim() == 0:
        body = f.format(t._v)
    elif t.dim() == 1:
        body = _vector_str(values, indent, f)
    else:
        cols = t.shape[1]
        rows = [_vector_str(values[i * cols : (i + 1) * cols], indent + 1, f) for i in range(t.shape[0])]
        body = "[" + (",\n" + " " * (indent + 1)).join(rows) + "]"
    suffixes = []
    if t.dtype not in (_state["default"], int64, _booldt):
        suffixes.append(f"dtype={t.dtype!r}")
    if t._parents:
        suffixes.append(f"grad_fn=<{t._name}>")
    elif t._rg:
        suffixes.append("requires_grad=True")
    text = "tensor(" + body
    last = len(text) - text.rfind("\n") + 1
    for s in suffixes:
        if last + len(s) + 2 > 80:
            text += ",\n" + " " * indent + s
            last = indent + len(s)
        else:
            text += ", " + s
            last += len(s) + 2
    return text + ")"
