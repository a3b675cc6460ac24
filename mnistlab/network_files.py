"""신경망 파일: a network's parameters saved as a .npz (no pickle) and read back.

Kept apart from ``network.py`` so the lesson's math reads without file handling;
this module knows only plain parameters (sizes, activation, the lists W and b),
never the ``Network`` class, which builds itself from what :func:`load` returns.
A file holds ``format``, ``sizes``, ``activation`` and every ``W{l}``, ``b{l}``.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from mnistlab.errors import MnistlabValueError
from mnistlab.formulas import ACTIVATIONS
from mnistlab.resources import resource_dir

MODEL_DIR = resource_dir("models")
PRETRAINED_FILE = MODEL_DIR / "mnist_784_16_16_10_sigmoid.npz"
PRETRAINED_SIZES = (784, 16, 16, 10)
# The shipped network's file is pinned like the MNIST files: another .npz with other weights
# is not "the trained network". Update after 'make model' (sha256sum of the new file).
PRETRAINED_SHA256 = "b29f465e86f4935cb19b40c04cf8f528ae61145b6b3c0aa98a11b13e647d521d"
RESTORE_HINT = "복구 방법: 저장소 폴더에서 'git checkout -- resources/models' 를 실행하세요."
FORMAT = "mnistlab.Network/1"
MAX_PARAMS = 50_000_000          # far above any network of the lesson; refuses absurd files


class NetworkFileError(MnistlabValueError):
    """A saved network file is missing, damaged or does not match what was expected."""


def save(path, sizes: list[int], activation: str, W: list, b: list) -> Path:
    """Write sizes, activation, every W[l] and b[l] to ``path`` (.npz added)."""
    if not isinstance(path, (str, Path)) or str(path) == "":
        raise NetworkFileError(f"저장할 경로는 파일 이름(문자열)이어야 합니다. 받은 값: {path!r}")
    path = Path(path)
    if path.name in ("", ".", "..") or path.is_dir():
        raise NetworkFileError(
            f"저장할 경로가 폴더입니다: {path}\n폴더 안의 파일 이름을 주세요(예: {path / 'my_network.npz'})."
        )
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays: dict[str, Any] = {"format": np.array(FORMAT), "sizes": np.array(sizes, dtype=np.int64),
              "activation": np.array(activation)}
    for l in range(1, len(sizes)):
        arrays[f"W{l}"] = W[l]
        arrays[f"b{l}"] = b[l]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)
    except OSError as e:
        raise NetworkFileError(
            f"신경망을 저장할 수 없습니다: {path}\n원인: {type(e).__name__}: {e.strerror or e}\n"
            "쓰기 권한이 있는 폴더(예: 노트북 폴더)의 경로를 주세요."
        ) from None
    return path


def _read(path: Path, sha256: str | None) -> dict:
    if not path.is_file():
        raise NetworkFileError(
            f"신경망 파일이 없습니다: {path}\n"
            "저장한 경로를 확인하거나, 학습된 신경망은 저장소 폴더에서 'make model' 로 다시 만드세요."
        )
    if sha256 is not None and hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
        raise NetworkFileError(
            f"학습된 신경망 파일이 바뀌었습니다: {path.name}\n"
            f"({path}) 의 SHA-256 이 함께 배포된 파일과 다릅니다.\n{RESTORE_HINT}"
        )
    try:
        with np.load(path, allow_pickle=False) as f:
            return {k: f[k] for k in f.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, AttributeError,
            TypeError, KeyError, MemoryError) as e:
        # not a zip, truncated, corrupt, a lone .npy, or pickled objects
        raise NetworkFileError(
            f"신경망 파일을 읽을 수 없습니다: {path}\n원인: {type(e).__name__}\n"
            "Network.save 로 저장한 .npz 파일인지 확인하세요(손상되었다면 다시 저장하세요)."
        ) from None


def load(path, sizes: list[int] | None = None, activation: str | None = None,
         sha256: str | None = None) -> tuple[list, list, str]:
    """(W, b, activation) from a file written by :func:`save` (W[0] = b[0] = None); with
    ``sizes`` / ``activation`` given, a file for a different network is refused with what it
    holds, with ``sha256`` any file but that one."""
    if not isinstance(path, (str, Path)):
        raise NetworkFileError(f"불러올 경로는 파일 이름(문자열)이어야 합니다. 받은 값: {path!r}")
    path = Path(path)
    data = _read(path, sha256)
    if str(data.get("format", "")) != FORMAT or "sizes" not in data or "activation" not in data:
        raise NetworkFileError(
            f"신경망 파일이 아닙니다: {path}\n담긴 배열: {', '.join(sorted(data)) or '(없음)'}\n"
            "Network.save 로 저장한 파일(format, sizes, activation, W1, b1, … 포함)을 넣으세요."
        )
    raw_sizes, file_act = np.atleast_1d(data["sizes"]), str(data["activation"])
    if (raw_sizes.dtype.kind not in "iu" or raw_sizes.ndim != 1 or len(raw_sizes) < 2
            or raw_sizes.min() < 1 or file_act not in ACTIVATIONS
            or int(np.sum(raw_sizes[1:] * (raw_sizes[:-1] + 1.0))) > MAX_PARAMS):
        raise NetworkFileError(f"파일에 적힌 신경망 설정이 잘못되었습니다: {path}\n"
                               f"sizes {raw_sizes.tolist()[:10]}, activation {file_act!r}")
    file_sizes = [int(s) for s in raw_sizes]
    described = f"{'-'.join(map(str, file_sizes))} ({file_act})"
    if sizes is not None and list(sizes) != file_sizes:
        raise NetworkFileError(
            f"파일의 신경망 모양이 기대와 다릅니다: {path}\n파일: {described}, "
            f"기대한 모양: {'-'.join(map(str, sizes))}"
        )
    if activation is not None and activation != file_act:
        raise NetworkFileError(
            f"파일의 활성함수가 기대와 다릅니다: {path}\n파일: {file_act}, 기대: {activation}"
        )
    W, b = [None], [None]
    for l in range(1, len(file_sizes)):
        for name, shape, out in ((f"W{l}", (file_sizes[l], file_sizes[l - 1]), W),
                                 (f"b{l}", (file_sizes[l],), b)):
            arr = data.get(name)
            if arr is None or arr.shape != shape or arr.dtype.kind != "f":
                found = "없음" if arr is None else f"{arr.shape} {arr.dtype}"
                raise NetworkFileError(
                    f"신경망 파일의 {name} 가 맞지 않습니다: {path}\n"
                    f"sizes {described} 라면 모양 {shape} 의 실수 배열이어야 하는데, 실제: {found}"
                )
            if not np.all(np.isfinite(arr)):
                raise NetworkFileError(f"신경망 파일의 {name} 에 NaN 이나 무한대가 있습니다: {path}")
            out.append(arr.astype(float))
    return W, b, file_act


__all__ = ["FORMAT", "PRETRAINED_FILE", "PRETRAINED_SHA256", "NetworkFileError", "load", "save"]
