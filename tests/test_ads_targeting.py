"""Targeting specs, audience estimates, custom audiences, lookalikes and the errors a learner meets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import INTERESTS, SandboxInputError, World
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.params import CUSTOMER_MATCH_RATE, MIN_CUSTOM_AUDIENCE, MIN_DELIVERABLE_AUDIENCE


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=3, size=20_000)


@pytest.fixture(scope="module")
def ads(world) -> AdsManager:
    return AdsManager(world)


def _raises(field: str, fn, *args, **kw) -> str:
    with pytest.raises(SandboxInputError) as info:
        fn(*args, **kw)
    assert info.value.parameter == field, (
        f"error names {info.value.parameter!r}, expected {field!r}: {info.value}"
    )
    assert str(info.value).startswith(f"{field}: ")
    return str(info.value)


# --- errors that teach ---------------------------------------------------------------------


def test_min_age_above_max_age_names_the_field_and_the_fix():
    msg = _raises(
        "age_min", Targeting, platforms=["pixa"], countries=["United States"], age_min=40, age_max=30
    )
    assert "age_max" in msg and "at most" in msg


@pytest.mark.parametrize(("field", "kw"), [("age_min", {"age_min": 12}), ("age_max", {"age_max": 70})])
def test_ages_outside_13_to_65_are_refused(field, kw):
    msg = _raises(field, Targeting, platforms=["pixa"], countries=["United States"], **kw)
    assert "13" in msg and "65" in msg


def test_unknown_interest_and_platform_list_the_allowed_values():
    msg = _raises("interests", Targeting, platforms=["pixa"], interests=["Coffee"])
    assert "'coffee'" in msg and "Did you mean 'coffee'" in msg
    msg = _raises("platforms", Targeting, platforms=["instagram"])
    assert "'pixa'" in msg and "'linkup'" in msg
    _raises("platforms", Targeting, platforms=[])
    _raises("placements", Targeting, platforms=["pixa"], placements=["right_rail"])
    _raises("genders", Targeting, platforms=["pixa"], genders=["other"])


def test_unknown_city_country_and_job_are_refused_with_suggestions(ads, world):
    city = ads.panel.brand_city
    msg = _raises("cities", ads.estimate, Targeting(platforms=["pixa"], cities=[city[:-1]]))
    assert repr(city) in msg, "a near miss should suggest the real city"
    msg = _raises("countries", ads.estimate, Targeting(platforms=["pixa"], countries=["Atlantis"]))
    assert "'United States'" in msg
    _raises("countries", ads.estimate, Targeting(platforms=["pixa"]))
    msg = _raises(
        "jobs", ads.estimate, Targeting(platforms=["linkup"], countries=["United States"], jobs=["Wizard"])
    )
    assert "world.people['job']" in msg


def test_budget_and_schedule_errors_name_the_field(ads, world):
    camp = AdsManager(world).create_campaign("errors")
    spec = Targeting(platforms=["pixa"], countries=["United States"])
    for bad in (0, -5, float("nan"), "ten"):
        msg = _raises("daily_budget", camp.create_ad_set, f"s{bad}", spec, daily_budget=bad)
    assert "more than 0" in _raises("daily_budget", camp.create_ad_set, "neg", spec, daily_budget=-1)
    assert "more than 0" in _raises(
        "lifetime_budget", camp.create_ad_set, "z", spec, lifetime_budget=0, end="2026-03-09"
    )
    msg = _raises("end", camp.create_ad_set, "lt", spec, lifetime_budget=100)
    assert "end date" in msg
    _raises(
        "daily_budget",
        camp.create_ad_set,
        "both",
        spec,
        daily_budget=10,
        lifetime_budget=100,
        end="2026-03-09",
    )
    _raises("hours", camp.create_ad_set, "h", spec, daily_budget=10, hours=[9, 10])
    _raises("hours", camp.create_ad_set, "h2", spec, lifetime_budget=50, end="2026-03-09", hours=[25])
    _raises("end", camp.create_ad_set, "e", spec, daily_budget=10, start="2026-03-09", end="2026-03-05")
    _raises("start", camp.create_ad_set, "st", spec, daily_budget=10, start="2025-01-01")
    _raises("bid_cap", camp.create_ad_set, "bc", spec, daily_budget=10, bid_strategy="bid_cap")
    _raises("bid_cap", camp.create_ad_set, "bc2", spec, daily_budget=10, bid_cap=-1)
    _raises("objective", AdsManager(world).create_campaign, "x", objective="likes")
    camp.create_ad_set("ok", spec, daily_budget=10)
    _raises("name", camp.create_ad_set, "ok", spec, daily_budget=10)


def test_empty_audience_is_an_error_naming_targeting(world):
    ads = AdsManager(world)
    camp = ads.create_campaign("c")
    # teenagers on the professional network: the platform has no members under 18
    spec = Targeting(platforms=["linkup"], countries=["United States"], age_min=13, age_max=16)
    assert ads.estimate(spec).size == 0
    msg = _raises("targeting", camp.create_ad_set, "teens", spec, daily_budget=10)
    assert "empty" in msg and "Widen" in msg


def test_creative_errors_name_the_field(world):
    ads = AdsManager(world)
    aset = ads.create_campaign("c").create_ad_set(
        "s", Targeting(platforms=["beacon"], countries=["United States"]), daily_budget=10
    )
    assert "text" in _raises("format", aset.create_ad, "a", Creative(format="image"))
    _raises("text_length", aset.create_ad, "b", Creative(format="text", text_length=300))
    _raises("cta", Creative, cta="buy")
    _raises("visual_fit", Creative, visual_fit=1.5)
    _raises("ads", ads.run)


# --- estimates ---------------------------------------------------------------------------------


def _nested_specs(ads: AdsManager) -> list[tuple[Targeting, Targeting]]:
    """Pairs (spec, narrower spec) built along every dimension."""
    city = ads.panel.brand_city
    base = {"platforms": ["pixa", "circles"], "countries": ["United States"]}
    visitors = ads.audiences.get("nest-v") or ads.create_custom_audience("nest-v", "site_visitors", days=180)
    v30 = ads.audiences.get("nest-v30") or ads.create_custom_audience("nest-v30", "site_visitors", days=30)
    lal10 = ads.audiences.get("nest-l10") or ads.create_lookalike("nest-l10", visitors, percent=10)
    lal2 = ads.audiences.get("nest-l2") or ads.create_lookalike("nest-l2", visitors, percent=2)
    rng = np.random.default_rng(0)  # test-side choice of specs only
    pairs = [
        (Targeting(**base), Targeting(**{**base, "platforms": ["pixa"]})),
        (Targeting(**base), Targeting(**base, age_min=25, age_max=44)),
        (Targeting(**base, age_min=20), Targeting(**base, age_min=21)),
        (Targeting(**base), Targeting(**base, genders=["female"])),
        (Targeting(**base, cities=[city]), Targeting(**{**base, "countries": []}, cities=[city])),
        (Targeting(**base, interests=["coffee", "books"]), Targeting(**base, interests=["coffee"])),
        (Targeting(**base), Targeting(**base, placements=["feed"])),
        (Targeting(**base, custom_audiences=[visitors]), Targeting(**base, custom_audiences=[v30])),
        (Targeting(**base, custom_audiences=[lal10]), Targeting(**base, custom_audiences=[lal2])),
        (Targeting(**base), Targeting(**base, exclude=[visitors])),
        (Targeting(**base, exclude=[v30]), Targeting(**base, exclude=[visitors])),
    ]
    for _ in range(12):
        ints = list(rng.choice(INTERESTS, size=4, replace=False))
        lo, hi = sorted(rng.integers(13, 66, size=2).tolist())
        wide = Targeting(**base, interests=ints, age_min=lo, age_max=hi)
        narrow = Targeting(
            platforms=["pixa"],
            countries=["United States"],
            interests=ints[:2],
            age_min=lo,
            age_max=max(lo, hi - 5),
        )
        pairs.append((wide, narrow))
    return pairs


def test_narrowing_a_spec_never_grows_the_audience_estimate(ads):
    for wide, narrow in _nested_specs(ads):
        a, b = ads.estimate(wide), ads.estimate(narrow)
        assert b.size <= a.size, (wide.describe(), narrow.describe(), a.size, b.size)
        assert b.low <= a.low and b.high <= a.high
        for p, n in b.by_platform.items():
            assert n <= a.by_platform[p]


def test_estimate_counts_real_people_and_shows_a_range(ads, world):
    spec = Targeting(platforms=["pixa"], countries=["United States"])
    est = ads.estimate(spec)
    members = world.people.query("country == 'United States' and age >= 18 and on_pixa")
    assert est.panel_people == len(members)
    assert est.size == pytest.approx(len(members) * ads.panel.scale, rel=1e-6)
    assert est.low <= est.size <= est.high
    assert "Estimated audience" in str(est)


def test_estimate_warns_too_narrow_small_custom_audience_and_overlap(world):
    ads = AdsManager(world)
    v30 = ads.create_custom_audience("v30", "site_visitors", days=30)
    crm = ads.create_custom_audience("few", "customer_list", customers=ads.customer_export().head(40))
    assert crm.size < MIN_CUSTOM_AUDIENCE
    narrow = ads.estimate(
        Targeting(platforms=["beacon"], countries=["United States"], custom_audiences=[crm])
    )
    assert narrow.status == "too narrow"
    assert any("too narrow" in w for w in narrow.warnings)
    assert any("under the minimum" in w for w in narrow.warnings)
    assert narrow.size < MIN_DELIVERABLE_AUDIENCE
    broad = Targeting(platforms=["pixa"], countries=["United States"])
    camp = ads.create_campaign("c")
    camp.create_ad_set("broad", broad, daily_budget=20)
    overlapping = Targeting(platforms=["pixa"], countries=["United States"], interests=["coffee"])
    est = ads.estimate(overlapping)
    assert any("overlaps" in w and "'broad'" in w for w in est.warnings)
    separate = ads.estimate(Targeting(platforms=["chirp"], countries=["United States"]))
    assert not any("overlaps" in w for w in separate.warnings)
    table = ads.overlap()
    assert table.loc["broad", "broad"] == 1.0
    assert v30.size >= MIN_CUSTOM_AUDIENCE


# --- custom audiences and lookalikes --------------------------------------------------------------


def test_site_visitor_windows_nest_and_come_from_the_brand(ads, world):
    sizes = [
        ads.audiences.get(f"w{d}") or ads.create_custom_audience(f"w{d}", "site_visitors", days=d)
        for d in (30, 60, 90, 180)
    ]
    for a, b in zip(sizes, sizes[1:], strict=False):
        assert set(a.person_ids) <= set(b.person_ids)
        assert a.size < b.size
    followers = set(world.brand_followers.query("brand_id == 0")["person_id"])
    members = set(sizes[-1].person_ids)
    # followers visit far more often than the average person
    share_followers = len(members & followers) / len(followers)
    share_all = len(members) / world.size
    assert share_followers > 5 * share_all
    _raises("days", ads.create_custom_audience, "bad", "site_visitors", days=45)


def test_customer_list_matches_at_the_match_rate_and_is_deterministic(world):
    ads = AdsManager(world)
    export = ads.customer_export()
    assert list(export.columns) == ["customer_id", "name", "email", "city"]
    by_email = ads.create_custom_audience("crm", "customer_list", customers=export)
    assert by_email.size == pytest.approx(len(export) * CUSTOMER_MATCH_RATE, rel=0.35)
    again = AdsManager(world).create_custom_audience(
        "crm", "customer_list", customers=export["email"].tolist()
    )
    assert np.array_equal(by_email.person_ids, again.person_ids)
    ids = AdsManager(world).create_custom_audience("ids", "customer_list", customers=list(range(0, 2000)))
    assert 0.45 * 2000 < ids.size < 0.75 * 2000
    _raises("customers", ads.create_custom_audience, "empty", "customer_list", customers=[])
    _raises("customers", ads.create_custom_audience, "none", "customer_list")
    _raises(
        "customers", ads.create_custom_audience, "badcol", "customer_list", customers=pd.DataFrame({"x": [1]})
    )


def test_lookalike_resembles_its_seed_and_leaves_the_seed_out(ads, world):
    seed = ads.audiences.get("lal-seed") or ads.create_custom_audience("lal-seed", "site_visitors", days=180)
    lal = ads.create_lookalike("lal-1", seed, percent=1)
    country = ads.panel.brand_country
    in_country = int((world.people["country"] == country).sum())
    assert len(lal.person_ids) == pytest.approx(0.01 * in_country, rel=0.02)
    panel = ads.panel
    coffee = 1 << INTERESTS.index("coffee")
    share = lambda ids: float(((panel.interest_mask[ids] & coffee) != 0).mean())  # noqa: E731
    everyone = np.flatnonzero(panel.country_code == panel.countries.index(country))
    assert share(lal.person_ids) > 1.5 * share(everyone)
    assert set(lal.excluded_ids) <= set(seed.person_ids)
    _raises("percent", ads.create_lookalike, "lal-bad", seed, percent=11)
    tiny = ads.create_custom_audience("tiny", "customer_list", customers=[1, 2, 3])
    _raises("seed", ads.create_lookalike, "lal-tiny", tiny)
