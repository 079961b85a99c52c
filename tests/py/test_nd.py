"""Checks of the torch stand-in's vectors and matrices (tests/py/torch/_nd.py): forward values and
gradients against hand-computed numbers and central differences. Run: python3 tests/py/test_nd.py"""

import math
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402  -- the stand-in

assert torch.__version__.endswith("stand-in"), torch.__file__

F64 = torch.float64


def T(data, grad=True):
    return torch.tensor(data, dtype=F64, requires_grad=grad)


def close(a, b, rel=1e-7, abs_=1e-9):
    if isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), (a, b)
        return all(close(x, y, rel, abs_) for x, y in zip(a, b))
    return a == b or abs(a - b) <= abs_ + rel * abs(b)


def check(a, b, what, rel=1e-7):
    assert close(a, b, rel), f"{what}: {a} != {b}"


def flat(x):
    return [v for r in x for v in flat(r)] if isinstance(x, list) else [x]


def unflat(values, like):
    if not isinstance(like, list):
        return values.pop(0)
    return [unflat(values, r) for r in like]


def numeric_grads(f, inputs, h=1e-6):
    """Central differences of f(*tensors) -> 0-dim tensor, with respect to each input (nested lists)."""
    grads = []
    for k, x in enumerate(inputs):
        xs = flat(x)
        g = []
        for i in range(len(xs)):
            def at(delta):
                ys = list(xs)
                ys[i] += delta
                args = [T(unflat(list(ys), x) if j == k else inputs[j], grad=False) for j in range(len(inputs))]
                return f(*args).item()

            g.append((at(h) - at(-h)) / (2 * h))
        grads.append(unflat(g, x))
    return grads


def grads_of(f, inputs):
    """f's value and each input's .grad (as lists) after backward()."""
    ts = [T(x) for x in inputs]
    out = f(*ts)
    out.backward()
    return out.item(), [t.grad.tolist() if t.grad is not None else None for t in ts]


def check_grads(f, inputs, what, rel=1e-6):
    _, got = grads_of(f, inputs)
    want = numeric_grads(f, inputs)
    for k, (g, w) in enumerate(zip(got, want)):
        assert g is not None, f"{what}: input {k} got no gradient"
        assert close(g, w, rel, 1e-6), f"{what}: gradient of input {k}: {g} vs numeric {w}"


def raises(exc, f, match=""):
    try:
        f()
    except exc as e:
        assert match in str(e), f"{exc.__name__} {str(e)!r} does not say {match!r}"
        return
    except Exception as e:  # noqa: BLE001
        raise AssertionError(f"expected {exc.__name__}, got {type(e).__name__}: {e}") from e
    raise AssertionError(f"expected {exc.__name__}, nothing raised")


TESTS = []


def test(f):
    TESTS.append(f)
    return f


# --- the script of the brief ---------------------------------------------------------------------------


@test
def the_example_script():
    x = T(3.0)
    W1 = T([[4.0], [-2.0]])
    w2 = T([1.0, 0.0])
    t1 = torch.stack([x])
    assert t1.shape == (1,) and t1.tolist() == [3.0]
    t2 = W1 @ t1  # (2,1)@(1,) -> [12, -6]
    assert t2.tolist() == [12.0, -6.0]
    h = torch.relu(t2)  # [12, 0]
    L = w2 @ h  # dot: 12
    L.backward()
    assert L.shape == () and L.item() == 12.0
    # dL/dh = w2 = [1, 0]; relu' = [1, 0]; dL/dt2 = [1, 0]; dL/dW1 = outer([1, 0], [3]); dL/dx = 4.
    assert W1.grad.tolist() == [[3.0], [0.0]]
    assert w2.grad.tolist() == [12.0, 0.0]
    assert x.grad.item() == 4.0
    assert torch.zeros_like(W1).tolist() == [[0.0], [0.0]]


# --- elementwise and broadcasting ------------------------------------------------------------------------


