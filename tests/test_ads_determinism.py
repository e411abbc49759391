"""Ads are deterministic from the world's seed: same results twice, in another process, and
an ad set's luck is its own."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from sandbox import World
from sandbox.ads import AdsManager, Creative, Targeting

SCRIPT = textwrap.dedent(
    """
    import hashlib, sys
    import pandas as pd
    from sandbox import World
    from sandbox.ads import AdsManager, Creative, Targeting

    def run(world):
        ads = AdsManager(world)
        panel = ads.panel
        visitors = ads.create_custom_audience("visitors", "site_visitors", days=90)
        lal = ads.create_lookalike("lal", visitors, percent=2)
        camp = ads.create_campaign("spring", objective="traffic")
        a = camp.create_ad_set("city", Targeting(platforms=["pixa", "circles"], cities=[panel.brand_city]),
                               daily_budget=20, end="2026-03-12")
        a.create_ad("one", Creative(format="image", visual_fit=0.7))
        a.create_ad("two", Creative(format="carousel", headline="Hello"))
        b = camp.create_ad_set("lookalike", Targeting(platforms=["loop"], countries=[panel.brand_country],
                               custom_audiences=[lal]), lifetime_budget=150, end="2026-03-09", hours=range(10, 22))
        b.create_ad("v", Creative(format="short_video"))
        c = ads.create_campaign("retarget", objective="sales").create_ad_set(
            "visitors", Targeting(platforms=["pixa"], countries=[panel.brand_country], custom_audiences=[visitors]),
            daily_budget=10, end="2026-03-12", bid_cap=30)
        c.create_ad("offer", Creative(format="carousel", cta="shop_now"))
        return ads.run()

    def digest(res):
        h = hashlib.sha256()
        for t in (res.daily, res.ad_sets, res.ads, res.platforms, res.hourly, res.frequency, res.conversions):
            h.update(pd.util.hash_pandas_object(t, index=True).to_numpy().tobytes())
        return h.hexdigest()

    if __name__ == "__main__":
        print(digest(run(World(seed=int(sys.argv[1]), size=6_000))))
    """
)


def _load():
    ns: dict = {}
    exec(compile(SCRIPT, "ads_script", "exec"), ns)  # the same code the subprocess runs
    return ns


def test_same_world_same_campaigns_same_results_twice_and_in_another_process(tmp_path):
    ns = _load()
    first = ns["digest"](ns["run"](World(seed=21, size=6_000)))
    second = ns["digest"](ns["run"](World(seed=21, size=6_000)))
    assert first == second
    path = tmp_path / "ads_script.py"
    path.write_text(SCRIPT)
    out = subprocess.run([sys.executable, str(path), "21"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == first
    other = ns["digest"](ns["run"](World(seed=22, size=6_000)))
    assert other != first


def _two_sets(world: World, budget_b: float) -> pd.DataFrame:
    ads = AdsManager(world)
    panel = ads.panel
    camp = ads.create_campaign("c")
    a = camp.create_ad_set(
        "pixa set",
        Targeting(platforms=["pixa"], cities=[panel.brand_city]),
        daily_budget=20,
        end="2026-03-10",
    )
    a.create_ad("a", Creative())
    b = camp.create_ad_set(
        "chirp set",
        Targeting(platforms=["chirp"], cities=[panel.brand_city]),
        daily_budget=budget_b,
        end="2026-03-10",
    )
    b.create_ad("b", Creative(format="text"))
    return ads.run().daily


def test_a_what_if_on_one_ad_set_leaves_another_ad_sets_luck_alone():
    """Doubling one ad set's budget changes nothing for an ad set that shares no auctions with it."""
    w = World(seed=23, size=6_000)
    base = _two_sets(w, 10.0)
    changed = _two_sets(w, 20.0)
    keep = base["ad_set"] == "pixa set"
    pd.testing.assert_frame_equal(
        base[keep].reset_index(drop=True), changed[changed["ad_set"] == "pixa set"].reset_index(drop=True)
    )
    assert not base[~keep]["spend"].equals(changed[changed["ad_set"] == "chirp set"]["spend"])


def test_running_twice_on_one_manager_gives_the_same_results():
    w = World(seed=24, size=4_000)
    ads = AdsManager(w)
    aset = ads.create_campaign("c").create_ad_set(
        "s", Targeting(platforms=["pixa"], countries=["United States"]), daily_budget=15, end="2026-03-06"
    )
    aset.create_ad("a", Creative())
    r1, r2 = ads.run(), ads.run()
    pd.testing.assert_frame_equal(r1.daily, r2.daily)
    pd.testing.assert_frame_equal(r1.conversions, r2.conversions)
    digest = hashlib.sha256(pd.util.hash_pandas_object(r1.ad_sets).to_numpy().tobytes()).hexdigest()
    assert len(digest) == 64


@pytest.mark.parametrize("until", ["2026-03-04"])
def test_run_until_stops_early(until):
    w = World(seed=24, size=4_000)
    ads = AdsManager(w)
    aset = ads.create_campaign("c").create_ad_set(
        "s", Targeting(platforms=["pixa"], countries=["United States"]), daily_budget=15
    )
    aset.create_ad("a", Creative())
    res = ads.run(until=until)
    assert res.daily["date"].max() == pd.Timestamp(until)
    assert len(res.daily) == 3
