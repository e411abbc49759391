"""Start a grading kernel inside the jail: ``python -I -S kernel_launcher.py CONFIG -- KERNEL_CMD...``.

This file runs as a script (standard library only, nothing from ``sandbox`` is imported) so
that it starts in a few milliseconds. It is started as root by the grader's kernel manager
(``sandbox.grading.execute``) and:

1. reads its JSON config (written by the grader in a folder only root can read),
2. forks; the child enters new mount, network and IPC namespaces, hides private paths
   behind empty file systems (``jail.py`` describes which), sets resource limits, drops to
   the unprivileged grading user with no way to regain privileges, and execs the kernel;
3. the parent stays root, ignores the interrupts meant for the kernel, waits for the
   child and writes how it ended (exit code or signal, CPU time, peak memory) to the exit
   file, which the grader reads to tell "kernel died" from "over a resource limit".

Without isolation (not root, or ``isolate`` false in the config) it only sets the limits.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import sys
import time

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
PR_SET_NO_NEW_PRIVS = 38

_libc = None


def _lib() -> ctypes.CDLL:
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    _check(
        _lib().mount(
            source.encode() if source else None,
            target.encode(),
            fstype.encode() if fstype else None,
            ctypes.c_ulong(flags),
            data.encode() if data else None,
        ),
        f"mount {target}",
    )


def enter_jail(cfg: dict) -> None:
    """Enter new namespaces and lay out the file system the kernel sees (runs as root)."""
    _check(_lib().unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC), "unshare")
    _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
    # Keep a handle on every path to show again before anything is hidden: a bind mount from
    # /proc/self/fd/N reaches the original even after an empty file system covers its parent.
    keep = {}
    for path in cfg.get("expose", []):
        if os.path.isdir(path):
            keep[path] = os.open(path, os.O_PATH | os.O_DIRECTORY)
    for hide in cfg.get("hide", []):
        path, writable = hide["path"], hide.get("writable", False)
        if not os.path.isdir(path):
            continue
        if writable:
            size = int(cfg.get("tmp_size_mb", 64))
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size}m,mode=1777")
        else:
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
    for path, fd in keep.items():
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)
        os.close(fd)
    for hide in cfg.get("hide", []):
        if not hide.get("writable", False) and os.path.isdir(hide["path"]):
            _mount(None, hide["path"], None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)
    # Private folders last, so that nothing shown again above can uncover them.
    for path in cfg.get("hide_private", []):
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0755")
        elif os.path.exists(path):
            _mount(os.devnull, path, None, MS_BIND, None)


def set_limits(limits: dict) -> None:
    """Apply resource limits (inherited by the kernel and anything it starts)."""
    table = {
        "memory_bytes": resource.RLIMIT_AS,
        "cpu_seconds": resource.RLIMIT_CPU,
        "file_bytes": resource.RLIMIT_FSIZE,
        "processes": resource.RLIMIT_NPROC,
        "open_files": resource.RLIMIT_NOFILE,
    }
    for key, which in table.items():
        value = limits.get(key)
        if value:
            resource.setrlimit(which, (int(value), int(value)))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def drop_privileges(uid: int, gid: int) -> None:
    """Become the grading user for good: no groups, no way back, no setuid programs."""
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    _check(_lib().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("could not drop privileges")


def _child(cfg: dict, cmd: list[str], err_w: int) -> None:
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        if cfg.get("isolate"):
            enter_jail(cfg)
        set_limits(cfg.get("limits", {}))
        os.chdir(cfg["cwd"])
        if cfg.get("isolate"):
            drop_privileges(int(cfg["uid"]), int(cfg["gid"]))
        os.umask(0o077)
        os.closerange(3, err_w)
        os.closerange(err_w + 1, 1 << 16)
        os.set_inheritable(err_w, False)
        os.execve(cmd[0], cmd, cfg["env"])
    except BaseException as exc:  # noqa: BLE001 - report anything to the parent, then exit
        try:
            os.write(err_w, f"{type(exc).__name__}: {exc}".encode()[:2000])
        finally:
            os._exit(70)


def probe() -> int:
    """Check that this machine lets root enter new namespaces (``--probe``); 0 if it does."""
    try:
        _check(_lib().unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC), "unshare")
        _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
    except OSError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    """Run the launcher; returns the kernel's exit code."""
    if argv == ["--probe"]:
        return probe()
    if len(argv) < 3 or argv[1] != "--":
        print("usage: kernel_launcher.py CONFIG.json -- KERNEL_CMD...", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        cfg = json.load(fh)
    cmd = argv[2:]
    if cfg.get("isolate"):
        for path in cfg.get("chown", []):
            os.chown(path, int(cfg["uid"]), int(cfg["gid"]))
    err_r, err_w = os.pipe()
    os.set_inheritable(err_w, True)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(err_r)
        _child(cfg, cmd, err_w)
    os.close(err_w)
    # The interrupt the grader sends reaches the whole process group: it is for the kernel.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def forward(signum: int, _frame: object) -> None:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGHUP, forward)
    launch_error = b""
    while True:
        chunk = os.read(err_r, 4096)
        if not chunk:
            break
        launch_error += chunk
    os.close(err_r)
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    record = {
        "pid": pid,
        "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "wall_seconds": round(time.monotonic() - started, 3),
        "launch_error": launch_error.decode(errors="replace"),
    }
    exit_file = cfg.get("exit_file")
    if exit_file:
        tmp = exit_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(record, fh)
        os.replace(tmp, exit_file)
    if record["signal"]:
        return 128 + int(record["signal"])
    return int(record["exit_code"] or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
