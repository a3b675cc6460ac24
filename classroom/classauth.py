"""PAM log-in with brakes: too many wrong passwords for one account, or from one address,
and the hub refuses further tries for a while with a Korean message, before asking PAM.

A flood of wrong passwords otherwise keeps every PAM thread busy (each failure waits
PAM's fail delay), and a real student's log-in queues behind it.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque

from jupyterhub.auth import PAMAuthenticator
from tornado import web
from traitlets import Float, Integer


class TooManyTries(web.HTTPError):
    def __init__(self, message: str):
        super().__init__(429, message)
        self.jupyterhub_message = message


class ClassAuthenticator(PAMAuthenticator):
    """PAMAuthenticator with per-account and per-address limits on failed log-ins."""

    account_tries = Integer(
        5, config=True, help="Failed log-ins of one account within `window` before it waits."
    )
    address_tries = Integer(
        50,
        config=True,
        help="Failed log-ins from one address within `window` (a classroom "
        "behind one router shares an address, so higher than per account).",
    )
    window = Float(300, config=True, help="Seconds a failed log-in counts.")

    def __init__(self, **kw):
        super().__init__(**kw)
        self._failures: dict[tuple[str, str], deque] = defaultdict(deque)

    def _recent(self, key: tuple[str, str], now: float) -> deque:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def _wait(self, key: tuple[str, str], limit: int, now: float) -> float:
        times = self._recent(key, now)
        return self.window - (now - times[-limit]) if len(times) >= limit else 0.0

    async def authenticate(self, handler, data):
        now = time.monotonic()
        name = self.normalize_username(str(data.get("username", "")))[:64]
        address = handler.request.remote_ip if handler is not None else ""
        account, place = ("account", name), ("address", address)
        wait = max(
            self._wait(account, self.account_tries, now), self._wait(place, self.address_tries, now)
        )
        if wait > 0:
            self.log.warning("Log-in refused for %s from %s: too many failed tries", name, address)
            raise TooManyTries(
                f"로그인에 너무 여러 번 실패해서 잠시 막아 두었습니다. {int(wait) + 1}초 뒤에 "
                "다시 해 보세요. 비밀번호가 기억나지 않으면 선생님께 새 비밀번호를 받으세요."
            )
        user = await super().authenticate(handler, data)
        if user is None:
            self._failures[account].append(now)
            self._failures[place].append(now)
        else:
            self._failures.pop(account, None)
        return user
