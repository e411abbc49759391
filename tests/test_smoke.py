from sandbox import World


def test_readme_world_builds_and_runs_a_plan():
    world = World(seed=42, size=2_000)
    result = world.run_plan([{"platform": "pixa", "time": "2026-03-03 11:00"}])
    assert len(result.posts) == 1
    assert result.posts["reach"].iloc[0] >= 0
