"""What a grading kernel may see and use: limits, hidden paths, its own folder.

Student code runs in a kernel started by ``kernel_launcher.py`` with the settings made here:

- **as an unprivileged user** from the pool in ``users.py`` (never root), with
  ``no_new_privs`` so setuid programs cannot give root back;
- **without network**: a new, empty network namespace (no interfaces but a downed loopback);
  the grader talks to the kernel over Unix sockets in the kernel's own folder;
- **away from private files**: in a new mount namespace, ``/root``, ``/home``, ``/run``,
  ``/srv``, ``/mnt``, ``/media``, the course root and SMM Lab's working folder are covered by
  empty read-only file systems, and ``/tmp``, ``/var/tmp``, ``/dev/shm`` by fresh private
  ones; only what the kernel needs is shown again inside them (the Python installation, the
  virtual environment, the ``sandbox`` package, the kernel's folder). On top of that the
  course's private folders are ``0700`` and the gradebook ``0600``, owned by root;
- **with limits**: address space (memory), CPU seconds, size of any file written, number of
  processes; the grader adds a time limit per cell and per notebook and caps the output.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import PRIVATE_DIRS, PRIVATE_FILES

LAUNCHER = Path(__file__).with_name("kernel_launcher.py")
"""The script that starts kernels inside the jail."""

HIDDEN_EMPTY = ("/root", "/home", "/run", "/srv", "/mnt", "/media")
"""Covered by an empty read-only file system in the kernel's view."""

HIDDEN_PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
"""Replaced by a fresh, private, size-limited temporary file system."""

ENV_PASSED = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "NBGRADER_VALIDATING")
"""Environment variables the kernel keeps from the grader (everything else is dropped)."""


@dataclass
class Limits:
    """Resource limits for one grading kernel.

    Attributes:
        memory_mb: Address-space limit (an allocation beyond it raises ``MemoryError``).
        cpu_seconds: CPU time the kernel may use in total (0: the notebook time limit + 30 s).
        file_mb: Largest file the kernel may write.
        processes: Processes and threads the grading user may have at once.
        tmp_mb: Size of the kernel's private ``/tmp``.
        files_mb: Total size of the assignment files copied into the kernel's folder.
    """

    memory_mb: int = 3072
    cpu_seconds: int = 0
    file_mb: int = 64
    processes: int = 256
    tmp_mb: int = 64
    files_mb: int = 100

    def launcher_limits(self, notebook_timeout: float) -> dict[str, int]:
        """Return the limits in the launcher's units.

        Args:
            notebook_timeout: The notebook's time limit in seconds.

        Returns:
            A dict for ``kernel_launcher.set_limits``.
        """
        cpu = self.cpu_seconds or int(notebook_timeout) + 30
        return {
            "memory_bytes": self.memory_mb * 1024 * 1024,
            "cpu_seconds": cpu,
            "file_bytes": self.file_mb * 1024 * 1024,
            "processes": self.processes,
        }


def lock_private_paths(course_root: str | Path) -> list[Path]:
    """Make the course's private folders ``0700`` and gradebook files ``0600`` (owner only).

    Args:
        course_root: The course root.

    Returns:
        The paths whose permissions were tightened.
    """
    root = Path(course_root)
    changed = []
    for name in PRIVATE_DIRS:
        path = root / name
        if path.is_dir() and not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) != 0o700:
            path.chmod(0o700)
            changed.append(path)
    for name in PRIVATE_FILES:
        path = root / name
        if path.is_file() and not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(0o600)
            changed.append(path)
    return changed