@test
def broadcasting_a_vector_over_the_rows_of_a_matrix():
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = T([0.0, 0.2, -0.3])
    s = W + b
    assert s.shape == (2, 3)
    check(s.tolist(), [[1.0, 2.2, 2.7], [4.0, 5.2, 5.7]], "W + b")
    L = torch.sum(s * s)
    L.backward()
    check(W.grad.tolist(), [[2 * v for v in r] for r in s.tolist()], "dL/dW")
    check(b.grad.tolist(), [2 * (s.tolist()[0][j] + s.tolist()[1][j]) for j in range(3)], "dL/db (column sums)")
    check_grads(lambda W, b: torch.sum((W * b - b / (W + 1.0)) ** 2), [W.tolist(), b.tolist()], "W*b - b/(W+1)")


@test
def broadcasting_a_column_a_scalar_and_numbers():
    W = [[1.0, -2.0, 3.0], [0.5, 5.0, -6.0]]
    c = [[2.0], [-1.0]]
    f = lambda W, c, x: torch.sum(torch.tanh(W * c - x) + 2.0 ** (W / 4.0) + x * W)  # noqa: E731
    check_grads(f, [W, c, 0.7], "(n,k) with (n,1) and 0-dim")
    Wt, ct = T(W), T(c)
    assert (Wt * ct).tolist() == [[2.0, -4.0, 6.0], [-0.5, -5.0, 6.0]]
    assert (1 - Wt).tolist() == [[0.0, 3.0, -2.0], [0.5, -4.0, 7.0]]
    assert (-Wt).tolist() == [[-1.0, 2.0, -3.0], [-0.5, -5.0, 6.0]]
    u = -Wt
    assert u.grad_fn == "NegBackward0" and not u.is_leaf and Wt.is_leaf


@test
def every_unary_function_elementwise():
    fns = ["exp", "log", "log10", "log2", "sqrt", "abs", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "neg"]
    py = {
        "exp": math.exp, "log": math.log, "log10": math.log10, "log2": math.log2, "sqrt": math.sqrt,
        "abs": abs, "sin": math.sin, "cos": math.cos, "tan": math.tan, "tanh": math.tanh,
        "sigmoid": lambda v: 1 / (1 + math.exp(-v)), "relu": lambda v: max(v, 0.0), "neg": lambda v: -v,
    }
    M = [[0.3, 1.7], [2.5, 0.9]]
    for name in fns:
        fn = getattr(torch, name)
        out = fn(T(M, grad=False))
        check(out.tolist(), [[py[name](v) for v in r] for r in M], name)
        check_grads(lambda W, fn=fn: torch.sum(fn(W) * T([[1.0, -2.0], [3.0, 0.5]], grad=False)), [M], name)
        v = fn(T([0.3, 1.7], grad=False))
        check(v.tolist(), [py[name](0.3), py[name](1.7)], name + " on a vector")
    r = T([-1.0, 0.0, 2.0])
    torch.sum(torch.relu(r) + torch.abs(r)).backward()
    assert r.grad.tolist() == [-1.0, 0.0, 2.0]  # relu'(0) = |x|'(0) = 0
    raises(TypeError, lambda: torch.exp([1.0, 2.0]))


# --- @ -----------------------------------------------------------------------------------------------


@test
def matrix_times_vector():
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    v = T([1.0, -1.0, 2.0])
    y = W @ v
    assert y.shape == (2,) and y.tolist() == [5.0, 11.0]
    L = torch.sum(y * y)  # dL/dy = 2y = [10, 22]
    L.backward()
    assert W.grad.tolist() == [[10.0, -10.0, 20.0], [22.0, -22.0, 44.0]]  # outer(2y, v)
    assert v.grad.tolist() == [10 + 88.0, 20 + 110.0, 30 + 132.0]  # W^T 2y
    check_grads(lambda W, v: torch.sum(torch.sin(W @ v)), [W.tolist(), v.tolist()], "(n,k)@(k,)")


