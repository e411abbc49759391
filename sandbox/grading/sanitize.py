"""Repair a scratch copy of a submission so one broken notebook never stops a batch.

nbgrader grades a class in one run, and some broken submissions stop it for everyone after
them (a duplicated grade cell makes nbgrader raise ``SchemaTooOldError`` and abort). So before
grading, every submission is copied, never modified in place, and the copy is repaired
against the released student version of the assignment:

- unreadable files (malformed JSON, empty, not a notebook, too large) are left out and
  reported as ``unreadable``; what can be salvaged from a damaged notebook is rebuilt into a
  valid one;
- a notebook under another name (``00-welcome-exercise (1).ipynb``) is graded under the right
  name and reported as ``renamed``;
- duplicated grade cells lose their grading metadata except the last (nbgrader's own rule),
  cells with unknown ids lose it, and every graded cell gets back the released metadata
  (points, locked flag, schema version), so raised points or a stripped flag change nothing;
- read-only and test cells that were edited are put back; test cells that were deleted are
  put back where they belong; a cell whose metadata was stripped is recognised by its
  content and gets its metadata back;
- a garbage ``timestamp.txt`` is dropped (graded as on time) and reported;
- links and special files are never followed or copied.

Every repair is recorded as a note that ends up in the status report.
"""

from __future__ import annotations

import ast
import copy
import difflib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
"""Notebooks larger than this are not graded (``unreadable``)."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Other files larger than this are not copied."""

MAX_FILES = 200
"""At most this many other files are copied from a submission."""

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*\n?", re.M | re.S)


def strip_hidden_tests(source: str) -> str:
    """Return a test cell's source without its hidden-test regions.

    Args:
        source: Cell source.

    Returns:
        The source as a student copy has it.
    """
    return _HIDDEN.sub("", source)