def _inside(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def python_paths() -> list[str]:
    """Return the folders the kernel's Python needs: installation, environment, packages.

    Returns:
        Real (symlink-free) paths.
    """
    import sandbox

    wanted = [sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(sys.executable)]
    wanted.append(str(Path(sandbox.__file__).resolve().parent))
    wanted += site.getsitepackages()
    wanted.append(str(Path(os.path.realpath(sys.executable)).parent.parent))
    wanted += [p for p in sys.path if p and os.path.isdir(p)]
    return sorted({os.path.realpath(p) for p in wanted})


def plan_mounts(kernel_dir: str, private: list[str]) -> dict[str, list]:
    """Return what the kernel's mount namespace hides and shows again.

    Args:
        kernel_dir: The kernel's own folder (shown again, writable by the grading user).
        private: Folders and files that stay hidden even if a shown path contains them (the
            course root, SMM Lab's working folder); they are covered last.

    Returns:
        ``{"hide": [{"path", "writable"}...], "expose": [...], "hide_private": [...]}`` for
        the launcher.
    """
    kernel_real = os.path.realpath(kernel_dir)
    private_real = sorted({os.path.realpath(p) for p in private if p})
    hide = [{"path": p, "writable": False} for p in HIDDEN_EMPTY]
    hide += [{"path": p, "writable": True} for p in HIDDEN_PRIVATE_TMP]
    hidden_roots = [h["path"] for h in hide]
    expose = set()
    for path in [*python_paths(), kernel_real]:
        if path != kernel_real and any(_inside(path, p) for p in private_real):
            continue
        if any(_inside(path, h) for h in hidden_roots):
            expose.add(path)
    outer = sorted(p for p in expose if not any(q != p and _inside(p, q) for q in expose))
    return {"hide": hide, "expose": outer, "hide_private": private_real}


@dataclass
class KernelFolder:
    """The folders of one grading kernel.

    Attributes:
        root: The kernel's folder (owned by the grading user): connection file, sockets,
            ``home/``, ``tmp/`` and ``work/`` (its working directory).
        private: A root-only folder for the launcher's config and the kernel's exit record.
    """

    root: Path
    private: Path
    owner: tuple[int, int] | None = None
    chowned: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, owner: tuple[int, int] | None) -> KernelFolder:
        """Create the folders; with an owner, the kernel's folder is the grading user's.

        Args:
            owner: ``(uid, gid)`` of the grading user, or None without isolation.

        Returns:
            The folders.
        """
        root = Path(tempfile.mkdtemp(prefix="smmlab-k-"))
        private = Path(tempfile.mkdtemp(prefix="smmlab-p-"))
        folder = cls(root, private, owner)
        for sub in ("home", "tmp", "work", "home/.matplotlib"):
            (root / sub).mkdir(mode=0o700)
        # matplotlib's font list, so that a kernel does not spend seconds rebuilding it
        cache = Path(os.environ.get("MPLCONFIGDIR") or Path.home() / ".cache" / "matplotlib")
        for font_list in sorted(cache.glob("fontlist-*.json"))[-1:]:
            shutil.copyfile(font_list, root / "home" / ".matplotlib" / font_list.name)
        if owner is not None:
            for dirpath, dirnames, filenames in os.walk(root):
                for name in [".", *dirnames, *filenames]:
                    os.chown(os.path.join(dirpath, name), *owner, follow_symlinks=False)
        return folder

    @property
    def connection_file(self) -> Path:
        """The kernel's connection file (the launcher hands it to the grading user)."""
        return self.root / "kernel.json"

    @property
    def config_file(self) -> Path:
        """The launcher's config."""
        return self.private / "launcher.json"

    @property
    def exit_file(self) -> Path:
        """Where the launcher records how the kernel ended."""
        return self.private / "exit.json"

    def copy_files(self, source_dir: str | Path | None, limit_mb: int) -> list[str]:
        """Copy the assignment's data files (regular files, no notebooks) into ``work/``.

        Args:
            source_dir: The folder of the notebook being graded.
            limit_mb: Stop copying beyond this total size.

        Returns:
            Relative paths of the files copied.
        """
        copied: list[str] = []
        if not source_dir or not os.path.isdir(source_dir):
            return copied
        budget = limit_mb * 1024 * 1024
        work = self.root / "work"
        for dirpath, dirnames, filenames in os.walk(source_dir, followlinks=False):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
            for name in sorted(filenames):
                src = Path(dirpath) / name
                if name.endswith(".ipynb") or name.startswith(".") or name == "timestamp.txt":
                    continue
                st = src.lstat()
                if not stat.S_ISREG(st.st_mode) or st.st_size > budget:
                    continue
                rel = src.relative_to(source_dir)
                dest = work / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest, follow_symlinks=False)
                budget -= st.st_size
                copied.append(str(rel))
        if self.owner is not None:
            for dirpath, dirnames, filenames in os.walk(work):
                for name in dirnames + filenames:
                    os.chown(Path(dirpath) / name, *self.owner, follow_symlinks=False)
        return copied

    def write_config(self, config: dict) -> Path:
        """Write the launcher's config (root-only).

        Args:
            config: The config.

        Returns:
            Its path.
        """
        fd = os.open(self.config_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(config, fh)
        return self.config_file

    def read_exit(self) -> dict | None:
        """Return the launcher's record of how the kernel ended, if it wrote one.

        Returns:
            The record, or None.
        """
        try:
            return json.loads(self.exit_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def remove(self) -> None:
        """Delete both folders (never following links the kernel may have left)."""
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.rmtree(self.private, ignore_errors=True)


def kernel_environment(folder: KernelFolder, student_id: str | None) -> dict[str, str]:
    """Return the kernel's environment: a short allow-list, never the grader's secrets.

    Args:
        folder: The kernel's folders.
        student_id: The owner of the submission (exported as ``SMM_LAB_STUDENT_ID``).

    Returns:
        The environment.
    """
    home = str(folder.root / "home")
    env = {
        "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": home,
        "TMPDIR": str(folder.root / "tmp"),
        "IPYTHONDIR": os.path.join(home, ".ipython"),
        "MPLCONFIGDIR": os.path.join(home, ".matplotlib"),
        "JUPYTER_CONFIG_DIR": os.path.join(home, ".jupyter"),
        "JUPYTER_DATA_DIR": os.path.join(home, ".local", "share", "jupyter"),
        "JUPYTER_RUNTIME_DIR": os.path.join(home, ".local", "share", "jupyter", "runtime"),
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",
        "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8",
    }
    for key in ENV_PASSED:
        if key in os.environ:
            env[key] = os.environ[key]
    if student_id:
        env["SMM_LAB_STUDENT_ID"] = student_id
    return env
