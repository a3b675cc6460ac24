"""make lab / make update: the series in JupyterLab with one Korean line to read, and updates
that never touch a learner's work.

Learners work in ``my-notebooks/``: their own copies of ``notebooks/``, which git does not track.
Running cells and autosave change only those copies, so ``git pull`` never stops with
"would be overwritten". ``make lab`` copies any notebook the learner does not have yet;
``make update`` pulls the new version of the series and does the same, and says which
originals changed (a learner who wants a fresh copy deletes theirs and runs ``make lab``).

    python tools/lab.py [--port 8888] [--allow-root]     # make lab
    python tools/lab.py update                           # make update
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ORIGINALS = REPO / "notebooks"
COPIES = REPO / "my-notebooks"
LOG = REPO / ".venv" / "lab.log"
RECORD = ".originals.json"          # name → sha256 of the original a copy was made from


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sync_copies(originals: Path = ORIGINALS, copies: Path = COPIES) -> tuple[list[str], list[str]]:
    """Copy every notebook the learner has no copy of; never overwrite one.

    Returns ``(added, changed)``: the notebooks copied now, and those whose original has changed
    since the learner's copy was made (their copy is kept as it is).
    """
    copies.mkdir(exist_ok=True)
    record_path = copies / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    added, changed = [], []
    for original in sorted(originals.glob("[0-9][0-9]_*.ipynb")):
        copy = copies / original.name
        if not copy.exists():
            shutil.copy2(original, copy)
            record[original.name] = _sha(original)
            added.append(original.name)
        elif record.get(original.name) not in (None, _sha(original)):
            changed.append(original.name)
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    return added, changed


def save_edited_originals(repo: Path = REPO, copies: Path = COPIES) -> list[Path]:
    """Work saved in the tracked notebooks (before my-notebooks existed) is moved into
    ``copies`` — as the learner's copy if there is none, else into a dated folder — and the
    tracked file restored, so that ``git pull`` can update it. Returns where the work went."""
    status = subprocess.run(["git", "status", "--porcelain", "--", "notebooks"], cwd=repo,
                            capture_output=True, text=True, check=True).stdout
    edited = [repo / line[3:].strip() for line in status.splitlines()
              if line[:2].strip() == "M" and line.endswith(".ipynb")]
    saved = []
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    for path in edited:
        target = copies / path.name
        if target.exists():
            target = copies / f"saved-{stamp}" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        subprocess.run(["git", "checkout", "--", str(path.relative_to(repo))], cwd=repo, check=True)
        saved.append(target)
    return saved


def update(repo: Path = REPO, copies: Path = COPIES) -> int:
    """make update: keep the learner's work, pull the new series, add its new notebooks."""
    copies.mkdir(exist_ok=True)
    for target in save_edited_originals(repo, copies):
        print(f"원본 노트북에 저장된 작업을 옮겨 두었습니다: {target.relative_to(repo)}")
    pulled = subprocess.run(["git", "pull", "--ff-only"], cwd=repo, capture_output=True, text=True)
    if pulled.returncode != 0:
        print("시리즈를 새 버전으로 받지 못했습니다 (git pull). git 이 한 말:\n" + pulled.stderr.strip()
              + "\n인터넷 연결을 확인하고, 저장소 폴더에서 직접 고친 파일이 있다면 'git status' 로 확인하세요. "
                "my-notebooks/ 의 작업은 그대로입니다.")
        return 1
    added, changed = sync_copies(repo / "notebooks", copies)
    print("시리즈를 새 버전으로 받았습니다. my-notebooks/ 의 작업은 그대로입니다.")
    for name in added:
        print(f"  새 노트북: my-notebooks/{name}")
    for name in changed:
        print(f"  원본이 바뀐 노트북: {name} — 새 버전으로 다시 시작하려면 my-notebooks/{name} 를 "
              "지우고(또는 이름을 바꾸고) make lab 을 실행하세요.")
    return 0


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_until_listening(port: int, process: subprocess.Popen, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def lab(port: int, allow_root: bool, root: Path = COPIES, open_browser: bool = True) -> int:
    """Start JupyterLab on 127.0.0.1:port (token on) over ``root`` and print one Korean line."""
    added, _ = sync_copies(ORIGINALS, root) if root == COPIES else ([], [])
    if not _port_is_free(port):
        print(f"포트 {port} 를 이미 다른 프로그램(아마 다른 JupyterLab)이 쓰고 있습니다. "
              f"그 창을 닫거나 다른 포트로 여세요: make lab PORT={port + 1}")
        return 1
    token = secrets.token_hex(24)
    command = [sys.executable, "-m", "jupyter", "lab", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", "--no-browser", f"--ServerApp.root_dir={root}",
               "--ServerApp.log_level=WARN", "--LabApp.log_level=WARN",
               f"--IdentityProvider.token={token}"]
    if allow_root:
        command.append("--allow-root")
    for stop in (signal.SIGTERM, signal.SIGHUP):     # closed terminal, kill: stop Jupyter too
        signal.signal(stop, lambda number, _frame: sys.exit(128 + number))
    log = LOG.open("w", encoding="utf-8")       # Jupyter's own log, read when something fails
    process = subprocess.Popen(command, start_new_session=True,   # Ctrl+C reaches only us
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        if not _wait_until_listening(port, process):
            log.flush()
            tail = LOG.read_text(encoding="utf-8").strip().splitlines()[-15:]
            print("JupyterLab 을 시작하지 못했습니다. Jupyter 의 기록 끝부분:\n" + "\n".join(tail)
                  + f"\n(전체 기록: {LOG})")
            return 1
        url = f"http://127.0.0.1:{port}/lab?token={token}"
        first = " 처음이라 노트북을 my-notebooks/ 에 복사했습니다." if added else ""
        print(f"JupyterLab 이 열렸습니다: {url}  (브라우저에서 여세요 · 끝내려면 Ctrl+C){first}",
              flush=True)
        if open_browser and (sys.platform == "darwin" or os.environ.get("DISPLAY")
                             or os.environ.get("WAYLAND_DISPLAY")):
            webbrowser.open(url)
        code = process.wait()
        if code:
            print(f"JupyterLab 이 멈췄습니다 (종료 코드 {code}). 기록: {LOG}")
        return code
    except KeyboardInterrupt:
        print("\nJupyterLab 을 닫습니다 (노트북은 my-notebooks/ 에 저장되어 있습니다).")
        return 0
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="mnistlab 시리즈를 JupyterLab 으로 엽니다.")
    parser.add_argument("action", nargs="?", choices=["lab", "update"], default="lab")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--allow-root", action="store_true")
    parser.add_argument("--root", type=Path, default=COPIES)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    if args.action == "update":
        return update()
    return lab(args.port, args.allow_root, args.root, open_browser=not args.no_browser)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
