"""Glass box: why a post reached the people it reached and got the reactions it got."""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

import pandas as pd

from .errors import SandboxInputError
from .params import PLATFORMS, RUBRIC_EFFECTS

if TYPE_CHECKING:
    from .world import World


class Explanation:
    """A post's result taken apart into the factors that produced it.

    Attributes:
        post: The post's row (plan values and outcomes).
        factors: One row per factor: ``factor``, ``multiplier``, ``meaning``.
        text: The explanation in words.
    """

    def __init__(self, post: pd.Series, factors: pd.DataFrame, text: str) -> None:
        self.post = post
        self.factors = factors
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return f"<pre style='white-space: pre-wrap'>{escape(self.text)}</pre>"


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%" if x < 0.1 else f"{x * 100:.0f}%"


def _effect(m: float) -> str:
    if abs(m - 1) < 0.005:
        return "no effect"
    return f"{(m - 1) * 100:+.0f}%"


def explain_post(world: World, posts: pd.DataFrame, factors: pd.DataFrame, post_id: int) -> Explanation:
    """Explain one post from a table of posts and their factors.

    Args:
        world: The world the post ran in.
        posts: Posts with outcomes (``post_id`` column).
        factors: Factors indexed by post id.
        post_id: Which post.

    Returns:
        The explanation.

    Raises:
        SandboxInputError: If there is no such post.
    """
    hit = posts.index[posts["post_id"] == post_id]
    if len(hit) == 0:
        raise SandboxInputError("post_id", f"no post {post_id!r} here; pick one from the 'post_id' column.")
    post = posts.loc[hit[0]]
    f = factors.loc[post_id]
    p = PLATFORMS[post["platform"]]
    t = pd.Timestamp(post["time"])
    native = max(p.formats, key=p.formats.get)
    rows = [
        (
            "time of day",
            f["time_of_day"],
            f"{_effect(f['time_of_day'])}: how many of the followers are online on "
            f"{t:%a} at {t:%H:%M} (and the next two hours) compared with an average hour",
        ),
        (
            "audience fit",
            f["audience_fit"],
            f"{_effect(f['audience_fit'])}: {_pct(f['interest_share'])} of the followers are "
            f"interested in '{post['topic']}'",
        ),
        (
            "format fit",
            f["format_fit"],
            f"{_effect(f['format_fit'])}: '{post['format']}' on {p.name} (native format there: '{native}')",
        ),
        (
            "posting frequency",
            f["fatigue"],
            f"{_effect(f['fatigue'])}: {int(post['posts_that_day'])} post(s) on {p.name} that day; "
            f"the audience takes {p.sustainable_posts_per_day:g} a day without tiring",
        ),
        (
            "trend",
            f["trend"],
            "no trend joined"
            if not post["trend_id"]
            else f"{_effect(f['trend'])}: joined {post['trend_id']} at {_pct(f['trend_intensity'])} of "
            f"its peak with {_pct(f['trend_freshness'])} of it still to come",
        ),
        ("content quality", f["quality"], f"{_effect(f['quality'])}: the brand's craft"),
        (
            "luck",
            f["luck"],
            f"{_effect(f['luck'])}: random variation; two identical posts differ by about ±35%",
        ),
    ]
    table = pd.DataFrame(rows, columns=["factor", "multiplier", "meaning"])
    reach_rows = [
        (
            "hashtags",
            f["hashtags"],
            f"{_effect(f['hashtags'])} on non-follower reach: {int(post['hashtags'])} hashtag(s); "
            f"best on {p.name}: {p.best_hashtags}",
        ),
        (
            "text length",
            f["text_length"],
            f"{_effect(f['text_length'])} on engagement: {int(post['text_length'])} characters; "
            f"{p.name} cuts at {p.show_more_chars} ('show more')",
        ),
        (
            "rubric",
            f["rubric"],
            f"{_effect(f['rubric'])} on engagement: '{post['rubric']}' posts (clicks x"
            f"{RUBRIC_EFFECTS[post['rubric']]['clicks']:g}, comments x"
            f"{RUBRIC_EFFECTS[post['rubric']]['comments']:g})",
        ),
        ("call to action", f["cta"], f"{_effect(f['cta'])} on engagement: CTA '{post['cta']}'"),
        (
            "real followers",
            f["real_share"],
            f"{_effect(f['real_share'])} on engagement: bots among the followers never react",
        ),
    ]
    table = pd.concat(
        [table, pd.DataFrame(reach_rows, columns=["factor", "multiplier", "meaning"])],
        ignore_index=True,
    )
    table["multiplier"] = table["multiplier"].astype(float).round(3)

    followers = int(post["followers"])
    lines = [
        f"Post {post_id} by {post['brand']} on {p.name} ({p.archetype}): {post['format']}, "
        f"{post['rubric']}, topic '{post['topic']}', {t:%a %Y-%m-%d %H:%M}",
        "",
        f"Reach {int(post['reach']):,} people = {int(post['reach_followers']):,} followers + "
        f"{int(post['reach_non_followers']):,} non-followers.",
        f"  Followers reached: {followers:,} followers x {_pct(f['organic_reach'])} typical "
        f"organic reach on {p.name} = {followers * f['organic_reach']:,.0f}, then:",
    ]
    for _, r in table.iloc[:7].iterrows():
        lines.append(f"    x{r['multiplier']:.2f}  {r['factor']}: {r['meaning']}")
    keys = ("time_of_day", "audience_fit", "format_fit", "fatigue", "trend", "quality", "luck")
    uncapped = followers * f["organic_reach"] * math.prod(float(f[k]) for k in keys)
    if uncapped > f["expected_follower_reach"] * (1 + 1e-9):
        lines.append(
            f"    x{f['expected_follower_reach'] / uncapped:.2f}  cap: one post reaches at most 95% of "
            "the followers"
        )
    lines.append(
        f"  = {f['expected_follower_reach']:,.0f} expected; the count drawn was "
        f"{int(post['reach_followers']):,}."
    )
    lines.append(
        f"  Non-followers: followers reached x {f['discovery']:.2f} discovery on {p.name} "
        f"x{f['hashtags']:.2f} hashtags x{f['format_fit'] ** 0.5:.2f} format "
        f"x{RUBRIC_EFFECTS[post['rubric']]['discovery']:g} rubric ('{post['rubric']}' posts "
        f"{'are shared and tagged' if post['rubric'] == 'contest' else 'travel this far'})."
    )
    lines += [
        "",
        f"Engagements {int(post['engagements']):,} ({int(post['likes'])} likes, "
        f"{int(post['comments'])} comments, {int(post['shares'])} shares, {int(post['saves'])} "
        f"saves) from {_pct(f['engagement_base'])} per person reached on {p.name}, then:",
    ]
    lines.append(f"    x{f['audience_fit'] ** 0.5:.2f}  topic interest (square root of audience fit)")
    for _, r in table.iloc[8:].iterrows():
        lines.append(f"    x{r['multiplier']:.2f}  {r['factor']}: {r['meaning']}")
    er = post["er_followers"]
    lines += [
        "",
        f"Engagement rate: {_pct(er)} of followers ({int(post['engagements']):,} / {followers:,}); "
        f"{_pct(post['er_reach'])} of people reached.",
        f"Clicks {int(post['clicks'])}, follows {int(post['follows'])} "
        f"(of them bots: {int(post['bot_follows'])}), unfollows {int(post['unfollows'])}.",
    ]
    return Explanation(post, table, "\n".join(lines))