@test
def dot_product():
    u = T([1.0, 2.0, 3.0])
    v = T([4.0, -5.0, 6.0])
    d = u @ v
    assert d.shape == () and d.item() == 12.0 and d.grad_fn == "DotBackward0"
    d.backward()
    assert u.grad.tolist() == [4.0, -5.0, 6.0] and v.grad.tolist() == [1.0, 2.0, 3.0]
    # summed left to right, in index order
    a, b = T([0.1, 0.2, 0.3], grad=False), T([1.0, 1.0, 1.0], grad=False)
    assert (a @ b).item() == (0.1 + 0.2) + 0.3


@test
def matrix_times_matrix_and_vector_times_matrix():
    A = [[1.0, 2.0], [3.0, -1.0], [0.5, 0.0]]
    B = [[2.0, 0.0, -1.0, 1.0], [1.0, 3.0, 0.5, -2.0]]
    P = T(A, grad=False) @ T(B, grad=False)
    assert P.shape == (3, 4)
    assert P.tolist() == [[4.0, 6.0, 0.0, -3.0], [5.0, -3.0, -3.5, 5.0], [1.0, 0.0, -0.5, 0.5]]
    check_grads(lambda A, B: torch.sum(torch.tanh(A @ B)), [A, B], "(n,k)@(k,m)")
    r = T([1.0, -2.0], grad=False) @ T(B, grad=False)
    assert r.shape == (4,) and r.tolist() == [0.0, -6.0, -2.0, 5.0]
    check_grads(lambda v, B: torch.sum(torch.exp(v @ B / 4)), [[1.0, -2.0], B], "(k,)@(k,m)")


