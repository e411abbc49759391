"""nbgrader configuration of the SMM Lab course (this folder is the course root).

The settings live in ``sandbox/grading/config.py``; see README, "For instructors".
"""

import os

from sandbox.grading.config import configure

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file
configure(c, os.path.dirname(os.path.abspath(__file__)))
