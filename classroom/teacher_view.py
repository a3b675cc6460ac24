"""The teacher's view of the class: a JupyterHub service at /services/class-progress/.

A table student × exercise from each student's own progress file (mnistlab/progress.py:
~/.local/share/mnistlab/progress.jsonl, written by ml.check): ✅ solved (with the number
of attempts), ❌ tried and not solved yet (attempts), · not tried; per exercise how many
solved and tried; a CSV download (progress.csv). The page reloads itself every 15 s.

Log-in through the hub (OAuth); only users allowed to access this service see it — the
teachers (admins); a student's request is refused (403). Started by the hub as root (a
managed service), it reads the files in the students' closed homes, never follows a link
out of a home, and sends nothing off the machine.
"""

from __future__ import annotations

import csv
import grp
import html
import io
import json
import os
import pwd
import stat
import sys
from pathlib import Path

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import ioloop, web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mnistlab.check import exercises
from mnistlab.progress import FILE

STUDENTS = os.environ.get("MNISTLAB_CLASS_STUDENTS", "mnistlab-students")
MAX_BYTES = 2_000_000  # of one student's file (its end) read at most


def _read_own_file(path: Path, uid: int) -> str:
    """The file's text if it is a regular file owned by the student (no links followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return ""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != uid:
            return ""
        if info.st_size > MAX_BYTES:
            os.lseek(fd, info.st_size - MAX_BYTES, os.SEEK_SET)
        return os.read(fd, MAX_BYTES).decode("utf-8", errors="replace")
    finally:
        os.close(fd)


def class_progress() -> tuple[list[str], list[str], dict]:
    """(students, exercises, {(student, exercise): (attempts, solved)})."""
    known = exercises()
    try:
        students = sorted(grp.getgrnam(STUDENTS).gr_mem)
    except KeyError:
        students = []
    cells = {}
    for name in students:
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        text = _read_own_file(Path(account.pw_dir) / FILE, account.pw_uid)
        for line in text.splitlines():
            try:
                attempt = json.loads(line)
                exercise, correct = attempt["exercise"], attempt["correct"] is True
            except (ValueError, KeyError, TypeError):
                continue
            if exercise not in known:  # only the series' exercises (and nothing to inject)
                continue
            tries, solved = cells.get((name, exercise), (0, False))
            cells[name, exercise] = (tries + 1, solved or correct)
    return students, known, cells


def mark(cell: tuple[int, bool] | None) -> str:
    if cell is None:
        return "·"
    tries, solved = cell
    return f"✅ {tries}" if solved else f"❌ {tries}"


class TeacherOnly(HubOAuthenticated):
    """Hub OAuth; the hub grants access:services!service=class-progress to teachers only."""


class Table(TeacherOnly, web.RequestHandler):
    @web.authenticated
    def get(self):
        students, known, cells = class_progress()
        head = "".join(f"<th>{html.escape(e)}</th>" for e in known)
        rows = []
        for name in students:
            row = "".join(f"<td>{mark(cells.get((name, e)))}</td>" for e in known)
            rows.append(f"<tr><th>{html.escape(name)}</th>{row}</tr>")
        solved = "".join(
            f"<td>{sum(1 for s in students if cells.get((s, e), (0, False))[1])}"
            f" / {sum(1 for s in students if (s, e) in cells)}</td>"
            for e in known
        )
        csv_url = url_path_join(os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/"), "progress.csv")
        self.write(f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="15"><title>반 진행 상황</title>
<style>body{{font-family:NanumGothic,sans-serif}} table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:2px 6px;text-align:center}}</style></head><body>
<h1>반 진행 상황</h1>
<p>✅ 맞힘 (시도 횟수) · ❌ 아직 못 맞힘 (시도 횟수) · · 시도 안 함. 15초마다 새로 고칩니다.
<a href="{csv_url}">CSV 내려받기</a></p>
<table><tr><th>학생</th>{head}</tr>{"".join(rows)}
<tr><th>맞힌 학생 / 시도한 학생</th>{solved}</tr></table></body></html>""")


class Csv(TeacherOnly, web.RequestHandler):
    @web.authenticated
    def get(self):
        students, known, cells = class_progress()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["학생", "연습문제", "시도", "맞힘"])
        for name in students:
            for exercise in known:
                tries, solved = cells.get((name, exercise), (0, False))
                writer.writerow([name, exercise, tries, "예" if solved else "아니오"])
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="class-progress.csv"')
        self.write("\ufeff" + out.getvalue())  # BOM: spreadsheet programs read it as UTF-8


def main() -> None:
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/class-progress/")
    app = web.Application(
        [
            (prefix, Table),
            (url_path_join(prefix, "progress.csv"), Csv),
            (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        ],
        cookie_secret=os.urandom(32),
    )
    url = os.environ["JUPYTERHUB_SERVICE_URL"]
    from urllib.parse import urlparse

    where = urlparse(url)
    app.listen(where.port, where.hostname)
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
