"""SMM Lab sandbox: a seeded, glass-box simulated social network for practising SMM.

Start with ``World``::

    from sandbox import World
    world = World(seed=42, niche="coffee_shop")
    world.people.head()
"""

from .errors import SandboxInputError
from .explain import Explanation
from .params import PLATFORMS
from .plan import PLAN_COLUMNS, PlanResult, Post
from .seeding import seed_from_student_id
from .taxonomy import COMMENT_LABELS, CTAS, FORMATS, INTERESTS, LOCALES, NICHES, RUBRICS
from .world import World

__all__ = [
    "COMMENT_LABELS",
    "CTAS",
    "FORMATS",
    "INTERESTS",
    "LOCALES",
    "NICHES",
    "PLATFORMS",
    "PLAN_COLUMNS",
    "RUBRICS",
    "Explanation",
    "PlanResult",
    "Post",
    "SandboxInputError",
    "World",
    "seed_from_student_id",
]
__version__ = "0.1.0"
