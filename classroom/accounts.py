"""Class accounts: system users in the students' or teachers' group (run as root).

    python classroom/accounts.py add NAME              # a student; asks for a password
    python classroom/accounts.py add --teacher NAME    # a teacher (admin of the class server)
    python classroom/accounts.py remove NAME           # deletes the account and its home
    python classroom/accounts.py list

An empty password at the prompt makes a random one, printed once. With
--password-stdin the password is read from standard input (for scripts).
An account that already exists keeps its password and is only added to the group.
A password has at least 8 characters, not only digits, and is not the account's name.

Removing an account also removes it from the class server (MNISTLAB_CLASS_STATE,
classroom/state): the hub user, its server, and every API token, OAuth token and log-in
cookie of it, so that nothing of the old account opens a new one with the same name.
"""

from __future__ import annotations

import argparse
import getpass
import grp
import json
import os
import pwd
import re
import secrets
import subprocess
import sys
from pathlib import Path

import requests

STUDENTS = os.environ.get("MNISTLAB_CLASS_STUDENTS", "mnistlab-students")
TEACHERS = os.environ.get("MNISTLAB_CLASS_TEACHERS", "mnistlab-teachers")
STATE = Path(os.environ.get("MNISTLAB_CLASS_STATE", Path(__file__).resolve().parent / "state"))
MIN_PASSWORD = 8
# Short enough for the kernels' socket paths (~/.local/share/jupyter/runtime/kernel-<uuid>-ipc-1
# must stay under the 107 bytes of a Unix socket path).
NAME = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")
# Letters and digits that cannot be mistaken for each other on a board (no 0/O, 1/l/I).
ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


class AccountError(Exception):
    """A Korean message for the teacher; the command stops with it."""


def _run(*command: str, stdin: str | None = None) -> None:
    done = subprocess.run(command, check=False, input=stdin, text=True, capture_output=True)
    if done.returncode:
        raise AccountError(f"'{' '.join(command)}' 실패: {done.stderr.strip()}")


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _group(group: str) -> bool:
    try:
        grp.getgrnam(group)
        return True
    except KeyError:
        return False


def _ensure_group(group: str) -> None:
    if not _group(group):
        _run("groupadd", group)


def _login_defs() -> tuple[int, int]:
    """UID_MIN and UID_MAX of /etc/login.defs: ordinary accounts (outside: root, daemons, nobody)."""
    low, high = 1000, 60000
    try:
        for line in Path("/etc/login.defs").read_text().splitlines():
            key, _, value = line.partition(" ")
            if key in ("UID_MIN", "UID_MAX") and value.strip().isdigit():
                low, high = (int(value), high) if key == "UID_MIN" else (low, int(value))
    except OSError:
        pass
    return low, high