@test
def matmul_errors_name_the_sizes():
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    raises(RuntimeError, lambda: W @ W, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
    raises(RuntimeError, lambda: W @ T([1.0, 2.0]), "size mismatch, got input (2), mat (2x3), vec (2)")
    raises(RuntimeError, lambda: T([1.0, 2.0]) @ T([1.0, 2.0, 3.0]), "inconsistent tensor size")
    raises(RuntimeError, lambda: T([1.0, 2.0, 3.0]) @ W, "(1x3 and 2x3)")
    raises(RuntimeError, lambda: T(2.0) @ W, "at least 1D")
    raises(RuntimeError, lambda: W + T([1.0, 2.0]),
           "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1")
    raises(RuntimeError, lambda: torch.where(T([1.0, 2.0]) > 0, T([1.0, 2.0, 3.0]), 0.0), "must match")
    raises(RuntimeError, lambda: torch.tensor([1.0, 2.0]) @ T([1.0, 2.0]), "same dtype")
    raises(NotImplementedError, lambda: torch.tensor([1.0, 2.0]) @ torch.tensor([1.0, 2.0]), "float32")


# --- transpose, indexing, views ---------------------------------------------------------------------


@test
def transpose():
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    Wt = W.T
    assert Wt.shape == (3, 2) and Wt.tolist() == [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]
    M = T([[1.0, -1.0], [2.0, 0.5], [3.0, 7.0]], grad=False)
    torch.sum(Wt * M).backward()
    assert W.grad.tolist() == [[1.0, 2.0, 3.0], [-1.0, 0.5, 7.0]]  # M^T
    assert W.t().tolist() == Wt.tolist() and W.T.T.tolist() == W.tolist()
    check_grads(lambda W: torch.sum(torch.sin(W.T @ W)), [W.tolist()], "W.T @ W")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        v = T([1.0, 2.0])
        assert v.T.tolist() == [1.0, 2.0]
    assert any("x.T" in str(w.message) for w in caught), "torch warns on .T of a vector"


@test
def indexing():
    v = T([1.0, 2.0, 3.0])
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    e1, e2, r, col = v[1], W[0, 2], W[1], W[:, 2]
    assert e1.item() == 2.0 and e1.shape == () and e1.grad_fn == "SelectBackward0"
    assert e2.item() == 3.0 and r.tolist() == [4.0, 5.0, 6.0] and col.tolist() == [3.0, 6.0]
    assert W[1, :].tolist() == r.tolist() and W[-1, -1].item() == 6.0 and v[-3].item() == 1.0
    assert v[torch.tensor(2)].item() == 3.0
    (e1 * 10 + e2 * 100 + torch.sum(r * T([1.0, 2.0, 3.0], grad=False)) + col @ T([5.0, 7.0], grad=False)).backward()
    assert v.grad.tolist() == [0.0, 10.0, 0.0]
    assert W.grad.tolist() == [[0.0, 0.0, 105.0], [1.0, 2.0, 10.0]]
    check_grads(lambda W: W[0, 1] * W[1, 0] + torch.sum(torch.exp(W[1])) * W[:, 0][1], [W.tolist()], "indexing")
    raises(IndexError, lambda: v[3], "index 3 is out of bounds for dimension 0 with size 3")
    raises(IndexError, lambda: W[0, 3], "index 3 is out of bounds for dimension 1 with size 3")
    raises(IndexError, lambda: v[1.0])
    raises(IndexError, lambda: v[0, 0], "too many indices")
    raises(IndexError, lambda: T(1.0)[0])
    raises(NotImplementedError, lambda: v[0:2])


@test
def a_backward_reaches_every_element_as_torch():
    # torch.stack([x, y])[0]: torch's SelectBackward fills zeros, so y.grad is 0, not None.
    x, y = T(1.0), T(2.0)
    torch.stack([x, y])[0].backward()
    assert x.grad.item() == 1.0 and y.grad is not None and y.grad.item() == 0.0
    # ... and the zero goes on through later backward formulas: 0 * inf is nan, as in torch.
    a = T([1000.0, 0.0])
    torch.exp(a)[1].backward()
    assert math.isnan(a.grad.tolist()[0]) and a.grad.tolist()[1] == 1.0
    # untouched leaves: None
    z = T([1.0, 2.0])
    (x * 2).backward()
    assert z.grad is None


@test
def flatten_reshape_and_argmax():
    W = T([[1.0, 5.0], [5.0, -2.0]])
    f = W.flatten()
    assert f.shape == (4,) and f.tolist() == [1.0, 5.0, 5.0, -2.0]
    assert f.flatten() is f  # torch returns a 1-dim tensor itself
    assert torch.argmax(f).item() == 1 and torch.argmin(f).item() == 3  # first index at a tie
    mx = f[torch.argmax(f)]
    mx.backward()
    assert mx.item() == 5.0 and W.grad.tolist() == [[0.0, 1.0], [0.0, 0.0]]
    R = T([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).reshape(2, 3)
    assert R.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert R.reshape((3, 2)).tolist() == [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
    assert R.reshape(-1).tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] and R.reshape(3, -1).shape == (3, 2)
    raises(RuntimeError, lambda: R.reshape(4, 2), "shape '[4, 2]' is invalid for input of size 6")
    check_grads(lambda v: torch.sum(torch.sin(v.reshape(2, 3)) * T([[1.0, 2.0, 3.0]] * 2, grad=False)),
                [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]], "reshape")
    # Tensor.max splits a tie evenly (torch's rule); indexing with argmax gives it to the first
    m = T([3.0, 1.0, 3.0])
    m.max().backward()
    assert m.grad.tolist() == [0.5, 0.0, 0.5]


@test
def stack_rows_into_a_matrix():
    v1, v2 = T([1.0, 2.0]), T([3.0, 4.0])
    M = torch.stack([v1, v2])
    assert M.shape == (2, 2) and M.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    torch.sum(M * T([[1.0, 2.0], [3.0, 4.0]], grad=False)).backward()
    assert v1.grad.tolist() == [1.0, 2.0] and v2.grad.tolist() == [3.0, 4.0]
    raises(RuntimeError, lambda: torch.stack([v1, T([1.0])]), "stack expects each tensor to be equal size")
    raises(TypeError, lambda: torch.stack([2.0, T(1.0)]))


# --- comparisons and where -------------------------------------------------------------------------------


@test
def comparisons_give_bool_tensors():
    a = T([1.0, 2.0, 3.0])
    c = T([1.0, 3.0, 2.0])
    assert (a >= c).tolist() == [True, False, True] and (a >= c).dtype is torch.bool
    assert (a <= c).tolist() == [True, True, False]
    assert (a > c).tolist() == [False, False, True] and (a < c).tolist() == [False, True, False]
    assert (a > 1.5).tolist() == [False, True, True] and (2.0 >= a).tolist() == [True, True, False]
    assert (T(1.0) < T(2.0)).item() is True and not (a >= c).requires_grad
    assert (T([[1.0], [4.0]]) > a).tolist() == [[False, False, False], [True, True, True]]
    raises(NotImplementedError, lambda: a == c)


@test
def where_and_its_tie_rule():
    a = T([1.0, 2.0, 3.0])
    c = T([1.0, 3.0, 2.0])
    m = torch.where(a >= c, a, c)  # a tie at 0: a >= c holds, so it is a's
    assert m.tolist() == [1.0, 3.0, 3.0] and m.grad_fn == "WhereBackward0"
    torch.sum(m * T([10.0, 20.0, 30.0], grad=False)).backward()
    assert a.grad.tolist() == [10.0, 0.0, 30.0] and c.grad.tolist() == [0.0, 20.0, 0.0]
    # min by <=, with a 0-dim and a number, broadcast
    x = T(2.0)
    v = T([1.0, 2.0, 5.0])
    n = torch.where(v <= x, v, x)
    assert n.tolist() == [1.0, 2.0, 2.0]
    torch.sum(n).backward()
    assert v.grad.tolist() == [1.0, 1.0, 0.0] and x.grad.item() == 1.0
    z = torch.where(v > 1.5, v, 0.0)
    assert z.tolist() == [0.0, 2.0, 5.0]
    s = torch.where(T(1.0) >= T(1.0), T(4.0), T(5.0))  # 0-dim
    assert s.shape == () and s.item() == 4.0
    check_grads(lambda a, c: torch.sum(torch.where(a >= c, a * a, torch.exp(c))), [[1.0, 2.5, 3.0], [1.5, 3.0, 2.0]],
                "where")
    raises(RuntimeError, lambda: torch.where(a, a, c), "boolean")


# --- reductions --------------------------------------------------------------------------------------


@test
def sum_and_mean():
    W = T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])
    S, M = torch.sum(W), torch.mean(W)
    assert S.shape == () and S.item() == 21.5 and M.item() == 21.5 / 6
    assert W.sum().item() == 21.5 and W.mean().item() == 21.5 / 6
    (S + 6 * M).backward()
    assert W.grad.tolist() == [[2.0] * 3] * 2
    x = T(2.5)
    torch.mean(x).backward()
    assert x.grad.item() == 1.0
    raises(NotImplementedError, lambda: torch.sum(W, dim=0))
    raises(NotImplementedError, lambda: torch.tensor([1.0, 2.0]).sum(), "float32")


