"""Copy the series' notebooks into a student's folder; never replace one that is there.

Run by the hub as the student (so the student owns the copies and the hub never
writes into a student's home as root):  python hand_out.py SERIES_DIR DEST_DIR
A notebook the student has opened and edited stays as it is when the teacher
updates the series; notebooks new to the series are added.

A broken folder is repaired without losing anything: a file or a link to nothing (or to
a file) where the folder should be is renamed to ``mnistlab.broken-<date>`` and a new
folder is made; a folder the student closed to themselves (chmod) is opened again.
What cannot be repaired as the student stops with a Korean message (exit status 1),
which the hub shows to the student.
"""

import os
import shutil
import stat
import sys
import time
from pathlib import Path


class HandOutError(Exception):
    pass


def _set_aside(dest: Path) -> Path:
    aside = dest.with_name(f"{dest.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while aside.exists() or aside.is_symlink():
        aside = dest.with_name(f"{dest.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
        n += 1
    dest.rename(aside)
    return aside


def repair(dest: Path) -> str | None:
    """Make `dest` a folder the student can write; return what was done (None: nothing)."""
    if dest.is_symlink() and not dest.is_dir():     # a link to nothing, or to a file
        return f"{dest} 가 폴더가 아닌 링크여서 {_set_aside(dest).name} 로 이름을 바꿨습니다."
    if dest.exists() and not dest.is_dir():
        return f"{dest} 가 폴더가 아닌 파일이어서 {_set_aside(dest).name} 로 이름을 바꿨습니다."
    if dest.is_dir():
        info = dest.stat()
        if info.st_uid != os.getuid():
            if not os.access(dest, os.W_OK | os.X_OK):
                raise HandOutError(
                    f"{dest} 폴더가 다른 계정의 것이라 노트북을 넣을 수 없습니다. "
                    "선생님께 이 폴더의 주인을 학생 계정으로 바꿔 달라고 하세요.")
            return None
        if stat.S_IMODE(info.st_mode) & 0o700 != 0o700:
            dest.chmod(stat.S_IMODE(info.st_mode) | 0o700)
            return f"{dest} 폴더의 권한을 다시 열었습니다."
    return None


def hand_out(series: Path, dest: Path) -> list[str]:
    """Copy every series/*.ipynb missing from dest; return the names copied."""
    done = repair(dest)
    if done:
        print(done, file=sys.stderr)
    try:
        dest.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise HandOutError(f"{dest} 폴더를 만들 수 없습니다 ({error.strerror}). "
                           "선생님께 홈 폴더를 확인해 달라고 하세요.") from None
    copied = []
    for notebook in sorted(series.glob("*.ipynb")):
        target = dest / notebook.name
        if not (target.exists() or target.is_symlink()):
            try:
                shutil.copyfile(notebook, target)
            except OSError as error:
                raise HandOutError(f"{notebook.name} 를 {dest} 에 복사하지 못했습니다 "
                                   f"({error.strerror}). 디스크가 가득 찼는지 선생님께 "
                                   "확인해 달라고 하세요.") from None
            copied.append(notebook.name)
    return copied


if __name__ == "__main__":
    try:
        hand_out(Path(sys.argv[1]), Path(sys.argv[2]))
    except HandOutError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
