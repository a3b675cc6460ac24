"""층과 뉴런의 표기법: the symbols L, n^[l], a^[l] and a^[l]_i for a given network.

The conventions of the lesson (chapter 06):

- 층 (layers) are counted from the first hidden layer; the input layer is
  layer 0 and is *not* counted in L. A 784-16-16-10 network has L = 3.
- n^[l] is the number of neurons in layer l (n^[0] = 784 pixels).
- a^[l] is the output vector of layer l (a for activation); a^[l]_i is the
  output of its i-th neuron, counted from 1 at the top. The last neuron of
  layer 2 is a^[2]_{n^[2]}.

Symbols come back as :class:`Tex` — a plain LaTeX string (``"a^{[2]}_{4}"``)
that Jupyter renders as math when it is the last value of a cell.
"""

from __future__ import annotations

import numpy as np

from mnistlab import validate
from mnistlab.errors import MnistlabValueError

LAST = "n"     # a_symbol(sizes, l, LAST) writes the last neuron as a^{[l]}_{n^{[l]}}


class Tex(str):
    """A LaTeX string that Jupyter shows rendered (and ``.math()`` as an IPython Math object)."""

    def _repr_latex_(self) -> str:
        return f"${self}$"

    def math(self):
        """The same symbol as an ``IPython.display.Math`` object (for ``display``)."""
        from IPython.display import Math

        return Math(str(self))


# ------------------------------------------------------------------ validation

# ------------------------------------------------------------------ numbers

def layer_count(sizes) -> int:
    """L: the number of layers, not counting the input layer (0번째 층)."""
    return len(validate.notation_sizes(sizes)) - 1


def neuron_count(sizes, l: int) -> int:
    """n^[l]: how many neurons layer l has (n^[0] = the number of inputs)."""
    s = validate.notation_sizes(sizes)
    return s[validate.notation_layer(s, l)]


def layer_name(sizes, l: int) -> str:
    """입력층 (l = 0), 은닉층 (0 < l < L) or 출력층 (l = L)."""
    s = validate.notation_sizes(sizes)
    l = validate.notation_layer(s, l)
    if l == 0:
        return "입력층"
    return "출력층" if l == len(s) - 1 else "은닉층"


def neuron_value(activations, l: int, i: int | None = None):
    """a^[l]_i from the list [a^[0], …, a^[L]] that a forward pass returns (i counts from 1).

    With ``i=None`` the whole vector a^[l] is returned. Works for one input
    (vectors) or a batch (rows = inputs; then one value per input).
    """
    acts = [np.asarray(a) for a in activations]
    s = validate.notation_sizes([a.shape[-1] for a in acts])
    l = validate.notation_layer(s, l)
    if i is None:
        return acts[l]
    i = validate.notation_neuron(s, l, i)
    v = acts[l][..., i - 1]
    return float(v) if np.ndim(v) == 0 else v


# ------------------------------------------------------------------ symbols

def L_symbol(sizes) -> Tex:
    """``L = 3`` for a 784-16-16-10 network."""
    return Tex(f"L = {layer_count(sizes)}")


def n_symbol(sizes, l: int, value: bool = True) -> Tex:
    """``n^{[0]} = 784`` (or just ``n^{[0]}`` with ``value=False``)."""
    n = neuron_count(sizes, l)
    return Tex(f"n^{{[{l}]}} = {n}" if value else f"n^{{[{l}]}}")


def a_symbol(sizes, l: int, i: int | str | None = None) -> Tex:
    """``a^{[2]}`` (the layer's vector), ``a^{[2]}_{4}`` (its 4th neuron from the top).

    ``i = "n"`` (:data:`LAST`) writes the last neuron the lesson's way:
    ``a^{[2]}_{n^{[2]}}``.
    """
    s = validate.notation_sizes(sizes)
    l = validate.notation_layer(s, l)
    if i is None:
        return Tex(f"a^{{[{l}]}}")
    if isinstance(i, str):
        if i != LAST:
            raise MnistlabValueError(
                f"뉴런 번호 i는 정수(1부터 {s[l]}까지)이거나, 마지막 뉴런을 뜻하는 "
                f"문자 'n' 이어야 합니다 (받은 것: {i!r})."
            )
        return Tex(f"a^{{[{l}]}}_{{n^{{[{l}]}}}}")
    i = validate.notation_neuron(s, l, i)
    return Tex(f"a^{{[{l}]}}_{{{i}}}")


