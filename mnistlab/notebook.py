"""노트북: how mnistlab behaves inside Jupyter — short Korean errors, a tidy progress bar.

``import mnistlab`` in a notebook calls :func:`install` once:

- a ``NameError`` (a name from a cell that has not run yet, e.g. after a kernel
  restart) is shown as a short Korean message naming the missing name and saying
  to run the cells above first, instead of an English traceback;
- a :class:`~mnistlab.errors.MnistlabError` is shown as its one short Korean
  message, without a traceback through mnistlab's own source (see
  :meth:`MnistlabError._render_traceback_`).

Either way the full traceback is one ``%tb`` away. Outside IPython nothing changes.
The same handler is loaded before anything else by every kernel of the environment: the
package installs ``etc/ipython/ipython_kernel_config.py`` (setup.py), which loads this
module as an IPython extension, so the two cases the handler exists for — a cell run before
the setup cell and a cell after a kernel restart — get the Korean message too. By hand:
``%load_ext mnistlab.notebook``.
"""

from __future__ import annotations

import sys

RED, BOLD, DIM, RESET = "\x1b[31m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
FULL_TRACEBACK = "(오류가 난 위치를 모두 보려면 새 셀에서 %tb 를 실행하세요.)"


def current_shell():
    """The running IPython shell, or None (plain Python: IPython is never imported)."""
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()


def name_error_lines(error: NameError) -> list[str]:
    """The short Korean message for a name that is not defined (yet)."""
    name = getattr(error, "name", None) or str(error)
    return [
        f"{RED}{BOLD}NameError: 아직 없는 이름입니다: {name}{RESET}",
        "이 이름을 만드는 셀이 아직 실행되지 않았습니다 (커널을 다시 시작했거나 위의 셀을 건너뛰었을 때).",
        "→ 노트북 맨 위의 준비 셀(import …)부터 이 셀 위의 셀들을 차례로 먼저 실행하세요:",
        "  메뉴 Run → Run All Above Selected Cell (위의 셀 모두 실행). 이름의 철자도 확인하세요.",
        f"{DIM}{FULL_TRACEBACK}{RESET}",
    ]


def error_lines(error: BaseException) -> list[str]:
    """The short Korean message of a mnistlab error: its class name and its message."""
    return [f"{RED}{BOLD}{type(error).__name__}{RESET}{RED}: {error}{RESET}",
            f"{DIM}{FULL_TRACEBACK}{RESET}"]


def full_traceback(error: BaseException) -> list[str]:
    """The ordinary (long) IPython traceback of `error`, as IPython would show it."""
    shell = current_shell()
    if shell is None:
        import traceback

        return traceback.format_exception(error)
    return shell.InteractiveTB.structured_traceback(type(error), error, error.__traceback__)


def _show_name_error(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler: a short Korean NameError (``%tb`` still works)."""
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb   # what %tb reads
    shell._showtraceback(etype, value, name_error_lines(value))


def install(shell=None) -> bool:
    """Show NameErrors in Korean in this IPython session; True if the handler is in place.

    A handler someone else installed for other exceptions is left alone.
    """
    shell = shell or current_shell()
    if shell is None:
        return False
    if shell.custom_exceptions == (NameError,):
        return True
    if shell.custom_exceptions:
        return False
    shell.set_custom_exc((NameError,), _show_name_error)
    return True


def load_ipython_extension(shell) -> None:
    """``%load_ext mnistlab.notebook``: the Korean messages before mnistlab is imported."""
    install(shell)


def progress(iterable=None, *, total: int | None = None, desc: str = "학습",
             unit: str = "배치", disable: bool = False):
    """A tqdm progress bar whose Korean label stays on one line in a notebook.

    tqdm's notebook bar is a row of (label, bar, numbers); the label may shrink, and
    Hangul may break between any two syllables, so "학습" came out as "학 / 습".
    """
    from tqdm.auto import tqdm

    bar = tqdm(iterable, total=total, desc=desc, unit=unit, disable=disable)
    container = getattr(bar, "container", None)         # only tqdm.notebook has one
    if container is not None:
        container.children[0].layout.flex = "0 0 auto"  # the label keeps its full width
    return bar
