"""Benchmark the paid side: a 30-day campaign with 5 ad sets over a 1M-person world.

Prints the world's build time (not part of the target), the campaign's wall time, the ad
auctions (impression opportunities) its audiences offered per second of simulation, the
person-platform cell-days evaluated per second, and the peak memory (traced in a second,
untimed run; tracing slows numpy down). As a baseline measured
in the same run, the same campaign runs on a classroom world (20,000 people) first.

Target (issue 3): the 1M-person campaign in under 10 s.

Usage::

    .venv/bin/python benchmarks/bench_ads.py            # 1M people
    .venv/bin/python benchmarks/bench_ads.py --size 200000
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

import pandas as pd

from sandbox import World
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.taxonomy import NICHES


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_campaign(world: World) -> AdsManager:
    ads = AdsManager(world)
    panel = ads.panel
    spec = NICHES[world.niche]
    country = panel.brand_country
    end = world.start_date + pd.Timedelta(days=29)
    visitors = ads.create_custom_audience("visitors 180d", "site_visitors", days=180)
    lookalike = ads.create_lookalike("lookalike 3%", visitors, percent=3)
    prospect = ads.create_campaign("prospecting", objective="traffic")
    broad = prospect.create_ad_set(
        "broad 18-44",
        Targeting(platforms=["pixa", "circles"], countries=[country], age_min=18, age_max=44),
        daily_budget=300,
        end=end,
    )
    interests = prospect.create_ad_set(
        "interests video",
        Targeting(platforms=["loop"], countries=[country], interests=list(spec.core_interests)),
        daily_budget=120,
        end=end,
    )
    similar = prospect.create_ad_set(
        "lookalike daytime",
        Targeting(platforms=["pixa"], countries=[country], custom_audiences=[lookalike], exclude=[visitors]),
        lifetime_budget=2500,
        end=end,
        hours=range(8, 22),
    )
    sales = ads.create_campaign("retargeting", objective="sales")
    retarget = sales.create_ad_set(
        "site visitors",
        Targeting(platforms=["pixa", "circles"], countries=[country], custom_audiences=[visitors]),
        daily_budget=60,
        end=end,
    )
    leads = ads.create_campaign("professionals", objective="leads")
    pros = leads.create_ad_set(
        "linkup 25-55",
        Targeting(
            platforms=["linkup"], countries=[country], age_min=25, age_max=55, interests=["business", "tech"]
        ),
        daily_budget=150,
        end=end,
        bid_cap=60,
        budget_changes={world.start_date + pd.Timedelta(days=14): 220},
    )
    for aset, fmt in ((broad, "image"), (interests, "short_video"), (similar, "carousel")):
        aset.create_ad("a", Creative(format=fmt, headline="New this week", visual_fit=0.7))
        aset.create_ad("b", Creative(format=fmt, headline="Come and see", cta="get_offer", visual_fit=0.5))
    retarget.create_ad("offer", Creative(format="carousel", headline="Still thinking?", cta="shop_now"))
    pros.create_ad("lead", Creative(format="image", headline="Free trial", cta="sign_up", visual_fit=0.8))
    return ads


def run(size: int, seed: int) -> dict[str, float]:
    t0 = time.perf_counter()
    world = World(seed=seed, size=size)
    world._history()  # people, brands and public history (needed for the custom audiences)
    t_world = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    ads = build_campaign(world)
    t_setup, c_setup = time.perf_counter() - t1, time.process_time() - c1
    t2, c2 = time.perf_counter(), time.process_time()
    res = ads.run()
    t_run, c_run = time.perf_counter() - t2, time.process_time() - c2
    # memory: a second, traced run (tracing slows numpy down, so it is not timed)
    tracemalloc.start()
    ads.run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    spend = float(res.ad_sets["spend"].sum())
    return {
        "size": size,
        "world_s": t_world,
        "setup_s": t_setup,
        "run_s": t_run,
        "setup_cpu": c_setup,
        "run_cpu": c_run,
        "opportunities": res.opportunities,
        "cell_days": res.cell_days,
        "peak_traced_mb": peak / 2**20,
        "rss_mb": rss_mb(),
        "spend": spend,
        "impressions": int(res.ad_sets["impressions"].sum()),
        "purchases": int(res.ad_sets["purchases"].sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    base = run(20_000, args.seed)
    big = run(args.size, args.seed)
    for r in (base, big):
        print(
            f"{r['size']:>9,} people: world {r['world_s']:.1f} s (not timed); campaign set-up "
            f"{r['setup_s']:.2f} s wall / {r['setup_cpu']:.2f} s CPU; 30-day run {r['run_s']:.2f} s wall / "
            f"{r['run_cpu']:.2f} s CPU; {r['opportunities'] / 1e6:,.0f}M impression opportunities "
            f"({r['opportunities'] / r['run_s'] / 1e6:,.0f}M/s wall), {r['cell_days'] / 1e6:,.1f}M cell-days "
            f"({r['cell_days'] / r['run_s'] / 1e6:,.1f}M/s); spend ${r['spend']:,.0f}, "
            f"{r['impressions']:,} impressions, {r['purchases']:,} purchases"
        )
    total = big["setup_s"] + big["run_s"]
    total_cpu = big["setup_cpu"] + big["run_cpu"]
    print(
        f"set-up + run of the {big['size']:,}-person campaign: {total:.2f} s wall, {total_cpu:.2f} s CPU "
        f"(target < 10 s); peak memory traced during the run {big['peak_traced_mb']:,.0f} MB, "
        f"process peak RSS {big['rss_mb']:,.0f} MB"
    )
    base_total = base["setup_s"] + base["run_s"]
    base_cpu = base["setup_cpu"] + base["run_cpu"]
    print(
        f"ratio to the classroom world (baseline, same run): {big['size'] / base['size']:.0f}x people, "
        f"{total / base_total:.1f}x wall time, {total_cpu / base_cpu:.1f}x CPU time"
    )


if __name__ == "__main__":
    main()