def a_vector(sizes, l: int, values=None, digits: int = 2, max_rows: int = 8) -> Tex:
    """a^[l] as a column vector of its neurons' symbols (or of their values).

    Long layers show their first and last rows with ⋮ between, the way the
    lesson writes a^[l] = [a^[l]_1, …, a^[l]_{n^[l]}].
    """
    s = validate.notation_sizes(sizes)
    l = validate.notation_layer(s, l)
    n = s[l]
    if values is not None:
        values = np.asarray(values, dtype=float).reshape(-1)
        if values.shape != (n,):
            raise MnistlabValueError(
                f"{l}번째 층의 값은 n^[{l}] = {n} 개여야 합니다 (받은 개수: {values.size})."
            )

    def row(i: int) -> str:
        if values is not None:
            return f"{values[i - 1]:.{digits}f}"
        return a_symbol(s, l, LAST if i == n and n > 1 else i)

    if n <= max_rows:
        rows = [row(i) for i in range(1, n + 1)]
    else:
        head = max(1, max_rows - 2)
        rows = [row(i) for i in range(1, head + 1)] + [r"\vdots", row(n)]
    body = r" \\ ".join(rows)
    return Tex(f"a^{{[{l}]}} = \\begin{{bmatrix}} {body} \\end{{bmatrix}}")


def describe(sizes, l: int, i: int | None = None) -> str:
    """In Korean words: which layer (and which neuron from the top) a symbol names."""
    s = validate.notation_sizes(sizes)
    l = validate.notation_layer(s, l)
    where = f"{l}번째 층({layer_name(s, l)})"
    if i is None:
        return f"{where}의 출력 벡터 — 뉴런 {s[l]}개의 출력을 위에서부터 차례로 묶은 것"
    i = validate.notation_neuron(s, l, i)
    pos = "마지막" if i == s[l] and s[l] > 1 else f"위에서 {i}번째"
    return f"{where}의 {pos} 뉴런의 출력"


class Notation:
    """The lesson's symbols bound to one network: ``nt = Notation(net)``; ``nt.a(2, 4)``.

    ``nt.L``, ``nt.n(l)`` are numbers; ``nt.a``, ``nt.n_symbol``, ``nt.L_symbol``,
    ``nt.vector`` return :class:`Tex` symbols; ``nt.value(activations, l, i)``
    picks a^[l]_i out of a forward pass.
    """

    def __init__(self, sizes):
        self.sizes = validate.notation_sizes(sizes)
        self.L = len(self.sizes) - 1

    def __repr__(self) -> str:
        return f"Notation(sizes={list(self.sizes)}, L={self.L})"

    def n(self, l: int) -> int:
        """n^[l]: the number of neurons in layer l."""
        return neuron_count(self.sizes, l)

    def layer_name(self, l: int) -> str:
        """입력층, 은닉층 or 출력층."""
        return layer_name(self.sizes, l)

    def L_symbol(self) -> Tex:
        """``L = …``."""
        return L_symbol(self.sizes)

    def n_symbol(self, l: int, value: bool = True) -> Tex:
        """``n^{[l]} = …``."""
        return n_symbol(self.sizes, l, value)

    def a(self, l: int, i: int | str | None = None) -> Tex:
        """``a^{[l]}`` or ``a^{[l]}_{i}`` (i from 1 at the top; ``"n"`` = the last)."""
        return a_symbol(self.sizes, l, i)

    def vector(self, l: int, values=None, digits: int = 2, max_rows: int = 8) -> Tex:
        """a^[l] as a column vector."""
        return a_vector(self.sizes, l, values, digits, max_rows)

    def describe(self, l: int, i: int | None = None) -> str:
        """Korean words for a^[l] or a^[l]_i."""
        return describe(self.sizes, l, i)

    def value(self, activations, l: int, i: int | None = None):
        """a^[l]_i (or a^[l]) from a forward pass's list of activations."""
        if len(activations) != len(self.sizes):
            raise MnistlabValueError(
                f"활성값 목록에는 a^[0]부터 a^[{self.L}]까지 {len(self.sizes)}개의 층이 "
                f"있어야 합니다 (받은 개수: {len(activations)}). net.forward(x) 의 결과를 넣으세요."
            )
        return neuron_value(activations, l, i)
