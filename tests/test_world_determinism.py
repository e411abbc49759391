"""One seed, one world: the same arguments give the same tables, byte for byte, in any process.

Run as a script (``python tests/test_world_determinism.py SEED SIZE``) this module prints the
sha256 digests of every table of a world and of a plan's results, as JSON; the tests run it
in separate processes and compare.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import faker.generator
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sandbox import World
from sandbox.columns import TABLES

ROOT = Path(__file__).resolve().parents[1]
SEED = 11
SIZE = 3_000
LOCALES = ("en_US", "ru_RU")
PLAN_TABLES = ("plan.posts", "plan.daily", "plan.comments", "plan.factors", "plan.plan")


def sample_plan(world: World) -> list[dict[str, Any]]:
    """Return a plan that touches every part of the model (formats, rubrics, CTAs, a trend)."""
    day = world.start_date
    trends = world.trends
    live = trends[(trends["peak"] >= day + pd.Timedelta(days=1)) & (trends["peak"] < world.period_end)]
    trend = live.iloc[0]
    h = pd.Timedelta(hours=1)
    return [
        {"platform": "pixa", "time": day + 25 * h, "format": "carousel", "topic": "coffee"},
        {
            "platform": "pixa",
            "time": day + 43 * h,
            "format": "story",
            "rubric": "commercial",
            "cta": "shop_now",
        },
        {
            "platform": "loop",
            "time": day + 64 * h,
            "rubric": "contest",
            "cta": "comment_below",
            "hashtags": 4,
        },
        {"platform": "circles", "time": day + 82 * h, "format": "poll", "text_length": 900},
        {"platform": "chirp", "time": day + 106 * h, "format": "image", "rubric": "entertaining"},
        {"platform": "beacon", "time": day + 141 * h, "rubric": "contest", "hashtags": 0},
        {"platform": "linkup", "time": day + 154 * h, "rubric": "contest", "cta": "comment_below"},
        {
            "platform": "linkup",
            "time": day + 178 * h,
            "format": "carousel",
            "hashtags": 20,
            "cta": "learn_more",
        },
        {
            "platform": trend["platforms"].split(", ")[0],
            "time": pd.Timestamp(trend["peak"]).floor("h"),
            "trend_id": trend["trend_id"],
            "topic": trend["topic"],
        },
        *(
            {"platform": "loop", "time": day + pd.Timedelta(days=d, hours=16), "rubric": "contest"}
            for d in range(8, 15)
        ),
    ]


def world_frames(world: World) -> dict[str, pd.DataFrame]:
    """Return every table of the world and of the sample plan's result, by name."""
    frames = {name: getattr(world, name) for name in TABLES}
    result = world.run_plan(sample_plan(world))
    frames.update(
        {
            "plan.posts": result.posts,
            "plan.daily": result.daily,
            "plan.comments": result.comments,
            "plan.factors": result.factors,
            "plan.plan": result.plan,
        }
    )
    return frames


def digest(df: pd.DataFrame) -> str:
    """Return the sha256 of a frame's dtypes and CSV text."""
    text = repr([(str(c), str(t)) for c, t in df.dtypes.items()]) + "\n" + df.to_csv()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def world_digests(seed: int, size: int) -> dict[str, dict[str, str]]:
    """Build the world in each locale and return the digests of all its frames."""
    return {
        locale: {
            name: digest(df) for name, df in world_frames(World(seed=seed, size=size, locale=locale)).items()
        }
        for locale in LOCALES
    }


# --- same seed, same tables -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def frames_by_locale(small_world: World, small_world_ru: World) -> dict[str, dict[str, pd.DataFrame]]:
    return {"en_US": world_frames(small_world), "ru_RU": world_frames(small_world_ru)}


@pytest.mark.parametrize("locale", LOCALES)
def test_same_seed_gives_identical_tables(locale: str, frames_by_locale) -> None:
    """A second world with the same arguments, built lazily in the opposite order, is identical."""
    again = World(seed=SEED, size=SIZE, locale=locale)
    # touch the tables in reverse order, so that lazy building cannot depend on what came first
    reversed_frames = {name: getattr(again, name) for name in reversed(list(TABLES))}
    frames = world_frames(again)
    first = frames_by_locale[locale]
    assert set(first) == set(TABLES) | set(PLAN_TABLES)
    for name, df in first.items():
        assert len(df) > 0, f"{name} is empty in the test world; the comparison would prove nothing"
        assert_frame_equal(frames[name], df, check_exact=True, obj=f"{locale} {name}")
        if name in reversed_frames:
            assert_frame_equal(reversed_frames[name], df, check_exact=True, obj=f"{locale} {name} (reversed)")


