"""Run a README.md example as written: the first Python block under a given heading."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example(heading: str) -> str:
    """Return the code of the first ```python block after ``heading`` in README.md."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    start = section.index("```python") + len("```python")
    return section[start : section.index("```", start)]


def run_readme_example(heading: str) -> tuple[dict, str]:
    """Execute the example under ``heading``; return its namespace and what it printed."""
    ns: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(heading), f"README.md ({heading})", "exec"), ns)  # noqa: S102
    return ns, out.getvalue()
