"""Interactive tools for the paid-side lessons: a targeting builder and a budget planner.

``TargetingBuilder(world)`` lets you pick platforms, ages, genders, countries, cities and
interests and shows the audience-size estimate of ``AdsManager.estimate`` live, with its
status (too narrow, narrow, balanced, broad) and warnings. ``BudgetPlanner()`` turns a
registrations goal and the funnel's prices and rates into the clicks, impressions and budget
it needs, split across platforms, with a learning-phase check for each.

Controls are plain ipywidgets (ipywidgets 8, JupyterLab 4), so a test can set
``tool.controls["ages"].value`` and read ``tool.estimate`` or ``tool.summary.value``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd

from . import params as P  # noqa: N812
from .ads import AdsManager, AudienceEstimate, Targeting
from .ads_budget import budget_for_goal, learning_budget, split_budget
from .errors import SandboxInputError
from .taxonomy import INTERESTS, NICHES

if TYPE_CHECKING:
    from .world import World

GENDER_CHOICES: dict[str, tuple[str, ...]] = {
    "all": ("female", "male"),
    "women": ("female",),
    "men": ("male",),
}
"""The gender control's options and the genders each stands for."""

STATUS_COLOURS: dict[str, str] = {
    "too narrow": "#c0392b",
    "narrow": "#d68910",
    "balanced": "#1e8449",
    "broad": "#7f8c8d",
}
"""Colour of each estimate status in the builder."""

_WIDE = {"style": {"description_width": "80px"}, "layout": w.Layout(width="auto")}


def _usd(x: float) -> str:
    return f"${x:,.2f}" if math.isfinite(x) else "n/a"


def _gauge(size: float, broad: float) -> str:
    """Return an HTML bar placing an audience size on a log scale from 100 to the market."""
    lo, hi = math.log10(100), math.log10(max(broad / 0.3, 1000))

    def pos(x: float) -> float:
        return 100 * min(1.0, max(0.0, (math.log10(max(x, 1)) - lo) / (hi - lo)))

    zones = [
        (0, pos(P.MIN_DELIVERABLE_AUDIENCE), STATUS_COLOURS["too narrow"]),
        (pos(P.MIN_DELIVERABLE_AUDIENCE), pos(10 * P.MIN_DELIVERABLE_AUDIENCE), STATUS_COLOURS["narrow"]),
        (pos(10 * P.MIN_DELIVERABLE_AUDIENCE), pos(broad), STATUS_COLOURS["balanced"]),
        (pos(broad), 100, STATUS_COLOURS["broad"]),
    ]
    bars = "".join(
        f"<div style='position:absolute;left:{a:.1f}%;width:{b - a:.1f}%;height:10px;top:6px;"
        f"background:{c};opacity:0.35'></div>"
        for a, b, c in zones
    )
    marker = (
        f"<div style='position:absolute;left:calc({pos(size):.1f}% - 2px);width:4px;height:22px;"
        "top:0;background:#222'></div>"
    )
    labels = (
        "<div style='display:flex;justify-content:space-between;font-size:11px;color:#555'>"
        "<span>100 people</span><span>too narrow | narrow | balanced | broad</span>"
        f"<span>{broad / 0.3:,.0f} (the market)</span></div>"
    )
    return f"<div style='position:relative;height:22px;width:480px'>{bars}{marker}</div>{labels}"


