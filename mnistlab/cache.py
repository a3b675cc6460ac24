"""The per-machine cache of the checked MNIST arrays.

Reading MNIST means decompressing 55 MB and checking its SHA-256, about a second,
and holding the arrays in every kernel. Instead the first load on a machine
writes each checked array as a ``.npy`` file into the user cache folder
(``~/.cache/mnistlab`` on Linux, ``$MNISTLAB_CACHE`` when set), and every later
load memory-maps it read-only: a few milliseconds, and all kernels share the
same pages of memory.

The cache never lies. Next to each array a small JSON note records the SHA-256
it was checked against, the shipped files it was checked from (path, size,
modification and change times, inode) and the array file's own identity. An
array whose file was truncated, altered or replaced, or that was made from a
different shipped file, is not used: the shipped file is read and checked again
and the cache rewritten. Files are written to a temporary name and renamed, under
a lock, so processes starting together leave one valid cache. When the folder
cannot be created or written, loading simply works without the cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

FORMAT = "mnistlab.cache/1"
KEEP_SOURCES = 8               # shipped copies remembered per array (checkouts, wheels)


def cache_dir() -> Path:
    """``$MNISTLAB_CACHE``, else the platform's user cache folder + ``mnistlab``."""
    override = os.environ.get("MNISTLAB_CACHE")
    if override:
        return Path(override).expanduser()
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mnistlab"


def load(name: str, sha256: str, source: tuple) -> np.ndarray | None:
    """The cached array for shipped file ``name`` if it is valid for ``source``, else None."""
    array_path, note_path = _paths(name)
    note = _read_note(note_path)                  # {} unless a JSON object
    try:
        sources = note.get("sources")
        if not (_array_is_valid(note, sha256, array_path) and isinstance(sources, list)
                and list(source) in sources and _whole(array_path)):
            return None
        array = np.load(array_path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return array.view(np.ndarray)    # a plain read-only array that keeps the map open


def identity(name: str) -> list | None:
    """The cache file's identity for shipped file ``name`` (None without one): a loader
    compares it before handing out an array mapped earlier."""
    try:
        return _identity(_paths(name)[0])
    except OSError:
        return None


def _whole(path: Path) -> bool:
    """The .npy file is as long as its header says, checked before mapping it: mapping
    a truncated file and reading past its end would crash the kernel (SIGBUS)."""
    with open(path, "rb") as f:
        version = np.lib.format.read_magic(f)
        read = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                else np.lib.format.read_array_header_2_0)
        shape, _, dtype = read(f)
        offset = f.tell()
    return path.stat().st_size == offset + int(np.prod(shape)) * dtype.itemsize


def store(name: str, sha256: str, source: tuple, array: np.ndarray) -> np.ndarray | None:
    """Cache ``array`` (just checked against ``sha256``, read from ``source``).

    Returns the memory-mapped cached array, or None when the cache folder cannot
    be written (the caller keeps its own array; no error).
    """
    array_path, note_path = _paths(name)
    try:
        array_path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(array_path.parent):
            note = _read_note(note_path)
            if not _array_is_valid(note, sha256, array_path):
                _write_atomically(array_path, lambda f: np.save(f, array, allow_pickle=False))
                note = {"format": FORMAT, "sha256": sha256, "sources": []}
            note["array"] = _identity(array_path)
            if list(source) not in note["sources"]:
                note["sources"] = [list(source), *note["sources"][:KEEP_SOURCES - 1]]
            text = json.dumps(note, ensure_ascii=False, indent=1).encode("utf-8")
            _write_atomically(note_path, lambda f: f.write(text))
    except OSError:
        return None
    return load(name, sha256, source)


def _paths(name: str) -> tuple[Path, Path]:
    stem = name.removesuffix(".gz")
    folder = cache_dir()
    return folder / f"{stem}.npy", folder / f"{stem}.json"


def _identity(path: Path) -> list:
    """What changes when a file is rewritten, truncated, altered or replaced."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _read_note(path: Path) -> dict:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _array_is_valid(note: dict, sha256: str, array_path: Path) -> bool:
    try:
        return (note.get("format") == FORMAT and note.get("sha256") == sha256
                and note.get("array") == _identity(array_path))
    except OSError:
        return False


def _write_atomically(path: Path, write) -> None:
    """Write a temporary file next to ``path`` and rename it: readers see all or nothing."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _lock(folder: Path):
    """One writer at a time (POSIX advisory lock; elsewhere the renames alone keep files whole)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(folder / ".lock", "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
