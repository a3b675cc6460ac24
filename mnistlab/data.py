"""MNIST 데이터셋: the IDX files, min-max normalization, flattening.

The four original IDX files ship gzip-compressed in ``resources/mnist/``. They
are parsed with numpy and checked against the SHA-256 sums of the original
files, so a learner always works with the real 70,000 images, offline.

Decompressing takes about a second, so the checked arrays are also kept once
per machine as ``.npy`` files in the user cache folder (see :mod:`mnistlab.cache`)
and memory-mapped read-only: every kernel that loads MNIST shares the same
pages of memory instead of holding its own 55 MB copy.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from mnistlab import cache, validate
from mnistlab.cache import identity as cache_identity
from mnistlab.errors import MnistlabError, MnistlabTypeError, MnistlabValueError
from mnistlab.resources import resource_dir

SIDE = validate.SIDE           # 이미지 한 변의 픽셀 수 (28)
N_PIXELS = validate.N_PIXELS   # 784개의 입력변수
SPLITS = ("train", "test")
RESTORE_HINT = "복구 방법: 저장소 폴더에서 'git checkout -- resources/mnist' 를 실행하세요."

# SHA-256 of the decompressed original IDX files (as pinned by torchvision and others).
FILES = {
    "train": {
        "images": ("train-images-idx3-ubyte",
                   "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 60000),
        "labels": ("train-labels-idx1-ubyte",
                   "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60000),
    },
    "test": {
        "images": ("t10k-images-idx3-ubyte",
                   "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 10000),
        "labels": ("t10k-labels-idx1-ubyte",
                   "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10000),
    },
}
MAGIC = {"images": 0x00000803, "labels": 0x00000801}

_cache: dict[tuple, tuple[np.ndarray, np.ndarray, tuple]] = {}   # images, labels, cache ids


class MnistFileError(MnistlabError, OSError):
    """A shipped MNIST file is missing or damaged (the message says which and how to fix it)."""


def data_dir() -> Path:
    """The folder holding the IDX files: ``$MNISTLAB_DATA`` or the shipped resources/mnist."""
    override = os.environ.get("MNISTLAB_DATA")
    if override:
        return Path(override).expanduser()
    return resource_dir("mnist")


def load_mnist(split: str = "train", cache: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Load one split of MNIST: ``(images, labels)``.

    images: uint8 array (N, 28, 28), 0 = background … 255 = ink (입력변수).
    labels: uint8 array (N,), the digit 0..9 (목표변수).
    N is 60,000 for "train" and 10,000 for "test". The arrays are read-only:
    memory maps of the checked per-machine cache when it can be used, else
    arrays read from the IDX files. Loading again in the same process is instant.
    ``cache=False`` does not keep the split in this process (an already cached split
    is still returned from the cache).
    """
    if not isinstance(split, str) or split not in SPLITS:
        raise MnistlabValueError(
            f"알 수 없는 split 입니다: {split!r}. 'train'(훈련 60,000장) 또는 "
            f"'test'(시험 10,000장) 중 하나를 쓰세요."
        )
    folder = data_dir()
    paths = {kind: folder / (name + ".gz") for kind, (name, _, _) in FILES[split].items()}
    key = (split, *(_stamp(p) for p in paths.values()))
    maps = tuple(cache_identity(p.name) for p in paths.values())
    if key not in _cache or _cache[key][2] != maps:
        # (a cache file changed under a mapped array is never handed out again)
        images, labels = (_load_checked(paths[kind], kind, *FILES[split][kind][1:])
                          for kind in ("images", "labels"))
        if not cache:
            return images, labels
        if len(_cache) > 4:  # a few stale entries at most
            _cache.clear()
        _cache[key] = (images, labels, tuple(cache_identity(p.name) for p in paths.values()))
    return _cache[key][:2]


