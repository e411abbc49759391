import pandas as pd

from sandbox import World


def test_big_work_shows_a_progress_bar_and_small_work_stays_quiet(capsys):
    world = World(seed=5, size=1_000)
    world.build(progress=True)
    assert "building the world" in capsys.readouterr().err
    World(seed=5, size=1_000).build()  # small world: no bar by default
    assert "building the world" not in capsys.readouterr().err

    plan = pd.DataFrame(
        {"platform": "circles", "time": pd.date_range("2026-03-02 09:00", periods=1_000, freq="55min")}
    )
    result = world.run_plan(plan)  # 1,000 posts: a bar by default
    assert "running the plan" in capsys.readouterr().err
    assert len(result.posts) == 1_000
    world.run_plan(plan.head(3))
    assert "running the plan" not in capsys.readouterr().err