def test_same_plan_twice_gives_identical_results(small_world: World) -> None:
    plan = sample_plan(small_world)
    a, b = small_world.run_plan(plan), small_world.run_plan(plan)
    for name in ("posts", "daily", "comments", "factors", "followers"):
        assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True, obj=name)


def test_what_if_without_changes_reproduces_the_run(small_world: World) -> None:
    result = small_world.run_plan(sample_plan(small_world))
    again = result.what_if(int(result.plan["post_id"].iloc[2]))
    for name in ("posts", "daily", "comments", "factors"):
        assert_frame_equal(getattr(again, name), getattr(result, name), check_exact=True, obj=name)


def test_identical_across_processes(frames_by_locale) -> None:
    """Two fresh interpreters with different hash seeds print the digests this process computes."""
    here = {
        locale: {name: digest(df) for name, df in frames.items()}
        for locale, frames in frames_by_locale.items()
    }
    procs = []
    for hash_seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        procs.append(
            subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), str(SEED), str(SIZE)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"the digest subprocess failed:\n{err}"
        outputs.append(json.loads(out))
    first, second = outputs
    for locale in LOCALES:
        for name in here[locale]:
            assert first[locale][name] == here[locale][name], f"{locale} {name} differs in a new process"
            assert second[locale][name] == first[locale][name], f"{locale} {name} differs between processes"


def test_different_seeds_give_different_worlds(small_world: World) -> None:
    other = World(seed=SEED + 1, size=SIZE)
    for name in TABLES:
        if name == "platforms":  # the platform archetypes are the same in every world
            assert_frame_equal(other.platforms, small_world.platforms)
            continue
        assert not getattr(other, name).equals(getattr(small_world, name)), (
            f"{name} did not change with the seed"
        )
    assert (other.people["name"] != small_world.people["name"]).mean() > 0.9
    plan = sample_plan(small_world)
    mine, theirs = small_world.run_plan(plan).posts, other.run_plan(plan).posts
    assert not mine["reach"].equals(theirs["reach"])


def test_the_locale_changes_the_names(small_world: World, small_world_ru: World) -> None:
    en, ru = small_world.people, small_world_ru.people
    assert (en["name"] != ru["name"]).all()
    assert not small_world.comments["text"].equals(small_world_ru.comments["text"])


# --- no global random state --------------------------------------------------------------------------


def _global_states() -> bytes:
    return pickle.dumps(
        (random.getstate(), np.random.get_state(legacy=False), faker.generator.random.getstate())
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_building_and_running_leave_global_random_state_alone(locale: str) -> None:
    random.seed(1234)
    np.random.seed(1234)
    faker.generator.random.seed(1234)
    before = _global_states()
    world = World(seed=3, size=500, locale=locale).build()
    result = world.run_plan(sample_plan(world))
    result.what_if(0, rubric="contest")
    world.explain(int(world.posts["post_id"].iloc[0]))
    result.explain(0)
    world.activity(world.audience("you", "pixa"), "pixa")
    assert _global_states() == before, "the sandbox drew from (or reseeded) a global random generator"


NUMPY_GLOBAL_OK = {"default_rng", "Generator", "SeedSequence", "PCG64", "BitGenerator"}


def test_sandbox_source_never_uses_global_random() -> None:
    """No module imports ``random``, calls ``np.random.<function>`` or seeds Faker's class."""
    problems = []
    for path in sorted((ROOT / "sandbox").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names]
                module = getattr(node, "module", None) or ""
                if "random" in names or module == "random" or module.startswith("numpy.random"):
                    problems.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} imports the global random module"
                    )
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
                inner = node.value
                if (
                    inner.attr == "random"
                    and isinstance(inner.value, ast.Name)
                    and inner.value.id in {"np", "numpy"}
                    and node.attr not in NUMPY_GLOBAL_OK
                ):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno} uses np.random.{node.attr}")
            if isinstance(node, ast.Attribute) and node.attr == "seed" and isinstance(node.value, ast.Name):
                if node.value.id == "Faker":
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno} seeds Faker's shared random")
    assert not problems, "\n".join(problems)


if __name__ == "__main__":
    print(json.dumps(world_digests(int(sys.argv[1]), int(sys.argv[2]))))