def new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def check_password(name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD or password.isdigit() or password.lower() == name.lower():
        raise AccountError(f"비밀번호는 {MIN_PASSWORD}자 이상이어야 하고, 숫자로만 되거나 계정 이름과 "
                           "같으면 안 됩니다. 비워 두면 안전한 비밀번호를 만들어 줍니다.")


def add(name: str, password: str | None, *, teacher: bool = False) -> str | None:
    """Create (or reuse) the account `name` in its group; return the password if one was made."""
    if not NAME.match(name):
        raise AccountError(f"계정 이름 '{name}' 은 쓸 수 없습니다: 영문 소문자로 시작하고 "
                           "소문자·숫자·-·_ 로 20자 이내여야 합니다 (예: kim-minsu).")
    group = TEACHERS if teacher else STUDENTS
    _ensure_group(group)
    made = None
    if _exists(name):
        uid, (low, high) = pwd.getpwnam(name).pw_uid, _login_defs()
        if not low <= uid <= high:
            raise AccountError(f"'{name}' 은 시스템 계정(uid {uid})이라 "
                               "수업 계정으로 쓸 수 없습니다. 다른 이름을 쓰세요.")
        _run("usermod", "--append", "--groups", group, name)
    else:
        if not password:
            password = made = new_password()
        check_password(name, password)
        _run("useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name)
        _run("chpasswd", stdin=f"{name}:{password}\n")
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)      # nobody else reads this home
    return made


def remove(name: str) -> None:
    """Delete the account, its home and its processes (the notebooks in it are gone)."""
    if not _exists(name):
        raise AccountError(f"'{name}' 계정이 없습니다.")
    if not any(name in names for names in members().values()):
        raise AccountError(f"'{name}' 은 수업 계정(그룹 {STUDENTS}, {TEACHERS})이 아니라 지우지 않습니다.")
    forget_in_hub(name)
    subprocess.run(["pkill", "--uid", name], check=False, capture_output=True)
    _run("userdel", "--remove", name)


def forget_in_hub(name: str) -> None:
    """Delete the hub user `name`: its server is stopped, its tokens and cookies die with it.
    Through the running hub's API; when no hub runs, in the hub's database directly."""
    access = STATE / "accounts.json"
    if not access.exists():
        return                                     # this class server never ran
    settings = json.loads(access.read_text())
    try:
        reply = requests.delete(f"{settings['url']}/users/{name}", timeout=120,
                                headers={"Authorization": f"token {settings['token']}"})
    except requests.ConnectionError:
        reply = None
    if reply is not None and reply.status_code in (204, 404):
        return
    if reply is not None:
        raise AccountError(f"수업 서버에서 '{name}' 을 지우지 못했습니다 (HTTP {reply.status_code}: "
                           f"{reply.text[:200]}). 잠시 뒤 다시 실행하세요.")
    # No hub answers: edit its database (the hub reads it when it starts).
    from jupyterhub import orm

    db = orm.new_session_factory(f"sqlite:///{STATE / 'jupyterhub.sqlite'}")()
    try:
        user = db.query(orm.User).filter_by(name=name).first()
        if user is not None:
            db.delete(user)
            db.commit()
    finally:
        db.close()


def members() -> dict[str, list[str]]:
    return {g: sorted(grp.getgrnam(g).gr_mem) if _group(g) else [] for g in (TEACHERS, STUDENTS)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="수업 서버의 계정을 만들고 지웁니다 (root 로 실행).")
    sub = parser.add_subparsers(dest="command", required=True)
    p_add = sub.add_parser("add", help="계정 만들기")
    p_add.add_argument("name")
    p_add.add_argument("--teacher", action="store_true", help="교사(관리자) 계정")
    p_add.add_argument("--password-stdin", action="store_true", help="비밀번호를 표준 입력에서 읽기")
    p_remove = sub.add_parser("remove", help="계정과 홈 폴더 지우기")
    p_remove.add_argument("name")
    sub.add_parser("list", help="수업 계정 보기")
    args = parser.parse_args(argv)

    if os.geteuid() != 0:
        print("계정을 만들거나 지우려면 root 로 실행하세요 (예: sudo make student NAME=...).",
              file=sys.stderr)
        return 1
    try:
        if args.command == "add":
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\n")
                if password and not _exists(args.name):
                    check_password(args.name, password)
            elif _exists(args.name):
                password = None
            else:
                password = getpass.getpass("비밀번호 (비워 두면 새로 만들어 한 번만 보여 줍니다): ")
                if password:
                    check_password(args.name, password)
                    if password != getpass.getpass("한 번 더: "):
                        raise AccountError("두 비밀번호가 다릅니다. 다시 실행하세요.")
            made = add(args.name, password, teacher=args.teacher)
            role = "교사" if args.teacher else "학생"
            print(f"{role} 계정 '{args.name}' 준비 완료.")
            if made:
                print(f"비밀번호: {made}   (다시 보여 주지 않으니 지금 전해 주세요)")
        elif args.command == "remove":
            remove(args.name)
            print(f"'{args.name}' 계정과 홈 폴더를 지웠습니다.")
        else:
            for group, names in members().items():
                print(f"{group}: {' '.join(names) or '(없음)'}")
    except AccountError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