def _normal(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


@dataclass
class RefCell:
    """A cell of the released student version that grading relies on."""

    grade_id: str
    index: int
    cell: NotebookNode

    @property
    def meta(self) -> dict[str, Any]:
        """The cell's nbgrader metadata."""
        return self.cell.metadata["nbgrader"]

    @property
    def locked(self) -> bool:
        """Whether the cell is read-only (tests and setup cells)."""
        return bool(self.meta.get("locked"))

    @property
    def is_grade(self) -> bool:
        """Whether the cell carries points."""
        return bool(self.meta.get("grade"))

    @property
    def is_solution(self) -> bool:
        """Whether the learner writes the answer in it."""
        return bool(self.meta.get("solution"))


@dataclass
class Reference:
    """The released version of one notebook: the cells that carry grading metadata, in order."""

    notebook: str
    cells: list[RefCell]

    @classmethod
    def from_file(cls, path: str | Path) -> Reference:
        """Read a released notebook.

        Args:
            path: The notebook in ``release/<assignment>/``.

        Returns:
            The reference.
        """
        nb = nbformat.read(str(path), as_version=4)
        cells = []
        for i, cell in enumerate(nb.cells):
            meta = cell.get("metadata", {}).get("nbgrader")
            if meta and meta.get("grade_id"):
                cells.append(RefCell(str(meta["grade_id"]), i, cell))
        return cls(Path(path).stem, cells)

    def by_id(self) -> dict[str, RefCell]:
        """Return the reference cells by grade id."""
        return {c.grade_id: c for c in self.cells}


@dataclass
class NotebookOutcome:
    """What sanitizing found for one expected notebook.

    Attributes:
        notebook: The notebook id nbgrader expects (file name without ``.ipynb``).
        state: ``ok``, ``renamed``, ``missing`` or ``unreadable``.
        source_file: The submitted file used, if any.
        notes: Repairs made and problems found, in words.
        notebook_student_id: The ``STUDENT_ID`` written in the notebook, if any.
    """

    notebook: str
    state: str = "ok"
    source_file: str | None = None
    notes: list[str] = field(default_factory=list)
    notebook_student_id: str | None = None


@dataclass
class SubmissionOutcome:
    """What sanitizing found for one student's submission of an assignment."""

    student: str
    assignment: str
    notebooks: dict[str, NotebookOutcome] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    timestamp: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-friendly dict."""
        return {
            "student": self.student,
            "assignment": self.assignment,
            "timestamp": self.timestamp,
            "notes": list(self.notes),
            "notebooks": {k: vars(v) for k, v in self.notebooks.items()},
        }


class UnreadableError(Exception):
    """A submitted file cannot be read as a notebook."""


# --- reading ----------------------------------------------------------------------------------
def _read_regular(path: Path, limit: int) -> bytes:
    """Read a regular file without following links; raise UnreadableError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableError(f"cannot be opened ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableError("is not a regular file")
        if st.st_size > limit:
            raise UnreadableError(f"is larger than {limit // (1024 * 1024)} MB")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    return data


def _as_source(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return None


def read_notebook(path: str | Path) -> tuple[NotebookNode, list[str]]:
    """Read a submitted notebook, rebuilding a valid one from whatever can be salvaged.

    Args:
        path: The file.

    Returns:
        The notebook (nbformat 4, no outputs) and notes on what had to be dropped.

    Raises:
        UnreadableError: If the file is empty, is not JSON, or holds no notebook cells.
    """
    data = _read_regular(Path(path), MAX_NOTEBOOK_BYTES)
    if not data.strip():
        raise UnreadableError("is empty")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnreadableError("is not text (UTF-8)") from None
    except json.JSONDecodeError as exc:
        raise UnreadableError(f"is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise UnreadableError("is JSON but not a notebook")
    if raw.get("nbformat") == 3 or "worksheets" in raw:
        try:
            raw = json.loads(nbformat.writes(nbformat.reads(data.decode("utf-8"), as_version=4)))
        except Exception:  # noqa: BLE001 - any failure means the old notebook cannot be read
            raise UnreadableError("is an old-format notebook that cannot be converted") from None
    cells = raw.get("cells")
    if not isinstance(cells, list):
        raise UnreadableError("is JSON but has no notebook cells")
    notes: list[str] = []
    rebuilt = []
    seen_ids: set[str] = set()
    for i, item in enumerate(cells):
        if not isinstance(item, dict):
            notes.append(f"cell {i} was not a cell and was dropped")
            continue
        kind = item.get("cell_type")
        source = _as_source(item.get("source", ""))
        if kind not in ("code", "markdown", "raw") or source is None:
            notes.append(f"cell {i} was damaged and was dropped")
            continue
        meta = item.get("metadata") if isinstance(item.get("metadata"), dict) else {}
        cell_id = item.get("id")
        if not isinstance(cell_id, str) or not cell_id or cell_id in seen_ids or len(cell_id) > 64:
            cell_id = f"cell-{i}"
        cell_id = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in cell_id)
        while cell_id in seen_ids:
            cell_id += "-x"
        seen_ids.add(cell_id)
        maker = {
            "code": nbformat.v4.new_code_cell,
            "markdown": nbformat.v4.new_markdown_cell,
            "raw": nbformat.v4.new_raw_cell,
        }[kind]
        cell = maker(source, id=cell_id)
        try:
            cell.metadata = from_dict(json.loads(json.dumps(meta)))
        except (TypeError, ValueError):
            notes.append(f"metadata of cell {i} was unreadable and was dropped")
        rebuilt.append(cell)
    if not rebuilt:
        raise UnreadableError("has no cells")
    nb = nbformat.v4.new_notebook(cells=rebuilt)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        raise UnreadableError(f"cannot be made into a valid notebook ({exc.message})") from None
    return nb, notes


# --- repairing --------------------------------------------------------------------------------
def _grade_id(cell: NotebookNode) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str):
        return meta["grade_id"]
    return None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _looks_like(cell: NotebookNode, ref: RefCell) -> bool:
    """Whether an unlabelled cell is the reference cell whose metadata was stripped."""
    if cell.cell_type != ref.cell.cell_type or not cell.source.strip():
        return False
    if ref.is_solution and cell.cell_type == "code":
        wanted = [ln.strip() for ln in ref.cell.source.splitlines() if ln.strip().startswith("def ")]
        return bool(wanted) and wanted[0] in cell.source
    if _first_line(cell.source) != _first_line(ref.cell.source):
        return False
    return difflib.SequenceMatcher(None, cell.source, ref.cell.source).quick_ratio() >= 0.6


def _ref_meta(ref: RefCell) -> dict[str, Any]:
    return copy.deepcopy(dict(ref.meta))


def repair(nb: NotebookNode, reference: Reference) -> list[str]:
    """Repair a submitted notebook's grading cells in place against the released version.

    Args:
        nb: The submitted notebook (read with ``read_notebook``).
        reference: The released version.

    Returns:
        Notes on every repair made.
    """
    notes: list[str] = []
    refs = reference.by_id()
    # 1. unknown or malformed grading metadata; duplicates keep only the last copy
    last_index: dict[str, int] = {}
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        gid = _grade_id(cell)
        if gid is None or gid not in refs:
            del cell.metadata["nbgrader"]
            if gid:
                notes.append(f"cell with unknown grade id {gid!r}: graded as an ordinary cell")
            continue
        last_index[gid] = i
    for i, cell in enumerate(nb.cells):
        gid = _grade_id(cell)
        if gid is not None and last_index.get(gid) != i:
            del cell.metadata["nbgrader"]
            cell.metadata.pop("editable", None)
            cell.metadata.pop("deletable", None)
            notes.append(f"duplicated cell {gid!r}: only the last copy is graded")
    # 2. cells whose metadata was stripped: recognise them by content
    present = {_grade_id(c) for c in nb.cells} - {None}
    for ref in reference.cells:
        if ref.grade_id in present:
            continue
        for cell in nb.cells:
            if _grade_id(cell) is None and _looks_like(cell, ref):
                cell.metadata["nbgrader"] = _ref_meta(ref)
                present.add(ref.grade_id)
                notes.append(f"cell {ref.grade_id!r} had lost its grading metadata: restored")
                break
    # 3. every graded cell gets the released metadata, type and (if read-only) source back
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid is None:
            continue
        ref = refs[gid]
        old = cell.metadata["nbgrader"]
        if ref.is_grade and old.get("points") != ref.meta.get("points"):
            notes.append(
                f"points of {gid!r} were changed to {old.get('points')!r}: "
                f"restored to {ref.meta.get('points')!r}"
            )
        cell.metadata["nbgrader"] = _ref_meta(ref)
        if ref.locked:
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
        if cell.cell_type != ref.cell.cell_type:
            notes.append(f"cell {gid!r} was turned into a {cell.cell_type} cell: restored")
            cell.cell_type = ref.cell.cell_type
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        if ref.locked and _normal(strip_hidden_tests(cell.source)) != _normal(ref.cell.source):
            kind = "test cell" if ref.is_grade else "read-only cell"
            notes.append(f"{kind} {gid!r} was edited: restored")
            cell.source = ref.cell.source
    # 4. read-only and test cells that were deleted go back after their predecessor
    present = {_grade_id(c) for c in nb.cells} - {None}
    for pos, ref in enumerate(reference.cells):
        if ref.grade_id in present or not ref.locked:
            continue
        insert_at = 0
        for prev in reversed(reference.cells[:pos]):
            if prev.grade_id in present:
                insert_at = next(i for i, c in enumerate(nb.cells) if _grade_id(c) == prev.grade_id) + 1
                break
        restored = copy.deepcopy(ref.cell)
        ids = {c.get("id") for c in nb.cells}
        while restored.get("id") in ids:
            restored["id"] = f"{restored['id']}-restored"
        if restored.cell_type == "code":
            restored.outputs, restored.execution_count = [], None
        nb.cells.insert(insert_at, restored)
        present.add(ref.grade_id)
        kind = "test cell" if ref.is_grade else "read-only cell"
        notes.append(f"{kind} {ref.grade_id!r} had been deleted: restored")
    missing_answers = [r.grade_id for r in reference.cells if r.grade_id not in present and r.is_solution]
    for gid in missing_answers:
        notes.append(f"answer cell {gid!r} is missing (the code may be in another cell)")
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    return notes


def notebook_student_id(nb: NotebookNode) -> str | None:
    """Return the text assigned to ``STUDENT_ID`` in the notebook (the last assignment), if any.

    Args:
        nb: A notebook.

    Returns:
        The id written by the learner, or None.
    """
    found = None
    for cell in nb.cells:
        if cell.cell_type != "code" or "STUDENT_ID" not in cell.source:
            continue
        try:
            tree = ast.parse(cell.source)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                if any(isinstance(t, ast.Name) and t.id == "STUDENT_ID" for t in node.targets):
                    if isinstance(node.value.value, str):
                        found = node.value.value.strip()
    return found


# --- a whole submission -----------------------------------------------------------------------
def _rename_candidate(
    expected: str, reference: Reference, files: list[Path], taken: set[str]
) -> tuple[Path, NotebookNode, list[str]] | None:
    wanted = {c.grade_id for c in reference.cells}
    best: tuple[float, Path, NotebookNode, list[str]] | None = None
    for path in files:
        if path.name in taken:
            continue
        try:
            nb, notes = read_notebook(path)
        except UnreadableError:
            continue
        ids = {_grade_id(c) for c in nb.cells} - {None}
        overlap = len(ids & wanted) / max(1, len(wanted))
        name = difflib.SequenceMatcher(None, path.stem.lower(), expected.lower()).ratio()
        score = overlap + 0.5 * name
        if (overlap > 0 or name >= 0.6) and (best is None or score > best[0]):
            best = (score, path, nb, notes)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _read_timestamp(folder: Path) -> tuple[str | None, str]:
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    if not os.path.lexists(path):
        return None, ""
    try:
        text = _read_regular(path, 1024).decode("utf-8").strip()
        parse_utc(text)
    except (UnreadableError, UnicodeDecodeError, ValueError, TypeError, OverflowError):
        return None, "timestamp unreadable: graded as on time"
    if not text:
        return None, "timestamp empty: graded as on time"
    return text, ""


def _copy_other_files(src: Path, dest: Path, skip: set[str], notes: list[str]) -> None:
    copied = 0
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(src)
            if str(rel) in skip or name.endswith(".ipynb") or name == "timestamp.txt":
                continue
            st = path.lstat()
            if stat.S_ISLNK(st.st_mode):
                notes.append(f"link {str(rel)!r} was ignored")
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES or copied >= MAX_FILES:
                notes.append(f"file {str(rel)!r} was not copied")
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_read_regular(path, MAX_FILE_BYTES))
            copied += 1


def sanitize_submission(
    submission_dir: str | Path,
    dest_dir: str | Path,
    references: dict[str, Reference],
    *,
    student: str,
    assignment: str,
) -> SubmissionOutcome:
    """Copy one submission into ``dest_dir`` and repair the copy; the original is only read.

    Args:
        submission_dir: ``submitted/<student>/<assignment>/``.
        dest_dir: Where the repaired copy goes (created; must not exist yet or be empty).
        references: Released notebooks of the assignment, by notebook id.
        student: The student id.
        assignment: The assignment name.

    Returns:
        What was found and repaired.
    """
    src = Path(submission_dir)
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    outcome = SubmissionOutcome(student, assignment)
    files = []
    if src.is_dir() and not src.is_symlink():
        files = sorted(p for p in src.iterdir() if p.suffix == ".ipynb" and not p.name.startswith("."))
    timestamp, note = _read_timestamp(src)
    if note:
        outcome.notes.append(note)
    if timestamp:
        (dest / "timestamp.txt").write_text(timestamp + "\n", encoding="utf-8")
        outcome.timestamp = timestamp
    used: set[str] = set()
    expected_names = {f"{nb_id}.ipynb" for nb_id in references}
    for nb_id in sorted(references):
        result = NotebookOutcome(nb_id)
        outcome.notebooks[nb_id] = result
        path = src / f"{nb_id}.ipynb"
        nb = None
        if os.path.lexists(path):
            used.add(path.name)
            result.source_file = path.name
            try:
                nb, notes = read_notebook(path)
                result.notes += notes
            except UnreadableError as exc:
                result.state = "unreadable"
                result.notes.append(f"{path.name} {exc}")
                continue
        else:
            extra = [p for p in files if p.name not in expected_names]
            found = _rename_candidate(nb_id, references[nb_id], extra, used)
            if found is None:
                result.state = "missing"
                unread = [p.name for p in extra if p.name not in used]
                result.notes.append(
                    f"{nb_id}.ipynb was not submitted"
                    + (f" (other notebooks found: {', '.join(unread)})" if unread else "")
                )
                continue
            rpath, nb, notes = found
            used.add(rpath.name)
            result.state = "renamed"
            result.source_file = rpath.name
            result.notes.append(f"graded {rpath.name!r} as {nb_id + '.ipynb'!r}")
            result.notes += notes
        result.notes += repair(nb, references[nb_id])
        result.notebook_student_id = notebook_student_id(nb)
        nbformat.write(nb, str(dest / f"{nb_id}.ipynb"))
    if src.is_dir() and not src.is_symlink():
        _copy_other_files(src, dest, used, outcome.notes)
    return outcome
