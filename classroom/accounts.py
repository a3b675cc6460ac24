"""Class accounts: system users in the students' or teachers' group (run as root).

    python classroom/accounts.py add NAME              # a student; asks for a password
    python classroom/accounts.py add --teacher NAME    # a teacher (admin of the class server)
    python classroom/accounts.py remove NAME           # deletes the account and its home
    python classroom/accounts.py list

An empty password at the prompt makes a random one, printed once. With
--password-stdin the password is read from standard input (for scripts).
An account that already exists keeps its password and is only added to the group.
"""

from __future__ import annotations

import argparse
import getpass
import grp
import os
import pwd
import re
import secrets
import subprocess
import sys

STUDENTS = os.environ.get("MNISTLAB_CLASS_STUDENTS", "mnistlab-students")
TEACHERS = os.environ.get("MNISTLAB_CLASS_TEACHERS", "mnistlab-teachers")
FIRST_UID = 1000          # below: system accounts (root, daemons), never class accounts
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


def new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def add(name: str, password: str | None, *, teacher: bool = False) -> str | None:
    """Create (or reuse) the account `name` in its group; return the password if one was made."""
    if not NAME.match(name):
        raise AccountError(f"계정 이름 '{name}' 은 쓸 수 없습니다: 영문 소문자로 시작하고 "
                           "소문자·숫자·-·_ 로 20자 이내여야 합니다 (예: kim-minsu).")
    group = TEACHERS if teacher else STUDENTS
    _ensure_group(group)
    made = None
    if _exists(name):
        if pwd.getpwnam(name).pw_uid < FIRST_UID:
            raise AccountError(f"'{name}' 은 시스템 계정(uid {pwd.getpwnam(name).pw_uid})이라 "
                               "수업 계정으로 쓸 수 없습니다. 다른 이름을 쓰세요.")
        _run("usermod", "--append", "--groups", group, name)
    else:
        if not password:
            password = made = new_password()
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
    subprocess.run(["pkill", "--uid", name], check=False, capture_output=True)
    _run("userdel", "--remove", name)


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
            elif _exists(args.name):
                password = None
            else:
                password = getpass.getpass("비밀번호 (비워 두면 새로 만들어 한 번만 보여 줍니다): ")
                if password and password != getpass.getpass("한 번 더: "):
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
