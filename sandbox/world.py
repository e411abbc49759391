"""``World``: one seed, one simulated social network, its brands and their history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .brands import build_brands
from .comments import build_comments
from .engagement import AudienceProfile, audience_profile
from .errors import SandboxInputError, check_choice, check_date, check_positive_int
from .graph import build_follows, build_influencers, build_popularity, choose_influencers
from .history import generate_history_posts
from .params import PLATFORMS
from .people import ROLE_ORDER, PeopleArrays, build_people, interest_matrix
from .plan import PlanResult, Post, normalise_plan
from .platforms import platforms_table, weekly_activity
from .taxonomy import LOCALES, NICHES, WEEKDAYS
from .timeline import run_days
from .trends import build_trends

MIN_SIZE = 500
MAX_SIZE = 5_000_000


class World:
    """A simulated social network built from one seed.

    Everything in a world (people, follows, brands, post histories, comments, trends, and
    the results of any plan you run) is drawn from ``seed``: the same arguments give the
    same world, byte for byte, in any process. Tables are built the first time you use them.

    Args:
        seed: The one number that drives every random draw.
        niche: Your brand's niche: one of ``sandbox.NICHES``.
        size: Number of people (at least 500; 20,000 is classroom size).
        locale: ``"en_US"`` or ``"ru_RU"``: names, jobs, cities and comment language.
        start_date: First day you plan for; history covers the days before it.
        history_days: Days of public post history before ``start_date`` (at least 90).
        horizon_days: Days after ``start_date`` a plan may cover.
        competitors: Number of competitor brands (3 to 9).
        brand_name: Your brand's name (generated when None).

    Raises:
        SandboxInputError: For any argument outside its allowed values.

    Example:
        >>> from sandbox import World
        >>> world = World(seed=7, niche="coffee_shop", size=2_000)
        >>> world.brands["name"].iloc[0] == world.you
        True
    """

    def __init__(
        self,
        seed: int = 0,
        niche: str = "coffee_shop",
        size: int = 20_000,
        locale: str = "en_US",
        start_date: str | pd.Timestamp = "2026-03-02",
        history_days: int = 90,
        horizon_days: int = 56,
        competitors: int = 4,
        brand_name: str | None = None,
    ) -> None:
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise SandboxInputError("seed", f"must be a whole number of 0 or more, got {seed!r}.")
        self.seed = int(seed)
        self.niche = check_choice("niche", niche, NICHES)
        self.locale = check_choice("locale", locale, LOCALES)
        self.size = check_positive_int("size", size, minimum=MIN_SIZE)
        if self.size > MAX_SIZE:
            raise SandboxInputError("size", f"at most {MAX_SIZE:,} people, got {size:,}.")
        self.history_days = check_positive_int("history_days", history_days, minimum=90)
        if self.history_days > 730:
            raise SandboxInputError("history_days", f"at most 730 days, got {history_days}.")
        self.horizon_days = check_positive_int("horizon_days", horizon_days, minimum=1)
        if self.horizon_days > 365:
            raise SandboxInputError("horizon_days", f"at most 365 days, got {horizon_days}.")
        n_comp = check_positive_int("competitors", competitors, minimum=3)
        if n_comp > 9:
            raise SandboxInputError("competitors", f"from 3 to 9, got {competitors}.")
        self.competitors = n_comp
        self.start_date = check_date("start_date", start_date, example="2026-03-02")
        if brand_name is not None and (not isinstance(brand_name, str) or not brand_name.strip()):
            raise SandboxInputError("brand_name", "must be a non-empty text, or None for a generated name.")
        self._brand_name = brand_name.strip() if brand_name else None
        self._cache: dict[str, Any] = {}

    # --- periods ------------------------------------------------------------------------
    @property
    def history_start(self) -> pd.Timestamp:
        """First day of the public post history."""
        return self.start_date - pd.Timedelta(days=self.history_days)

    @property
    def period_end(self) -> pd.Timestamp:
        """Moment after the last time a plan may publish."""
        return self.start_date + pd.Timedelta(days=self.horizon_days)

    # --- building blocks ------------------------------------------------------------------
    def _people(self) -> tuple[pd.DataFrame, PeopleArrays, np.ndarray]:
        if "people" not in self._cache:
            people, arrays = build_people(self.seed, self.size, self.locale, self.niche)
            popularity = build_popularity(self.seed, arrays)
            infl = choose_influencers(arrays, popularity)
            people["role"] = pd.array(np.array(ROLE_ORDER, dtype=object)[arrays.role_code], dtype="str")
            self._cache["people"] = (people, arrays, popularity)
            self._cache["influencer_ids"] = infl
        return self._cache["people"]

    @property
    def platforms(self) -> pd.DataFrame:
        """The platform archetypes (``sandbox.columns.PLATFORM_COLUMNS``)."""
        if "platforms" not in self._cache:
            self._cache["platforms"] = platforms_table()
        return self._cache["platforms"].copy()

    @property
    def people(self) -> pd.DataFrame:
        """Everyone in the world, one row per person (``sandbox.columns.PEOPLE_COLUMNS``)."""
        people = self._people()[0]
        if "followers" not in people.columns:
            follows = self.follows
            people["followers"] = np.bincount(follows["followee_id"], minlength=self.size)
            people["following"] = np.bincount(follows["follower_id"], minlength=self.size)
        return people.copy()

    @property
    def follows(self) -> pd.DataFrame:
        """Who follows whom on which platform (``sandbox.columns.FOLLOW_COLUMNS``)."""
        if "follows" not in self._cache:
            _, arrays, popularity = self._people()
            self._cache["follows"] = build_follows(self.seed, arrays, popularity)
        return self._cache["follows"]

    @property
    def influencers(self) -> pd.DataFrame:
        """Influencers in tiers, with fake-follower shares and prices."""
        if "influencers" not in self._cache:
            people, arrays, _ = self._people()
            self._cache["influencers"] = build_influencers(
                self.seed, self.locale, arrays, self._cache["influencer_ids"], self.follows, people
            )
        return self._cache["influencers"].copy()

    def _brands(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
        if "brands" not in self._cache:
            _, arrays, _ = self._people()
            self._cache["brands"] = build_brands(
                self.seed, self.niche, self.competitors, arrays, self._brand_name
            )
        return self._cache["brands"]

    @property
    def brands(self) -> pd.DataFrame:
        """Your brand (``is_you``) and its competitors (``sandbox.columns.BRAND_COLUMNS``)."""
        return self._brands()[0].copy()

    @property
    def you(self) -> str:
        """Your brand's name."""
        return str(self._brands()[0]["name"].iloc[0])

    @property
    def accounts(self) -> pd.DataFrame:
        """Each brand's account on each platform, with followers at ``start_date``."""
        self._history()
        return self._cache["accounts"].copy()

    @property
    def brand_followers(self) -> pd.DataFrame:
        """The people following each brand account when the history starts."""
        return self._brands()[2].copy()

    @property
    def trends(self) -> pd.DataFrame:
        """Trends of the whole period, with start, peak and end (``TREND_COLUMNS``)."""
        if "trends" not in self._cache:
            self._cache["trends"] = build_trends(
                self.seed, self.history_start, self.history_days + self.horizon_days
            )
        return self._cache["trends"].copy()

    def _profiles(self) -> dict[tuple[int, str], AudienceProfile]:
        if "profiles" not in self._cache:
            people, arrays, _ = self._people()
            followers = self._brands()[2]
            weekend = people["weekend_factor"].to_numpy()
            profiles = {}
            inter = interest_matrix(arrays.interest_mask)
            is_bot = arrays.role_code == ROLE_ORDER.index("bot")
            for (b, p), g in followers.groupby(["brand_id", "platform"]):
                ids = g["person_id"].to_numpy()
                profiles[(int(b), str(p))] = audience_profile(
                    str(p), arrays.shift[ids], weekend[ids], inter[ids], is_bot[ids]
                )
            users = {s: int(people[f"on_{s}"].sum()) for s in PLATFORMS}
            for (_, p), prof in profiles.items():
                prof.pool = users[p]
            self._cache["profiles"] = profiles
        return self._cache["profiles"]

    def _quality(self) -> dict[int, float]:
        b = self._brands()[0]
        return dict(zip(b["brand_id"].astype(int), b["content_quality"].astype(float), strict=True))

    def _history(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        if "history" not in self._cache:
            brands, accounts, _, styles = self._brands()
            planned = generate_history_posts(
                self.seed, self.niche, styles, self.trends, self.history_start, self.history_days
            )
            start = {
                (int(b), str(p)): int(f)
                for b, p, f in zip(
                    accounts["brand_id"], accounts["platform"], accounts["followers"], strict=True
                )
            }
            posts, factors, daily = run_days(
                planned,
                start,
                self._profiles(),
                self._quality(),
                self.trends,
                self.seed,
                "history",
                self.history_start,
                self.history_days,
                day_by_day=False,
            )
            posts = posts.rename(columns={"uid": "post_id"})
            posts["uid"] = posts["post_id"]
            names = dict(zip(brands["brand_id"], brands["name"], strict=True))
            posts.insert(2, "brand", pd.array(posts["brand_id"].map(names), dtype="str"))
            factors.index = posts["post_id"].to_numpy()
            end = daily[daily["date"] == daily["date"].max()].set_index(["brand_id", "platform"])
            acc = accounts.copy()
            acc["followers"] = [
                int(end.loc[(b, p), "followers_end"])
                for b, p in zip(acc["brand_id"], acc["platform"], strict=True)
            ]
            self._cache["accounts"] = acc
            daily.insert(2, "brand", pd.array(daily["brand_id"].map(names), dtype="str"))
            self._cache["history"] = (posts, factors, daily)
        return self._cache["history"]

    @property
    def posts(self) -> pd.DataFrame:
        """Every brand's public posts before ``start_date``, with outcomes (``POST_COLUMNS``)."""
        return self._history()[0].drop(columns=["uid"]).copy()

    @property
    def history_daily(self) -> pd.DataFrame:
        """Daily figures per brand account over the history (``DAILY_COLUMNS``)."""
        return self._history()[2].copy()

    @property
    def comments(self) -> pd.DataFrame:
        """Comments on the history's posts, with ground-truth labels (``COMMENT_COLUMNS``)."""
        if "comments" not in self._cache:
            people, arrays, _ = self._people()
            brands = self._brands()[0]
            self._cache["comments"] = build_comments(
                self._history()[0],
                arrays,
                self._brands()[2],
                dict(zip(brands["brand_id"], brands["name"], strict=True)),
                self.niche,
                self.locale,
                self.seed,
                "history",
            )
        return self._cache["comments"].copy()

    # --- learner tools ------------------------------------------------------------------------
    def brand_id(self, brand: int | str) -> int:
        """Return a brand's id from its id, its name, or ``"you"``.

        Args:
            brand: Brand id, brand name, or ``"you"``.

        Returns:
            The brand id.

        Raises:
            SandboxInputError: If no brand matches.
        """
        b = self._brands()[0]
        if isinstance(brand, str):
            if brand.lower() == "you":
                return 0
            hit = b.index[b["name"] == brand]
            if len(hit):
                return int(b.loc[hit[0], "brand_id"])
            check_choice("brand", brand, ["you", *b["name"].tolist()])
        if isinstance(brand, int | np.integer) and 0 <= int(brand) < len(b):
            return int(brand)
        raise SandboxInputError("brand", f"no brand {brand!r}; use 'you', a name, or an id 0-{len(b) - 1}.")

    def audience(self, brand: int | str = "you", platform: str | None = None) -> pd.DataFrame:
        """Return the people who follow a brand (on one platform, or on any).

        Args:
            brand: ``"you"``, a competitor's name, or a brand id.
            platform: A platform slug, or None for all platforms.

        Returns:
            Rows of ``people`` with a ``platform`` column saying where they follow the brand.
        """
        bid = self.brand_id(brand)
        f = self._brands()[2]
        f = f[f["brand_id"] == bid]
        if platform is not None:
            check_choice("platform", platform, PLATFORMS)
            f = f[f["platform"] == platform]
        people = self.people
        out = people.iloc[f["person_id"].to_numpy()].copy()
        out.insert(1, "platform", f["platform"].to_numpy())
        return out.reset_index(drop=True)

    def activity(
        self, people: pd.DataFrame | Iterable[int] | None = None, platform: str = "pixa"
    ) -> pd.DataFrame:
        """Return when a group of people is online: relative activity by weekday and hour.

        Args:
            people: A people DataFrame (or person ids); None for everyone on the platform.
            platform: Platform slug.

        Returns:
            A 7 x 24 DataFrame (rows Mon..Sun, columns hours 0..23); 1.0 is the group's
            average, 2.0 twice as many online as on average.
        """
        check_choice("platform", platform, PLATFORMS)
        table, arrays, _ = self._people()
        if people is None:
            ids = np.flatnonzero(table[f"on_{platform}"].to_numpy())
        elif isinstance(people, pd.DataFrame):
            if "person_id" not in people.columns:
                raise SandboxInputError("people", "needs a 'person_id' column (use rows of world.people).")
            ids = people["person_id"].to_numpy()
        else:
            ids = np.asarray(list(people))
        if ids.size == 0:
            raise SandboxInputError("people", "is empty; select at least one person.")
        if not np.issubdtype(ids.dtype, np.integer) or ids.min() < 0 or ids.max() >= self.size:
            raise SandboxInputError(
                "people",
                f"person ids must be whole numbers from 0 to {self.size - 1} (use rows or ids of "
                f"world.people), got {ids[:3].tolist()}{' ...' if ids.size > 3 else ''}.",
            )
        ids = ids.astype(np.int64)
        prof = audience_profile(
            platform,
            arrays.shift[ids],
            table["weekend_factor"].to_numpy()[ids],
            np.zeros((ids.size, 1), dtype=bool),
            np.zeros(ids.size, dtype=bool),
        )
        df = pd.DataFrame(np.round(prof.activity, 3), index=list(WEEKDAYS), columns=range(24))
        df.index.name = "weekday"
        df.columns.name = "hour"
        return df

    def platform_activity(self, platform: str) -> pd.DataFrame:
        """Return a platform's built-in rhythm (before personal differences), 7 x 24.

        Args:
            platform: Platform slug.

        Returns:
            Relative activity by weekday (rows) and hour (columns), mean 1.
        """
        check_choice("platform", platform, PLATFORMS)
        return pd.DataFrame(weekly_activity(PLATFORMS[platform]), index=list(WEEKDAYS), columns=range(24))

    def run_plan(
        self, plan: pd.DataFrame | Iterable[Post | Mapping[str, Any]], progress: bool | None = None
    ) -> PlanResult:
        """Run your content plan day by day and return what happened.

        Args:
            plan: A DataFrame (columns in ``sandbox.plan.PLAN_COLUMNS``; ``platform`` and
                ``time`` required) or a list of ``Post`` objects or dicts.
            progress: Show a progress bar over the days (None: only for plans of 1,000 posts
                or more).

        Returns:
            A ``PlanResult`` with ``posts``, ``daily``, ``followers``, ``comments`` and
            ``explain(post_id)``.

        Raises:
            SandboxInputError: For a plan with bad values, naming the column and the fix.
        """
        clean = normalise_plan(
            plan,
            default_topic=NICHES[self.niche].core_interests[0],
            period_start=self.start_date,
            period_end=self.period_end,
            trend_ids=self.trends["trend_id"],
        )
        self._history()
        acc = self._cache["accounts"]
        mine = acc[acc["brand_id"] == 0]
        start = {(0, str(p)): int(f) for p, f in zip(mine["platform"], mine["followers"], strict=True)}
        planned = clean.rename(columns={"post_id": "uid"}).assign(brand_id=0)
        posts, factors, daily = run_days(
            planned,
            start,
            self._profiles(),
            self._quality(),
            self.trends,
            self.seed,
            "plan",
            self.start_date,
            self.horizon_days,
            progress=progress,
        )
        posts = posts.rename(columns={"uid": "post_id"})
        posts["uid"] = posts["post_id"]
        posts.insert(2, "brand", pd.array([self.you] * len(posts), dtype="str"))
        factors.index = posts["post_id"].to_numpy()
        people, arrays, _ = self._people()
        brands = self._brands()[0]
        comments = build_comments(
            posts,
            arrays,
            self._brands()[2],
            dict(zip(brands["brand_id"], brands["name"], strict=True)),
            self.niche,
            self.locale,
            self.seed,
            "plan",
        )
        return PlanResult(self, clean, posts.drop(columns=["uid"]), daily, comments, factors)

    def explain(self, post_id: int) -> Any:
        """Explain a history post's result: the factors that produced it, in words and numbers.

        Args:
            post_id: Id of a post in ``world.posts``.

        Returns:
            An ``Explanation`` (prints as text; ``.factors`` is a DataFrame).
        """
        from .explain import explain_post

        posts, factors, _ = self._history()
        return explain_post(self, posts, factors, post_id)

    def build(self, progress: bool | None = None) -> World:
        """Build every table now instead of on first use (for timing and exports).

        Args:
            progress: Show a progress bar (None: only for worlds of 200,000 people or more).

        Returns:
            The world itself.
        """
        from .progress import BIG_WORLD
        from .progress import progress as bar

        steps = [
            ("people", lambda: self.people),
            ("influencers", lambda: self.influencers),
            ("trends", lambda: self.trends),
            ("brands and their history", lambda: self.posts),
            ("comments", lambda: self.comments),
        ]
        pbar = bar(len(steps), "building the world", progress, self.size >= BIG_WORLD)
        for name, step in steps:
            pbar.set_postfix_str(name)
            step()
            pbar.update(1)
        pbar.close()
        return self

    def __repr__(self) -> str:
        return (
            f"World(seed={self.seed}, niche={self.niche!r}, size={self.size:,}, locale={self.locale!r}, "
            f"start_date='{self.start_date.date()}', history_days={self.history_days}, "
            f"horizon_days={self.horizon_days}, competitors={self.competitors})"
        )
