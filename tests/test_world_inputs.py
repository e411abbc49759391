"""Bad input is part of teaching: every mistake gets a SandboxInputError that names the
parameter and says what is allowed or how to fix it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox import CTAS, FORMATS, INTERESTS, LOCALES, NICHES, PLAN_COLUMNS, PLATFORMS, RUBRICS, World
from sandbox.errors import SandboxInputError

GOOD_TIME = "2026-03-03 11:00"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def input_error(call, *args: Any, **kwargs: Any) -> SandboxInputError:
    """Call and return the SandboxInputError it raises (fail if it raises nothing)."""
    with pytest.raises(SandboxInputError) as info:
        call(*args, **kwargs)
    return info.value


def assert_names(err: SandboxInputError, parameter: str, *fragments: str) -> None:
    """The error is about ``parameter`` and its message contains every fragment."""
    message = str(err)
    assert err.parameter == parameter, message
    assert message.startswith(f"{parameter}: "), message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def plan_error(world: World, rows: list[dict[str, Any]] | pd.DataFrame) -> SandboxInputError:
    return input_error(world.run_plan, rows)


def post(**changes: Any) -> dict[str, Any]:
    return {"platform": "pixa", "time": GOOD_TIME, **changes}


# --- World(...) ----------------------------------------------------------------------------------------

ALL_NICHES = tuple(repr(n) for n in NICHES)
AT_LEAST_500 = ("at least 500",)


@pytest.mark.parametrize(
    ("kwargs", "parameter", "fragments"),
    [
        ({"niche": "tea_house"}, "niche", ("'tea_house'", *ALL_NICHES)),
        ({"niche": None}, "niche", ALL_NICHES),
        ({"locale": "de_DE"}, "locale", ("'de_DE'", "'en_US'", "'ru_RU'")),
        ({"locale": "ru"}, "locale", ("'en_US'", "'ru_RU'")),
        ({"size": -1}, "size", AT_LEAST_500),
        ({"size": 0}, "size", AT_LEAST_500),
        ({"size": 100}, "size", AT_LEAST_500),
        ({"size": 499}, "size", AT_LEAST_500),
        ({"size": 2000.5}, "size", ("whole number", *AT_LEAST_500)),
        ({"size": "2000"}, "size", ("whole number", *AT_LEAST_500)),
        ({"size": float("nan")}, "size", ("whole number", *AT_LEAST_500)),
        ({"size": float("inf")}, "size", ("whole number", *AT_LEAST_500)),
        ({"size": 10_000_000}, "size", ("at most 5,000,000",)),
        ({"seed": -1}, "seed", ("whole number of 0 or more",)),
        ({"seed": 1.5}, "seed", ("whole number of 0 or more",)),
        ({"seed": "42"}, "seed", ("whole number of 0 or more",)),
        ({"seed": True}, "seed", ("whole number of 0 or more",)),
        ({"seed": None}, "seed", ("whole number of 0 or more",)),
        ({"competitors": 2}, "competitors", ("at least 3",)),
        ({"competitors": 10}, "competitors", ("from 3 to 9",)),
        ({"competitors": 3.5}, "competitors", ("whole number",)),
        ({"history_days": 89}, "history_days", ("at least 90",)),
        ({"history_days": 731}, "history_days", ("at most 730",)),
        ({"history_days": "90"}, "history_days", ("whole number",)),
        ({"horizon_days": 0}, "horizon_days", ("at least 1",)),
        ({"horizon_days": -7}, "horizon_days", ("at least 1",)),
        ({"horizon_days": 366}, "horizon_days", ("at most 365",)),
        ({"start_date": "2026-13-45"}, "start_date", ("'2026-13-45'", "'2026-03-02'")),
        ({"start_date": "soon"}, "start_date", ("'soon'", "'2026-03-02'")),
        ({"start_date": [2026, 3, 2]}, "start_date", ("'2026-03-02'",)),
        ({"start_date": None}, "start_date", ("missing", "'2026-03-02'")),
        ({"start_date": ""}, "start_date", ("'2026-03-02'",)),
        ({"brand_name": ""}, "brand_name", ("non-empty text",)),
        ({"brand_name": 7}, "brand_name", ("non-empty text",)),
    ],
)
def test_bad_world_arguments_name_the_parameter_and_the_fix(kwargs, parameter, fragments) -> None:
    assert_names(input_error(World, **kwargs), parameter, *fragments)


def test_a_near_miss_gets_a_did_you_mean() -> None:
    assert_names(input_error(World, niche="Coffee_Shop"), "niche", "Did you mean 'coffee_shop'?")


@pytest.mark.parametrize("size", [500, 2_000.0, np.int64(2_000), np.int32(600)])
def test_whole_numbers_of_any_kind_are_accepted_as_size(size) -> None:
    assert World(size=size).size == int(size)


def test_numpy_integer_seed_is_accepted() -> None:
    assert World(seed=np.int64(7), size=500).seed == 7


@FUZZ
@given(niche=st.text(max_size=20), locale=st.text(max_size=8))
def test_any_text_as_niche_or_locale_is_accepted_or_explained(niche: str, locale: str) -> None:
    try:
        World(niche=niche, locale=locale)
    except SandboxInputError as err:
        bad, allowed = ("niche", NICHES) if niche not in NICHES else ("locale", LOCALES)
        assert_names(err, bad, *(repr(a) for a in allowed))
    else:
        assert niche in NICHES and locale in LOCALES


ANYTHING = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.lists(st.integers(), max_size=2)
)


@FUZZ
@given(
    parameter=st.sampled_from(
        [
            "seed",
            "niche",
            "size",
            "locale",
            "start_date",
            "history_days",
            "horizon_days",
            "competitors",
            "brand_name",
        ]
    ),
    value=ANYTHING,
)
def test_any_value_for_any_world_argument_is_accepted_or_explained(parameter: str, value: Any) -> None:
    try:
        World(**{parameter: value})  # tables are built lazily, so this stays cheap
    except SandboxInputError as err:
        assert err.parameter == parameter, str(err)


# --- run_plan(...) -----------------------------------------------------------------------------------


def test_unknown_platform_lists_the_platforms(small_world: World) -> None:
    err = plan_error(small_world, [post(), post(platform="insta")])
    assert_names(err, "platform", "'insta'", "(row 1)", *(repr(p) for p in PLATFORMS))


@pytest.mark.parametrize(
    ("platform", "fmt"), [(p, f) for p, spec in PLATFORMS.items() for f in FORMATS if f not in spec.formats]
)
def test_a_format_the_platform_lacks_lists_its_formats(small_world: World, platform: str, fmt: str) -> None:
    err = plan_error(small_world, [post(platform=platform, format=fmt)])
    allowed = ", ".join(PLATFORMS[platform].formats)
    assert_names(err, "format", repr(fmt), PLATFORMS[platform].name, f"Allowed on {platform}: {allowed}")


@pytest.mark.parametrize(
    ("column", "value", "allowed"),
    [("rubric", "viral", RUBRICS), ("topic", "crypto", INTERESTS), ("cta", "buy_now", CTAS)],
)
def test_unknown_vocabulary_lists_the_allowed_values(small_world: World, column, value, allowed) -> None:
    err = plan_error(small_world, [post(**{column: value})])
    assert_names(err, column, repr(value), *(repr(a) for a in allowed))


def test_unknown_trend_points_to_world_trends(small_world: World) -> None:
    err = plan_error(small_world, [post(trend_id="T99")])
    assert_names(err, "trend_id", "'T99'", "world.trends", small_world.trends["trend_id"].iloc[0])


def test_unknown_column_lists_the_plan_columns(small_world: World) -> None:
    err = plan_error(small_world, [post(colour="red")])
    assert_names(err, "plan", "'colour'", *PLAN_COLUMNS)


@pytest.mark.parametrize("missing", ["platform", "time"])
def test_missing_required_column_is_named(small_world: World, missing: str) -> None:
    row = post()
    del row[missing]
    assert_names(plan_error(small_world, [row]), missing, f"no {missing!r} column")


@pytest.mark.parametrize("empty", [[], pd.DataFrame(), pd.DataFrame(columns=["platform", "time"])])
def test_empty_plan_says_add_a_post(small_world: World, empty) -> None:
    assert_names(plan_error(small_world, empty), "plan", "is empty", "at least one post")


@pytest.mark.parametrize("plan", ["pixa", None, 42, ["pixa"], [42], [("pixa", GOOD_TIME)]])
def test_a_plan_that_is_not_a_list_of_posts_is_explained(small_world: World, plan) -> None:
    assert_names(plan_error(small_world, plan), "plan", "dict")


@pytest.mark.parametrize(
    "when",
    [
        lambda w: w.start_date - pd.Timedelta(minutes=1),
        lambda w: w.history_start + pd.Timedelta(days=3),
        lambda w: w.period_end,
        lambda w: w.period_end + pd.Timedelta(days=30),
        lambda w: "9999-01-01 10:00",
        lambda w: "1900-01-01",
    ],
    ids=["just-before-start", "in-history", "at-period-end", "after-period-end", "year-9999", "year-1900"],
)
def test_times_outside_the_period_give_the_period(small_world: World, when) -> None:
    err = plan_error(small_world, [post(time=when(small_world))])
    assert_names(
        err, "time", "outside the simulated period", str(small_world.start_date), str(small_world.period_end)
    )


def test_first_and_last_allowed_moments_run(small_world: World) -> None:
    last = small_world.period_end - pd.Timedelta(minutes=1)
    result = small_world.run_plan([post(time=small_world.start_date), post(time=last)])
    assert len(result.posts) == 2


@pytest.mark.parametrize("when", ["next tuesday", "2026-02-30 10:00", "11:00 3rd of never", [2026, 3]])
def test_unreadable_time_shows_how_to_write_one(small_world: World, when) -> None:
    assert_names(plan_error(small_world, [post(time=when)]), "time", "'2026-03-03 11:00'")


def test_missing_time_in_a_row_is_named(small_world: World) -> None:
    assert_names(plan_error(small_world, [post(), post(time=None)]), "time", "missing", "(row 1)")


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_text_length_must_fit_the_platform(small_world: World, platform: str) -> None:
    longest = PLATFORMS[platform].max_chars
    for bad in (0, -5, longest + 1):
        err = plan_error(small_world, [post(platform=platform, text_length=bad)])
        assert_names(err, "text_length", f"from 1 to {longest}", platform, repr(bad))
    assert len(small_world.run_plan([post(platform=platform, text_length=longest)]).posts) == 1


@pytest.mark.parametrize("bad", [2.5, float("inf"), "long", True])
def test_text_length_must_be_a_whole_number(small_world: World, bad) -> None:
    assert_names(plan_error(small_world, [post(text_length=bad)]), "text_length", "whole number")


@pytest.mark.parametrize("bad", [-1, 31, 1.5, float("-inf"), "3"])
def test_hashtags_must_be_a_whole_number_from_0_to_30(small_world: World, bad) -> None:
    assert_names(plan_error(small_world, [post(hashtags=bad)]), "hashtags", "from 0 to 30", repr(bad))


def test_duplicate_post_ids_are_named(small_world: World) -> None:
    err = plan_error(small_world, [post(post_id=4), post(post_id=7), post(post_id=4)])
    assert_names(err, "post_id", "unique", "4 appears twice")


@pytest.mark.parametrize("bad", [-1, 2.5, "first", float("inf"), 2**70])
def test_post_id_must_be_a_whole_number(small_world: World, bad) -> None:
    assert_names(plan_error(small_world, [post(post_id=bad)]), "post_id", "whole number")


@FUZZ
@given(value=st.text(max_size=15))
def test_any_text_as_platform_is_accepted_or_explained(small_world: World, value: str) -> None:
    try:
        small_world.run_plan([post(platform=value)])
    except SandboxInputError as err:
        assert_names(err, "platform", *(repr(p) for p in PLATFORMS))
    else:
        assert value in PLATFORMS


@FUZZ
@given(platform=st.sampled_from(list(PLATFORMS)), fmt=st.sampled_from(FORMATS) | st.text(max_size=12))
def test_any_text_as_format_is_accepted_or_explained(small_world: World, platform: str, fmt: str) -> None:
    try:
        result = small_world.run_plan([post(platform=platform, format=fmt)])
    except SandboxInputError as err:
        assert_names(err, "format", f"Allowed on {platform}: {', '.join(PLATFORMS[platform].formats)}")
        assert fmt not in PLATFORMS[platform].formats
    else:
        assert result.posts["format"].iloc[0] == fmt


@FUZZ
@given(column=st.sampled_from(list(PLAN_COLUMNS)), value=ANYTHING)
def test_any_value_in_any_plan_column_is_accepted_or_explained(
    small_world: World, column: str, value
) -> None:
    row = post(**{column: value})
    try:
        result = small_world.run_plan([row])
    except SandboxInputError as err:
        assert err.parameter in (column, "plan"), str(err)
    else:
        assert len(result.posts) == 1


# --- results, what-if, explain ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_result(small_world: World):
    return small_world.run_plan([post(post_id=5), post(post_id=9, platform="loop", time="2026-03-04 16:00")])


def test_what_if_unknown_post_lists_the_plans_ids(small_result) -> None:
    assert_names(input_error(small_result.what_if, 7, hashtags=2), "post_id", "7", "5", "9")


def test_what_if_unknown_column_lists_what_can_change(small_result) -> None:
    err = input_error(small_result.what_if, 5, colour="red")
    assert_names(err, "changes", "colour", *(c for c in PLAN_COLUMNS if c != "post_id"))


def test_what_if_bad_value_is_checked_like_a_plan(small_result) -> None:
    assert_names(input_error(small_result.what_if, 5, format="text"), "format", "Allowed on pixa")


def test_explain_unknown_post_points_to_the_ids(small_world: World, small_result) -> None:
    assert_names(input_error(small_result.explain, 77), "post_id", "77", "'post_id' column")
    assert_names(input_error(small_world.explain, 10**9), "post_id", "'post_id' column")


# --- learner tools -------------------------------------------------------------------------------------


@pytest.mark.parametrize("people", [[], np.array([], dtype=int)])
def test_activity_of_nobody_is_explained(small_world: World, people) -> None:
    assert_names(input_error(small_world.activity, people), "people", "empty", "at least one person")


def test_activity_of_an_empty_selection_is_explained(small_world: World) -> None:
    nobody = small_world.people.query("age > 200")
    assert_names(input_error(small_world.activity, nobody), "people", "empty", "at least one person")


def test_activity_needs_person_ids(small_world: World) -> None:
    err = input_error(small_world.activity, pd.DataFrame({"age": [30]}))
    assert_names(err, "people", "'person_id'", "world.people")


@pytest.mark.parametrize("ids", [[10**6], [-1], ["someone"], [1.5]])
def test_activity_of_people_not_in_the_world_is_explained(small_world: World, ids) -> None:
    err = input_error(small_world.activity, ids)
    assert_names(err, "people", f"0 to {small_world.size - 1}")


def test_activity_unknown_platform_lists_platforms(small_world: World) -> None:
    err = input_error(small_world.activity, None, "insta")
    assert_names(err, "platform", *(repr(p) for p in PLATFORMS))


def test_audience_unknown_brand_lists_the_brands(small_world: World) -> None:
    names = small_world.brands["name"].tolist()
    assert_names(
        input_error(small_world.audience, "Nobody Coffee"), "brand", "'you'", *(repr(n) for n in names)
    )
    last = len(names) - 1
    for bad in (len(names), -1, 2.5):
        assert_names(input_error(small_world.audience, bad), "brand", "'you'", f"0-{last}")


def test_audience_unknown_platform_lists_platforms(small_world: World) -> None:
    err = input_error(small_world.audience, "you", "Pixa")
    assert_names(err, "platform", *(repr(p) for p in PLATFORMS), "Did you mean 'pixa'?")


def test_bad_input_errors_are_value_errors() -> None:
    """Code written against ValueError (the usual Python convention) still catches them."""
    assert issubclass(SandboxInputError, ValueError)
