"""nbgrader configuration for JupyterLab started at the repository root (``scripts/setup.sh``).

It points the nbgrader extensions in JupyterLab (formgrader, assignment list, validate) at the
SMM Lab course in ``graders/``; the settings themselves are in ``sandbox/grading/config.py``.
"""

import os

from sandbox.grading.config import configure

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file
configure(c, os.path.join(os.path.dirname(os.path.abspath(__file__)), "graders"))
