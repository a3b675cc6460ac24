"""The teacher's view (classroom/teacher_view.py): two students answer exercises with
ml.check in their own kernels; the teacher's table and CSV show both; a student's request
to the service is refused and no student reads another's progress file. Root only.
"""

from __future__ import annotations

import csv
import io
import os
import re

import pytest
from test_classroom import NOTEBOOK, Class

from mnistlab.check import exercises

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="수업 서버 테스트는 root 로만 실행합니다: 임시 시스템 계정을 만들고 지우며, 허브가 학생마다 "
    "그 계정으로 서버를 띄우기 때문입니다 (CI 는 root 로 실행합니다).",
)

VIEW = "/services/class-progress/"


@pytest.fixture(scope="module")
def klass():
    k = Class()
    try:
        k.create_accounts()
        k.hub.start()
        yield k
    finally:
        k.remove()


def _answer(student, answers: list[tuple[str, object]]) -> str:
    kernel = student.open_kernel(NOTEBOOK)
    try:
        code = "import mnistlab as ml\n" + "\n".join(
            f"print(ml.check({e!r}, {a!r}).correct)" for e, a in answers
        )
        reply = kernel.execute(code)
        assert reply.status == "ok", reply.error
        return "".join(o["content"].get("text", "") for o in reply.outputs)
    finally:
        kernel.close()


def _row(page: str, name: str) -> dict[str, str]:
    cells = re.search(rf"<tr><th>{name}</th>(.*?)</tr>", page).group(1)
    return dict(zip(exercises(), re.findall(r"<td>(.*?)</td>", cells), strict=True))


def test_the_teacher_sees_both_students_and_a_student_is_refused(klass):
    a, b = klass.login("a"), klass.login("b")
    for student in (a, b):
        student.start_server()
    said = _answer(a, [("01.position", 88), ("01.position", 89), ("01.normalize", 0.5)])
    assert said.split() == ["False", "True", "False"]
    assert _answer(b, [("01.position", 80)]).split() == ["False"]

    teacher = klass.login("teacher")
    page = teacher.session.get(f"{klass.hub.url}{VIEW}", timeout=60)
    assert page.status_code == 200, page.text[:500]
    page.encoding = "utf-8"
    assert "반 진행 상황" in page.text
    row_a, row_b = _row(page.text, a.name), _row(page.text, b.name)
    assert row_a["01.position"] == "✅ 2" and row_a["01.normalize"] == "❌ 1"
    assert row_b["01.position"] == "❌ 1" and row_b["01.normalize"] == "·"
    assert set(row_a.values()) - {"·"} == {"✅ 2", "❌ 1"}
    counts = dict(zip(exercises(), re.findall(r"<td>(\d+ / \d+)</td>", page.text), strict=True))
    assert counts["01.position"] == "1 / 2" and counts["01.normalize"] == "0 / 1"
    assert counts["02.threshold" if "02.threshold" in counts else exercises()[-1]] == "0 / 0"

    download = teacher.session.get(f"{klass.hub.url}{VIEW}progress.csv", timeout=60)
    assert download.status_code == 200 and download.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["학생", "연습문제", "시도", "맞힘"]
    assert [a.name, "01.position", "2", "예"] in rows
    assert [b.name, "01.position", "1", "아니오"] in rows
    assert [b.name, "01.normalize", "0", "아니오"] in rows

    # A student meets 403 at the service, by browser session and by token.
    for path in (VIEW, f"{VIEW}progress.csv"):
        refused = a.session.get(f"{klass.hub.url}{path}", timeout=60)
        assert refused.status_code == 403 and b.name not in refused.text
        assert "01.position" not in refused.text
        assert a.hub_api("GET", "/services/class-progress").status_code in (403, 404)
    # ... and cannot read the other student's progress file from a kernel.
    kernel = a.open_kernel(NOTEBOOK)
    try:
        other = klass.home("b") / ".local/share/mnistlab/progress.jsonl"
        reply = kernel.execute(f"open({str(other)!r}).read()")
        assert reply.status == "error" and "PermissionError" in reply.error
    finally:
        kernel.close()
