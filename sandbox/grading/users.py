"""Unprivileged system users that run student code while grading, one per parallel grader.

Each grading kernel runs as a user from a small pool (``smmlab-grader-1``,
``smmlab-grader-2``, ...), created on first use with ``useradd`` (no home, no login shell).
A grader holds its user with a lock file while its kernel lives, so two graders never share
a user, and after every notebook it ends whatever that user still has running, so code from
one submission can never watch the next one.
"""

from __future__ import annotations

import fcntl
import functools
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER_PREFIX = "smmlab-grader-"
"""Names of the grading users: ``smmlab-grader-1``, ``smmlab-grader-2``, ..."""

MAX_USERS = 64


@functools.lru_cache(maxsize=1)
def can_isolate() -> tuple[bool, str]:
    """Return whether student code can run jailed here, and why not if it cannot.

    Returns:
        ``(True, "")`` on Linux as root where namespaces are allowed; otherwise
        ``(False, reason)``.
    """
    if not sys.platform.startswith("linux"):
        return False, "isolation needs Linux (namespaces and a separate user)"
    if os.geteuid() != 0:
        return False, "isolation needs root, to create the grading user and switch to it"
    if shutil.which("useradd") is None and not _user_exists(USER_PREFIX + "1"):
        return False, "isolation needs the useradd command to create the grading user"
    from .jail import LAUNCHER

    probe = subprocess.run(
        [sys.executable, "-I", "-S", str(LAUNCHER), "--probe"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return False, f"this machine does not allow new namespaces ({probe.stderr.strip()})"
    return True, ""


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def ensure_user(name: str) -> pwd.struct_passwd:
    """Return the system user ``name``, creating it (no home, no shell) if needed.

    Args:
        name: User name.

    Returns:
        The user's passwd entry.

    Raises:
        RuntimeError: If the user cannot be created.
    """
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    cmd = [
        "useradd",
        "--system",
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/usr/sbin/nologin",
        "--user-group",
        "--comment",
        "SMM Lab grading sandbox",
        name,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise RuntimeError(f"could not create the grading user {name!r}: {proc.stderr.strip()}") from None


def _lock_dir() -> Path:
    base = Path("/run/lock") if Path("/run/lock").is_dir() else Path(tempfile.gettempdir())
    path = base / "smm-lab-graders"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@dataclass
class GradingUser:
    """A grading user held by this process (release it with ``release()``).

    Attributes:
        name: User name.
        uid: User id.
        gid: Group id.
    """

    name: str
    uid: int
    gid: int
    _lock_fd: int = -1

    @classmethod
    def acquire(cls, name: str = "", *, wait: bool = True) -> GradingUser | None:
        """Take a free user from the pool (or the named one), creating it if needed.

        Whatever the user still runs (left over by earlier student code) is ended first.

        Args:
            name: A specific user to take, or empty for the first free one.
            wait: For a named user: wait until it is free (else return None if it is busy).

        Returns:
            The user, locked for this process (None if a named user is busy and
            ``wait`` is false).

        Raises:
            RuntimeError: If every user of the pool is busy.
        """
        names = [name] if name else [f"{USER_PREFIX}{i}" for i in range(1, MAX_USERS + 1)]
        lock_dir = _lock_dir()
        for candidate in names:
            fd = os.open(lock_dir / f"{candidate}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if name and wait else fcntl.LOCK_NB))
            except BlockingIOError:
                os.close(fd)
                if name:
                    return None
                continue
            entry = ensure_user(candidate)
            user = cls(candidate, entry.pw_uid, entry.pw_gid, fd)
            user.end_processes()
            return user
        raise RuntimeError(f"all {MAX_USERS} grading users are busy; run fewer graders at once.")

    def end_processes(self) -> int:
        """Kill every process this user still runs (left over by student code).

        Returns:
            How many processes were killed.
        """
        return kill_user_processes(self.uid)

    def release(self) -> None:
        """End the user's processes and give the user back to the pool."""
        self.end_processes()
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1


def user_processes(uid: int) -> list[int]:
    """Return the ids of the live processes whose real or effective user is ``uid``.

    Zombies (ended, waiting to be reaped by their parent) are not counted: they run nothing.

    Args:
        uid: A user id.

    Returns:
        Process ids.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="utf-8") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        if fields.get("State", "").strip().startswith(("Z", "X")):
            continue
        if str(uid) in fields.get("Uid", "").split()[:2]:
            found.append(int(entry))
    return found


def kill_user_processes(uid: int, rounds: int = 5) -> int:
    """Kill (SIGKILL) every process of ``uid``, repeating while new ones appear.

    Args:
        uid: A user id (never 0).
        rounds: How many sweeps to make at most.

    Returns:
        How many processes were killed.

    Raises:
        ValueError: For uid 0.
    """
    if uid == 0:
        raise ValueError("refusing to kill root's processes")
    killed = 0
    for _ in range(rounds):
        pids = [p for p in user_processes(uid) if p != os.getpid()]
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    return killed
