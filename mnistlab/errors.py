"""오류: the base classes of mnistlab's own errors.

Every error mnistlab raises for a learner's mistake carries a short Korean
message (what was wrong, what is expected, how to fix it) and derives from
:class:`MnistlabError`, so it can be caught, tested and displayed as one.
"""


class MnistlabError(Exception):
    """Base of every mnistlab error: a short Korean message for the learner.

    In a notebook it shows as that one message, not as a traceback through
    mnistlab's own source (IPython's ``_render_traceback_`` protocol); ``%tb``
    right after shows the full traceback.
    """

    def _render_traceback_(self) -> list[str]:
        from mnistlab.notebook import error_lines, full_traceback

        if getattr(self, "_shown_short", False):        # asked again: that is %tb
            return full_traceback(self)
        self._shown_short = True
        return error_lines(self)


class MnistlabValueError(MnistlabError, ValueError):
    """A value of the right kind but outside what the lesson allows."""


class MnistlabTypeError(MnistlabError, TypeError):
    """A value of the wrong kind (a string where a number belongs, …)."""


class MnistlabFileError(MnistlabError, FileNotFoundError):
    """A file mnistlab ships with is missing (an incomplete install or checkout)."""


class NotFittedError(MnistlabValueError, RuntimeError):
    """A model used before it was trained (call ``fit`` first)."""