@test
def softmax_and_logsumexp():
    xs = [1.0, 2.0, -0.5]
    e = [math.exp(v - 2.0) for v in xs]
    p = [v / sum(e) for v in e]  # exp(x_i - max) / sum
    v = T(xs)
    sm = torch.softmax(v, dim=0)
    check(sm.tolist(), p, "softmax", rel=1e-15)
    assert torch.softmax(v, dim=-1).tolist() == sm.tolist() and v.softmax(0).tolist() == sm.tolist()
    w = [0.5, -1.0, 2.0]
    torch.sum(sm * T(w, grad=False)).backward()
    pw = sum(pi * wi for pi, wi in zip(p, w))
    check(v.grad.tolist(), [pi * (wi - pw) for pi, wi in zip(p, w)], "softmax gradient")
    check_grads(lambda v: torch.softmax(v, dim=0)[1] * 3 + torch.softmax(v, dim=0)[2], [xs], "softmax")
    assert torch.softmax(T([1000.0, 0.0]), dim=0).tolist() == [1.0, 0.0]  # no overflow: the max is subtracted

    lse = torch.logsumexp(v, dim=0)
    assert lse.shape == ()
    check(lse.item(), math.log(sum(math.exp(x) for x in xs)), "logsumexp", rel=1e-15)
    v2 = T(xs)
    torch.logsumexp(v2, dim=0).backward()
    check(v2.grad.tolist(), p, "logsumexp gradient = softmax")
    check_grads(lambda v: torch.logsumexp(v * v, dim=-1), [xs], "logsumexp")
    assert torch.logsumexp(T([1000.0, 1000.0]), dim=0).item() == 1000.0 + math.log(2.0)
    assert torch.logsumexp(T([-math.inf, -math.inf]), dim=0).item() == -math.inf
    # on matrices, along a dim
    check(torch.softmax(T([[1.0, 2.0], [3.0, 5.0]]), dim=1).tolist()[1], [1 / (1 + math.e ** 2), 1 / (1 + math.e ** -2)],
          "softmax of rows")
    check(torch.logsumexp(T([[1.0, 2.0], [3.0, 5.0]]), dim=0).tolist(),
          [math.log(math.e + math.e ** 3), math.log(math.e ** 2 + math.e ** 5)], "logsumexp of columns")
    raises(IndexError, lambda: torch.softmax(v, dim=1), "Dimension out of range")


