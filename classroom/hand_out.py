"""Copy the series' notebooks into a student's folder; never replace one that is there.

Run by the hub as the student (so the student owns the copies and the hub never
writes into a student's home as root):  python hand_out.py SERIES_DIR DEST_DIR
A notebook the student has opened and edited stays as it is when the teacher
updates the series; notebooks new to the series are added.
"""

import shutil
import sys
from pathlib import Path


def hand_out(series: Path, dest: Path) -> list[str]:
    """Copy every series/*.ipynb missing from dest; return the names copied."""
    dest.mkdir(mode=0o700, exist_ok=True)
    copied = []
    for notebook in sorted(series.glob("*.ipynb")):
        target = dest / notebook.name
        if not target.exists():
            shutil.copyfile(notebook, target)
            copied.append(notebook.name)
    return copied


if __name__ == "__main__":
    hand_out(Path(sys.argv[1]), Path(sys.argv[2]))