class TargetingBuilder:
    """Build a targeting spec with controls and watch the audience-size estimate change.

    Dimensions combine with AND (each one narrows); the values picked inside one list combine
    with OR (more interests or cities widen). Picking no interest means "any interest".

    Args:
        source: A ``World`` or an ``AdsManager`` (its ad sets are checked for overlap).
        spec: A spec to start from (default: Pixa, the brand's city for local businesses or
            its country otherwise, ages 18-65, everyone).
        cities: How many of the world's most common cities to offer (the brand's city is
            always among them).

    Attributes:
        ads: The Ads Manager used for estimates.
        controls: ``platforms``, ``ages``, ``genders``, ``countries``, ``cities``,
            ``interests``.
        summary: HTML: the estimate, its status, sizes per platform and warnings.
        gauge: HTML bar placing the estimate between "too narrow" and "broad".
        history: HTML table of the last specs tried.
        spec: The current ``Targeting`` (None when the controls do not make a valid spec).
        estimate: The current ``AudienceEstimate`` (None when there is no valid spec).
        error: The problem with the controls in words, or None.
        tried: One row per spec tried so far (description, size, status).
        widget: The whole tool, to display.
    """

    def __init__(self, source: World | AdsManager, spec: Targeting | None = None, cities: int = 12) -> None:
        self.ads = source if isinstance(source, AdsManager) else AdsManager(source)
        panel = self.ads.panel
        world = self.ads.world
        common = world.people["city"].value_counts().index[: max(1, int(cities))].tolist()
        city_options = [panel.brand_city] + [c for c in common if c != panel.brand_city]
        if spec is None:
            local = NICHES[world.niche].local
            spec = Targeting(
                platforms=["pixa"],
                cities=[panel.brand_city] if local else [],
                countries=[] if local else [panel.brand_country],
            )
        city_options += [c for c in spec.cities if c not in city_options]
        genders = next((k for k, v in GENDER_CHOICES.items() if set(v) == set(spec.genders)), "all")
        select = {"rows": 6, **_WIDE}
        self.controls: dict[str, Any] = {
            "platforms": w.SelectMultiple(
                options=[(f"{P.PLATFORMS[s].name} ({s})", s) for s in P.AD_PLATFORMS],
                value=tuple(spec.platforms),
                description="platforms",
                **select,
            ),
            "ages": w.IntRangeSlider(
                value=(spec.age_min, spec.age_max),
                min=13,
                max=65,
                description="ages",
                continuous_update=False,
                **_WIDE,
            ),
            "genders": w.ToggleButtons(options=list(GENDER_CHOICES), value=genders, description="genders"),
            "countries": w.SelectMultiple(
                options=list(panel.countries), value=tuple(spec.countries), description="countries", **select
            ),
            "cities": w.SelectMultiple(
                options=city_options, value=tuple(spec.cities), description="cities", **select
            ),
            "interests": w.SelectMultiple(
                options=list(INTERESTS), value=tuple(spec.interests), description="interests", **select
            ),
        }
        self._base = spec
        self.spec: Targeting | None = None
        self.estimate: AudienceEstimate | None = None
        self.error: str | None = None
        self.tried = pd.DataFrame(
            {
                "spec": pd.Series(dtype="str"),
                "people": pd.Series(dtype="int64"),
                "status": pd.Series(dtype="str"),
            }
        )
        self.summary = w.HTML()
        self.gauge = w.HTML()
        self.history = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        hint = w.HTML(
            "<small>Ctrl-click (Cmd-click on a Mac) to pick several items in a list. Each control narrows "
            "the audience (AND); several values in one list widen it (OR). No interest = any interest."
            "</small>"
        )
        c = self.controls
        self.widget = w.VBox(
            [
                w.HBox([c["platforms"], c["countries"], c["cities"], c["interests"]]),
                w.HBox([c["ages"], c["genders"]]),
                hint,
                self.summary,
                self.gauge,
                self.history,
            ]
        )
        self.refresh()

    def current_spec(self) -> Targeting:
        """Return the spec the controls describe.

        Returns:
            A ``Targeting`` (the starting spec's jobs, placements and audiences are kept).

        Raises:
            SandboxInputError: When the controls do not make a valid spec (no platform,
                no place).
        """
        c = self.controls
        lo, hi = c["ages"].value
        base = self._base
        return Targeting(
            platforms=list(c["platforms"].value),
            countries=list(c["countries"].value),
            cities=list(c["cities"].value),
            age_min=int(lo),
            age_max=int(hi),
            genders=list(GENDER_CHOICES[c["genders"].value]),
            interests=list(c["interests"].value),
            jobs=list(base.jobs),
            placements=[
                p
                for p in base.placements
                if any(p in P.AD_PLATFORMS[s].placements for s in c["platforms"].value)
            ],
            custom_audiences=list(base.custom_audiences),
            exclude=list(base.exclude),
        )

    def refresh(self) -> None:
        """Re-estimate the audience for the current controls and redraw."""
        try:
            spec = self.current_spec()
            est = self.ads.estimate(spec)
        except SandboxInputError as exc:
            self.spec, self.estimate, self.error = None, None, str(exc)
            self.summary.value = (
                f"<p style='color:#c0392b'><b>Not a valid spec yet:</b> {escape(str(exc))}</p>"
            )
            self.gauge.value = ""
            return
        self.spec, self.estimate, self.error = spec, est, None
        colour = STATUS_COLOURS[est.status]
        per_platform = ", ".join(f"{P.PLATFORMS[p].name}: {n:,}" for p, n in est.by_platform.items())
        warnings = "".join(f"<li>{escape(x)}</li>" for x in est.warnings)
        self.summary.value = (
            f"<p><b>Estimated audience: {est.low:,}–{est.high:,} people</b> "
            f"<span style='color:{colour}'><b>({est.status})</b></span><br>"
            f"<small>{escape(spec.describe())}<br>per platform: {per_platform}</small></p>"
            + (f"<ul style='color:#c0392b'>{warnings}</ul>" if warnings else "")
        )
        panel = self.ads.panel
        self.gauge.value = _gauge(est.size, 0.3 * panel.size * panel.scale)
        row = pd.DataFrame({"spec": [spec.describe()], "people": [est.size], "status": [est.status]})
        row["spec"] = row["spec"].astype("str")
        row["status"] = row["status"].astype("str")
        self.tried = pd.concat([self.tried, row], ignore_index=True) if len(self.tried) else row
        last = self.tried.tail(5).iloc[::-1]
        shown = pd.DataFrame(
            {"spec": last["spec"], "people": last["people"].map("{:,}".format), "status": last["status"]}
        )
        self.history.value = "<b>Last specs tried</b>" + shown.to_html(index=False, border=0)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class BudgetPlanner:
    """Plan a budget backwards from a registrations goal and split it across platforms.

    The funnel: impressions x CTR = clicks; clicks x landing rate = site visits; visits x
    registration rate = registrations. Backwards: the goal needs goal / (landing x
    registration rate) clicks, and the budget is clicks x CPC. The budget is split by the
    platform shares; each platform's part is checked against the learning phase (a leads
    ad set needs about 50 registrations in 7 days to leave it).

    Args:
        goal: Registrations wanted.
        cpc: Cost per link click, USD.
        ctr: Click-through rate, a fraction (0.009 = 0.9%).
        landing_rate: Site visits per click, a fraction.
        registration_rate: Registrations per visit, a fraction.
        platforms: Platforms to split the budget across.
        shares: Platform -> share in % (default: equal shares).
        days: Flight length in days (for daily budgets and the learning check).

    Attributes:
        controls: ``goal``, ``cpc``, ``ctr`` (%), ``landing`` (%), ``registration`` (%),
            ``days`` and one ``share_<platform>`` slider (%) per platform.
        summary: HTML: the funnel, the budget, the cost per registration and the CPM implied.
        table: HTML: the split per platform with the learning-phase check.
        plan: The funnel plan (``ads_budget.budget_for_goal``).
        split: One row per platform: share, registrations, budget, daily budget,
            registrations a week, learning verdict.
        widget: The whole tool, to display.
    """

    def __init__(
        self,
        goal: int = 200,
        cpc: float = 1.0,
        ctr: float = 0.009,
        landing_rate: float = 0.8,
        registration_rate: float = 0.08,
        platforms: Iterable[str] = ("pixa", "circles", "loop"),
        shares: Mapping[str, float] | None = None,
        days: int = 28,
    ) -> None:
        self.platforms = [str(p) for p in platforms]
        if not self.platforms:
            raise SandboxInputError("platforms", "give at least one platform, e.g. ['pixa'].")
        for p in self.platforms:
            if p not in P.AD_PLATFORMS:
                raise SandboxInputError(
                    "platforms", f"unknown platform {p!r}; use {', '.join(P.AD_PLATFORMS)}."
                )
        budget_for_goal(
            goal, cpc=cpc, ctr=ctr, landing_rate=landing_rate, registration_rate=registration_rate
        )
        shares = (
            dict(shares) if shares is not None else {p: 100 / len(self.platforms) for p in self.platforms}
        )
        slider = {"continuous_update": False, **_WIDE}

        def clamp(x: float, lo: float, hi: float) -> float:
            return min(hi, max(lo, x))

        self.controls: dict[str, Any] = {
            "goal": w.IntSlider(
                value=int(clamp(goal, 10, 2000)), min=10, max=2000, step=10, description="goal", **slider
            ),
            "cpc": w.FloatSlider(
                value=clamp(cpc, 0.05, 10), min=0.05, max=10, step=0.05, description="CPC $", **slider
            ),
            "ctr": w.FloatSlider(
                value=clamp(100 * ctr, 0.1, 5), min=0.1, max=5, step=0.05, description="CTR %", **slider
            ),
            "landing": w.FloatSlider(
                value=clamp(100 * landing_rate, 10, 100),
                min=10,
                max=100,
                step=1,
                description="landing %",
                **slider,
            ),
            "registration": w.FloatSlider(
                value=clamp(100 * registration_rate, 0.5, 50),
                min=0.5,
                max=50,
                step=0.5,
                description="sign-up %",
                **slider,
            ),
            "days": w.IntSlider(value=int(clamp(days, 7, 56)), min=7, max=56, description="days", **slider),
        }
        for p in self.platforms:
            self.controls[f"share_{p}"] = w.IntSlider(
                value=int(round(clamp(float(shares.get(p, 0)), 0, 100))),
                min=0,
                max=100,
                description=f"{p} %",
                **slider,
            )
        self.summary = w.HTML()
        self.table = w.HTML()
        self.plan: pd.Series | None = None
        self.split: pd.DataFrame | None = None
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        funnel = [self.controls[k] for k in ("goal", "cpc", "ctr", "landing", "registration", "days")]
        share_sliders = [self.controls[f"share_{p}"] for p in self.platforms]
        self.widget = w.VBox(
            [
                w.HBox([w.VBox(funnel), w.VBox([w.HTML("<b>Platform shares</b>"), *share_sliders])]),
                self.summary,
                self.table,
            ]
        )
        self.refresh()

    @classmethod
    def from_test(
        cls, test: pd.Series | Mapping[str, float], goal: int = 200, **kwargs: Any
    ) -> BudgetPlanner:
        """Start the planner from a test run's rates (a row of ``ads_trials.compare_audiences``).

        Args:
            test: A row with ``cpc``, ``ctr``, ``landing_rate`` and ``registration_rate``.
            goal: Registrations wanted.
            **kwargs: Other arguments of ``BudgetPlanner`` (platforms, shares, days).

        Returns:
            The planner.
        """
        return cls(
            goal=goal,
            cpc=float(test["cpc"]),
            ctr=float(test["ctr"]),
            landing_rate=float(test["landing_rate"]),
            registration_rate=float(test["registration_rate"]),
            **kwargs,
        )

    def refresh(self) -> None:
        """Recompute the plan and the split for the current controls and redraw."""
        c = {k: v.value for k, v in self.controls.items()}
        plan = budget_for_goal(
            c["goal"],
            cpc=c["cpc"],
            ctr=c["ctr"] / 100,
            landing_rate=c["landing"] / 100,
            registration_rate=c["registration"] / 100,
        )
        self.plan = plan
        days = int(c["days"])
        self.summary.value = (
            f"<p><b>{plan['registrations']:,.0f} registrations</b> need {plan['visits']:,.0f} site visits ← "
            f"{plan['clicks']:,.0f} link clicks ← {plan['impressions']:,.0f} impressions.<br>"
            f"<b>Budget: {_usd(plan['budget'])}</b> ({_usd(plan['budget'] / days)} a day for {days} days); "
            f"cost per registration {_usd(plan['cost_per_registration'])}; "
            f"the CPM these prices imply: {_usd(plan['cpm'])}.</p>"
        )
        weights = {p: float(c[f"share_{p}"]) for p in self.platforms}
        total_share = sum(weights.values())
        if total_share <= 0:
            self.split = None
            self.table.value = (
                "<p style='color:#c0392b'>All platform shares are 0: give at least one a share.</p>"
            )
            return
        budgets = split_budget(plan["budget"], weights)
        cpr = float(plan["cost_per_registration"])
        need = learning_budget(cpr)
        rows = []
        for p in self.platforms:
            share = weights[p] / total_share
            regs = plan["registrations"] * share
            per_week = regs / days * 7
            daily = budgets[p] / days
            if share == 0:
                verdict = "not used"
            elif per_week >= P.LEARNING_EVENTS:
                verdict = "leaves learning in about a week"
            else:
                verdict = f"stays in learning: needs about {_usd(need)} a day"
            rows.append(
                {
                    "platform": p,
                    "share": share,
                    "registrations": regs,
                    "budget": float(budgets[p]),
                    "daily_budget": daily,
                    "registrations_per_week": per_week,
                    "learning": verdict,
                }
            )
        split = pd.DataFrame(rows).set_index("platform")
        split.index = split.index.astype("str")
        split["learning"] = split["learning"].astype("str")
        self.split = split
        shown = pd.DataFrame(
            {
                "platform": [P.PLATFORMS[p].name for p in split.index],
                "share": split["share"].map("{:.0%}".format),
                "registrations": split["registrations"].map("{:,.0f}".format),
                "budget": split["budget"].map(_usd),
                "a day": split["daily_budget"].map(_usd),
                "registrations a week": split["registrations_per_week"].map("{:,.1f}".format),
                "learning phase (50 a week)": split["learning"],
            }
        )
        self.table.value = shown.to_html(index=False, border=0)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
