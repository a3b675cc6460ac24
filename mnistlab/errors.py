"""오류: the base classes of mnistlab's own errors.

Every error mnistlab raises for a learner's mistake carries a short Korean
message (what was wrong, what is expected, how to fix it) and derives from
:class:`MnistlabError`, so it can be caught, tested and displayed as one.
"""


class MnistlabError(Exception):
    """Base of every mnistlab error: a short Korean message for the learner."""


class MnistlabValueError(MnistlabError, ValueError):
    """A value of the right kind but outside what the lesson allows."""


class MnistlabTypeError(MnistlabError, TypeError):
    """A value of the wrong kind (a string where a number belongs, …)."""


class NotFittedError(MnistlabValueError, RuntimeError):
    """A model used before it was trained (call ``fit`` first)."""