# --- autograd bookkeeping ------------------------------------------------------------------------------


@test
def gradients_sum_and_accumulate():
    W = T([[1.0, -2.0], [3.0, 0.5]])
    torch.sum(W * W).backward()  # W used twice: 2W
    assert W.grad.tolist() == [[2.0, -4.0], [6.0, 1.0]]
    torch.sum(W).backward()  # a second backward accumulates
    assert W.grad.tolist() == [[3.0, -3.0], [7.0, 2.0]]
    assert isinstance(W.grad.tolist()[0][0], float) and W.grad.shape == W.shape
    h = W * 2
    assert h.grad is None and not h.is_leaf and h.requires_grad
    raises(RuntimeError, lambda: h.backward(), "grad can be implicitly created only for scalar outputs")
    raises(RuntimeError, lambda: T([1.0, 2.0], grad=False).sum().backward(), "does not require grad")
    one = torch.stack([T(3.0)])
    one.backward()  # one element: allowed, as in torch
    with torch.no_grad():
        n = W @ W
    assert not n.requires_grad and n.is_leaf


@test
def dtypes_and_repr():
    v32 = torch.tensor([1.0, 2.0])
    assert v32.dtype is torch.float32 and (v32 * T(0.1)).dtype is torch.float32  # the vector's dtype wins
    assert (T(1.0, grad=False) * torch.tensor(0.1)).dtype is torch.float64
    assert torch.tensor([1, 2]).dtype is torch.int64
    assert repr(T([[4.0], [-2.0]])) == (
        "tensor([[ 4.],\n        [-2.]], dtype=torch.float64, requires_grad=True)"
    )
    assert repr(torch.tensor([0.5, 10.0])) == "tensor([ 0.5000, 10.0000])"
    assert repr(T([1.0, 2.0]) > 1.5) == "tensor([False,  True])"
    assert repr(T(1 / 3, grad=False)) == "tensor(0.3333, dtype=torch.float64)"
    assert repr(W2 := T([1.0, 2.0]) * 2) == "tensor([2., 4.], dtype=torch.float64, grad_fn=<MulBackward0>)", W2
    assert str(T([[1.0, 2.0]]).shape) == "torch.Size([1, 2])"


def main():
    failed = 0
    for f in TESTS:
        try:
            f()
            print(f"ok    {f.__name__}")
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f"FAIL  {f.__name__}: {type(e).__name__}: {e}")
    print(f"{len(TESTS) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