def _stamp(path: Path) -> tuple:
    """File identity for the cache: a changed or replaced file is read (and checked) again."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise MnistFileError(
            f"MNIST 파일이 없습니다: {path.name}\n"
            f"찾아본 위치: {path.parent}\n{RESTORE_HINT}\n"
            "(다른 폴더의 데이터를 쓰려면 환경변수 MNISTLAB_DATA 에 그 폴더를 지정하세요.)"
        ) from None
    except OSError as e:                      # e.g. MNISTLAB_DATA names a file, not a folder
        raise MnistFileError(
            f"MNIST 파일을 읽을 수 없습니다: {path}\n원인: {e.strerror or e}\n"
            "MNISTLAB_DATA 가 MNIST 파일 4개가 든 폴더를 가리키는지 확인하세요.\n" + RESTORE_HINT
        ) from None
    if not path.is_file():
        raise MnistFileError(f"MNIST 파일이 아니라 폴더입니다: {path}\n{RESTORE_HINT}")
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _load_checked(path: Path, kind: str, sha256: str, count: int) -> np.ndarray:
    """One IDX file as a read-only array, from the cache when it is valid for this file."""
    stamp = _stamp(path)
    array = cache.load(path.name, sha256, stamp)
    if array is None:
        array = _read_idx(path, kind, sha256, count)
        cached = cache.store(path.name, sha256, stamp, array)
        if cached is not None:
            array = cached                    # the shared read-only pages, not this copy
    array.flags.writeable = False
    return array


def _decompress(data: bytes, expected_size: int) -> bytes:
    """The one gzip member of an MNIST file, at most ``expected_size`` + 1 bytes of it: a
    file that would unpack to more (a gzip bomb) stops there and fails the size check.
    A damaged stream or a wrong CRC raises zlib.error / EOFError."""
    unpack = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)       # gzip header and CRC
    raw = unpack.decompress(data, expected_size + 1)
    if len(raw) <= expected_size and not unpack.eof:
        raw += unpack.flush()                   # the rest (and the CRC check) of a small file
        if not unpack.eof:
            raise EOFError("압축된 데이터가 중간에 끝났습니다")
    return raw


def _read_idx(path: Path, kind: str, sha256: str, count: int) -> np.ndarray:
    """Decompress, check and parse one IDX file (big-endian header, then bytes)."""
    header = 16 if kind == "images" else 8
    expected_size = header + count * (N_PIXELS if kind == "images" else 1)
    try:
        raw = _decompress(path.read_bytes(), expected_size)
    except PermissionError as e:
        raise MnistFileError(f"MNIST 파일을 읽을 권한이 없습니다: {path}\n원인: {e.strerror}") from None
    except (EOFError, gzip.BadGzipFile, zlib.error, IndexError) as e:
        raise MnistFileError(
            f"MNIST 파일이 손상되었습니다(압축을 풀 수 없음): {path}\n"
            f"원인: {e}\n{RESTORE_HINT}"
        ) from None
    magic = int.from_bytes(raw[:4], "big") if len(raw) >= 4 else None
    if magic != MAGIC[kind]:
        found = "읽을 수 없음" if magic is None else f"0x{magic:08x}"
        raise MnistFileError(
            f"MNIST 파일이 손상되었습니다(매직 넘버 불일치): {path}\n"
            f"기대한 값: 0x{MAGIC[kind]:08x}, 실제 값: {found}\n{RESTORE_HINT}"
        )
    if len(raw) != expected_size:
        raise MnistFileError(
            f"MNIST 파일이 손상되었습니다(크기 불일치): {path}\n"
            f"기대한 크기: {expected_size:,} 바이트, 실제 크기: {len(raw):,} 바이트\n{RESTORE_HINT}"
        )
    found_sha = hashlib.sha256(raw).hexdigest()
    if found_sha != sha256:
        raise MnistFileError(
            f"MNIST 파일이 손상되었습니다(SHA-256 체크섬 불일치): {path}\n"
            f"기대한 값: {sha256}\n실제 값:   {found_sha}\n{RESTORE_HINT}"
        )
    dims = np.frombuffer(raw, dtype=">u4", count=(header - 4) // 4, offset=4)
    data = np.frombuffer(raw, dtype=np.uint8, offset=header)
    return data.reshape(tuple(int(d) for d in dims)).copy()


VALIDATION_SIZE = 10_000       # 검증 데이터: the last 10,000 training images


def validation_split(images: ArrayLike, labels: ArrayLike, size: int = VALIDATION_SIZE) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """검증 데이터 (validation data): split training data into ``(train, validation)`` pairs.

    The last ``size`` images become the validation set, on which settings
    (learning rate, epochs, size of the network) are chosen; the test set is
    kept for the very end, so its accuracy stays an honest estimate.
    Returns ``((train_images, train_labels), (val_images, val_labels))``.
    """
    images, labels = np.asarray(images), np.asarray(labels)
    if len(images) != len(labels):
        raise MnistlabValueError(
            f"이미지 {len(images):,}장과 정답 {len(labels):,}개의 수가 다릅니다. 같은 split 의 둘을 넣으세요."
        )
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or not 0 < size < len(images):
        raise MnistlabValueError(
            f"검증 데이터의 수(size)는 1 이상 {len(images) - 1:,} 이하의 정수여야 합니다. 받은 값: {size!r}"
        )
    cut = len(images) - int(size)
    return (images[:cut], labels[:cut]), (images[cut:], labels[cut:])


def normalize(images: ArrayLike) -> np.ndarray:
    """Min-max normalization: pixel bytes 0..255 → float32 0..1 (100 → 0.39).

    Dividing by (max - min) = 255 keeps every input on the same small scale,
    which makes training faster and more accurate (회색척도 0 = 검정, 1 = 흰색).
    """
    a = np.asarray(images)
    if a.dtype == bool or a.dtype.kind not in "fiu":
        raise MnistlabTypeError(
            f"픽셀 배열은 숫자여야 합니다(받은 dtype: {a.dtype}). "
            "load_mnist 가 돌려주는 uint8 이미지를 넣으세요."
        )
    if a.size == 0:
        raise MnistlabValueError("빈 배열은 정규화할 수 없습니다.")
    lo, hi = a.min(), a.max()               # one pass each; NaN or ±inf anywhere shows here
    if np.issubdtype(a.dtype, np.floating):
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise MnistlabValueError("픽셀 값에 NaN 이나 무한대가 있습니다. 원래의 0..255 이미지를 넣으세요.")
        if lo >= 0 and hi <= 1:
            raise MnistlabValueError(
                "이미 0..1 사이로 정규화된 값으로 보입니다(실수형, 최댓값 "
                f"{float(hi):.3g}). 두 번 나누지 마세요: 그대로 쓰면 됩니다."
            )
    if lo < 0 or hi > 255:
        raise MnistlabValueError(
            f"픽셀 값은 0..255 사이여야 합니다. 받은 값의 범위: {lo} .. {hi}."
        )
    return np.true_divide(a, np.float32(255), dtype=np.float32)   # one float32 array, no copy


def flatten(images: ArrayLike) -> np.ndarray:
    """28x28 → 784 numbers, row by row from the top (one image or a batch)."""
    a = np.asarray(images)
    if a.shape[-2:] != (SIDE, SIDE) or a.ndim not in (2, 3):
        raise MnistlabValueError(
            f"flatten 은 (28, 28) 한 장 또는 (N, 28, 28) 여러 장을 받습니다. 받은 모양: {a.shape}"
        )
    return a.reshape((*a.shape[:-2], N_PIXELS))


def unflatten(vectors: ArrayLike) -> np.ndarray:
    """784 numbers → 28x28, the inverse of :func:`flatten` (one vector or a batch)."""
    a = np.asarray(vectors)
    if a.ndim not in (1, 2) or a.shape[-1] != N_PIXELS:
        raise MnistlabValueError(
            f"unflatten 은 (784,) 한 장 또는 (N, 784) 여러 장을 받습니다. 받은 모양: {a.shape}"
        )
    return a.reshape((*a.shape[:-1], SIDE, SIDE))


def dataset(images: ArrayLike, labels: ArrayLike, split: str) -> tuple[np.ndarray, np.ndarray]:
    """Every widget's data intake: ``images`` and ``labels`` both given (checked by
    :func:`mnistlab.validate.dataset`), or both None for MNIST's ``split`` ('train' / 'test').

    Images come back as given ((N, 28, 28) or (N, 784); uint8 0..255 or floats 0..1), labels
    as 0..9; :func:`inputs` turns the images into a model's inputs.
    """
    if images is None and labels is None:
        return load_mnist(split)
    return validate.dataset(images, labels)


def inputs(images: ArrayLike, dtype: DTypeLike=np.float64) -> np.ndarray:
    """(N, 784) model inputs 0..1 of a data set's images: uint8 bytes normalized, floats as
    they are (already checked to be 0..1 by :func:`dataset`)."""
    a = np.asarray(images)
    a = normalize(a) if a.dtype == np.uint8 else a
    return a.reshape(len(a), N_PIXELS).astype(dtype, copy=False)
