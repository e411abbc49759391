"""Every number the simulator is calibrated to, with its source and method.

This is the one place where the sandbox's numbers live. Each calibration figure carries the
source as reported in the project's ``calibration.md`` and the method (which denominator),
and each platform's model constants say which figure they were tuned to reproduce. Numbers
marked ``"assumption"`` have no published source in calibration.md; they are our modelling
choices and say so.

The platforms are fictional archetypes. Each maps to the real platform it resembles, and the
tests check that default worlds land inside the target ranges below.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """A published figure (or our assumption) the simulator must land near.

    Attributes:
        name: What is measured.
        value: The figure as reported (a fraction, e.g. 0.05 for 5%).
        low: Lower end of the range a default world must land in.
        high: Upper end of that range.
        method: How it is measured (the denominator).
        source: Where it comes from, as reported in calibration.md, or "assumption".
    """

    name: str
    value: float
    low: float
    high: float
    method: str
    source: str


@dataclass(frozen=True)
class PlatformParams:
    """Model constants of one platform archetype.

    Attributes:
        name: Fictional platform name shown to learners.
        archetype: What kind of network it is.
        resembles: The real platform its calibration comes from.
        formats: Post format -> format-fit multiplier (1.0 = native format).
        reach_mechanics: One sentence a learner can read.
        organic_reach: Share of followers an average post reaches.
        discovery: Non-follower reach as a multiple of follower reach (hashtags, explore
            pages, recommendation feeds).
        engagement_per_reach: Likes + comments + shares + saves per person reached.
        action_mix: Share of engagements that are likes, comments, shares and saves.
        impressions_per_reach: Average views per reached person.
        click_rate: Link clicks per person reached for a post with a click call-to-action.
        follow_rate: Follows per non-follower reached.
        unfollow_rate: Unfollows per follower per post at a normal posting frequency.
        sustainable_posts_per_day: Posts per day the audience takes without fatigue.
        fatigue: Reach lost per extra post above the sustainable frequency.
        peaks: (hour, width, height) bumps of the hourly activity curve, local time.
        weekday: Activity multiplier Monday..Sunday.
        show_more_chars: Characters shown before the text is cut ("show more").
        max_chars: Longest text the platform accepts.
        best_hashtags: Hashtag count that maximises discovery.
        membership_by_age: Probability of being a member for age bands
            13-17, 18-24, 25-34, 35-44, 45-54, 55-65.
        targets: Calibration figures this platform must land in.
    """

    name: str
    archetype: str
    resembles: str
    formats: dict[str, float]
    reach_mechanics: str
    organic_reach: float
    discovery: float
    engagement_per_reach: float
    action_mix: tuple[float, float, float, float]
    impressions_per_reach: float
    click_rate: float
    follow_rate: float
    unfollow_rate: float
    sustainable_posts_per_day: float
    fatigue: float
    peaks: tuple[tuple[float, float, float], ...]
    weekday: tuple[float, float, float, float, float, float, float]
    show_more_chars: int
    max_chars: int
    best_hashtags: int
    membership_by_age: tuple[float, float, float, float, float, float]
    targets: dict[str, Figure] = field(default_factory=dict)


AGE_BANDS: tuple[tuple[int, int], ...] = ((13, 17), (18, 24), (25, 34), (35, 44), (45, 54), (55, 65))
"""Age bands used for platform membership and reporting (inclusive)."""

ER_METHOD = "(likes + comments + shares + saves) / followers, per post, median over a brand's posts"
REACH_METHOD = "people reached who follow the brand / followers, per post, median"

PLATFORMS: dict[str, PlatformParams] = {
    "pixa": PlatformParams(
        name="Pixa",
        archetype="image-first feed",
        resembles="Instagram",
        formats={"image": 1.0, "carousel": 1.25, "short_video": 1.3, "story": 0.7},
        reach_mechanics="Followers see posts in a ranked feed; hashtags and the explore page "
        "bring some non-followers.",
        organic_reach=0.22,
        discovery=0.30,
        engagement_per_reach=0.0118,
        action_mix=(0.86, 0.04, 0.03, 0.07),
        impressions_per_reach=1.12,
        click_rate=0.006,
        follow_rate=0.008,
        unfollow_rate=0.0004,
        sustainable_posts_per_day=2.0,
        fatigue=0.22,
        peaks=((11.5, 1.8, 1.0), (19.5, 2.0, 0.75), (8.0, 1.0, 0.3)),
        weekday=(1.08, 1.1, 1.08, 0.98, 1.04, 0.9, 0.82),
        show_more_chars=125,
        max_chars=2200,
        best_hashtags=8,
        membership_by_age=(0.75, 0.78, 0.65, 0.48, 0.32, 0.2),
        targets={
            "er_followers": Figure(
                "engagement per follower per post (median)",
                0.0047,
                0.0030,
                0.0080,
                ER_METHOD,
                "Rival IQ 2022-2024 (Instagram 0.47%); Socialinsider 2025 (0.48%)",
            ),
            "er_impressions": Figure(
                "engagement per impression",
                0.012,
                0.008,
                0.020,
                "(likes + comments + shares + saves) / impressions, median",
                "Buffer (≈1.2%)",
            ),
        },
    ),
    "circles": PlatformParams(
        name="Circles",
        archetype="text-heavy communities",
        resembles="Facebook (pages and groups)",
        formats={"text": 1.0, "image": 1.1, "carousel": 1.0, "video": 0.95, "link": 0.75, "poll": 1.2},
        reach_mechanics="A ranked news feed shows a small share of a page's fans each post; "
        "shares carry posts to friends of fans.",
        organic_reach=0.04,
        discovery=0.15,
        engagement_per_reach=0.02,
        action_mix=(0.78, 0.1, 0.09, 0.03),
        impressions_per_reach=1.2,
        click_rate=0.012,
        follow_rate=0.004,
        unfollow_rate=0.0003,
        sustainable_posts_per_day=1.5,
        fatigue=0.25,
        peaks=((10.5, 2.5, 1.0), (20.0, 2.0, 0.6)),
        weekday=(1.1, 1.1, 1.08, 1.06, 0.95, 0.88, 0.78),
        show_more_chars=480,
        max_chars=63206,
        best_hashtags=1,
        membership_by_age=(0.25, 0.45, 0.62, 0.68, 0.66, 0.6),
        targets={
            "er_followers": Figure(
                "engagement per follower per post (median)",
                0.0010,
                0.0004,
                0.0025,
                ER_METHOD,
                "Rival IQ 2022-2024 (Facebook 0.06%); Socialinsider 2025 (0.15%)",
            ),
            "organic_reach": Figure(
                "organic reach per post",
                0.05,
                0.02,
                0.07,
                REACH_METHOD,
                "Hootsuite 2020, 2024 (≈5% of fans; 2-5% for pages over 10k)",
            ),
        },
    ),
    "chirp": PlatformParams(
        name="Chirp",
        archetype="microblog",
        resembles="X (Twitter)",
        formats={"text": 1.0, "image": 1.15, "video": 1.0, "link": 0.85, "poll": 1.1},
        reach_mechanics="A fast timeline: posts fade within hours; reposts spread them beyond followers.",
        organic_reach=0.04,
        discovery=0.35,
        engagement_per_reach=0.012,
        action_mix=(0.7, 0.1, 0.17, 0.03),
        impressions_per_reach=1.3,
        click_rate=0.01,
        follow_rate=0.003,
        unfollow_rate=0.0003,
        sustainable_posts_per_day=4.0,
        fatigue=0.12,
        peaks=((10.0, 2.0, 1.0), (13.0, 1.5, 0.6), (21.0, 1.8, 0.55)),
        weekday=(0.98, 1.08, 1.08, 1.07, 1.05, 0.88, 0.86),
        show_more_chars=280,
        max_chars=280,
        best_hashtags=2,
        membership_by_age=(0.3, 0.42, 0.35, 0.28, 0.2, 0.14),
        targets={
            "er_followers": Figure(
                "engagement per follower per post (median)",
                0.0006,
                0.0002,
                0.0020,
                ER_METHOD,
                "Rival IQ 2022-2024 (X 0.035%); Socialinsider 2025 (0.12%)",
            ),
        },
    ),
    "loop": PlatformParams(
        name="Loop",
        archetype="short video",
        resembles="TikTok",
        formats={"short_video": 1.0, "image": 0.5, "story": 0.6},
        reach_mechanics="A recommendation feed tests every video on non-followers; what holds "
        "attention is shown to more people.",
        organic_reach=0.45,
        discovery=1.1,
        engagement_per_reach=0.028,
        action_mix=(0.88, 0.03, 0.04, 0.05),
        impressions_per_reach=1.25,
        click_rate=0.004,
        follow_rate=0.01,
        unfollow_rate=0.0005,
        sustainable_posts_per_day=3.0,
        fatigue=0.12,
        peaks=((16.0, 2.5, 1.0), (21.5, 1.8, 0.9), (12.5, 1.0, 0.3)),
        weekday=(0.95, 1.07, 1.1, 1.08, 1.0, 0.93, 0.87),
        show_more_chars=100,
        max_chars=2200,
        best_hashtags=4,
        membership_by_age=(0.8, 0.72, 0.5, 0.33, 0.2, 0.1),
        targets={
            "er_followers": Figure(
                "engagement per follower per post (median)",
                0.030,
                0.018,
                0.050,
                ER_METHOD,
                "Rival IQ 2022-2024 (TikTok 2.6%); Socialinsider 2025 (3.7%)",
            ),
        },
    ),
    "beacon": PlatformParams(
        name="Beacon",
        archetype="broadcast channels",
        resembles="Telegram channels",
        formats={"text": 1.0, "image": 1.05, "video": 0.95, "link": 0.9, "poll": 1.3},
        reach_mechanics="Every post lands in subscribers' chat list, unranked; views come from "
        "subscribers opening the channel, forwards bring a few new ones.",
        organic_reach=0.2,
        discovery=0.06,
        engagement_per_reach=0.035,
        action_mix=(0.84, 0.03, 0.1, 0.03),
        impressions_per_reach=1.05,
        click_rate=0.02,
        follow_rate=0.01,
        unfollow_rate=0.0008,
        sustainable_posts_per_day=3.0,
        fatigue=0.1,
        peaks=((8.5, 1.5, 0.9), (13.0, 1.2, 0.5), (21.0, 2.0, 1.0)),
        weekday=(1.02, 1.02, 1.02, 1.02, 1.0, 0.96, 0.96),
        show_more_chars=4096,
        max_chars=4096,
        best_hashtags=0,
        membership_by_age=(0.35, 0.55, 0.55, 0.45, 0.35, 0.25),
        targets={
            "er_followers": Figure(
                "reactions per subscriber per post (median)",
                0.012,
                0.005,
                0.025,
                ER_METHOD,
                "assumption: no figure in calibration.md; chosen between the feed networks and "
                "short video because every post is delivered to subscribers",
            ),
            "organic_reach": Figure(
                "views per subscriber per post",
                0.33,
                0.20,
                0.45,
                REACH_METHOD,
                "assumption: channel view rates of 20-45% are commonly quoted; not in calibration.md",
            ),
        },
    ),
    "linkup": PlatformParams(
        name="Linkup",
        archetype="professional network",
        resembles="LinkedIn",
        formats={"text": 1.0, "image": 1.1, "carousel": 1.3, "video": 0.9, "link": 0.7, "poll": 1.15},
        reach_mechanics="A feed ranked by professional relevance; comments push a post to the "
        "commenters' networks for days.",
        organic_reach=0.16,
        discovery=0.25,
        engagement_per_reach=0.08,
        action_mix=(0.8, 0.12, 0.06, 0.02),
        impressions_per_reach=1.3,
        click_rate=0.01,
        follow_rate=0.004,
        unfollow_rate=0.0002,
        sustainable_posts_per_day=1.0,
        fatigue=0.3,
        peaks=((10.5, 1.5, 1.0), (8.0, 1.0, 0.5), (17.5, 1.5, 0.45)),
        weekday=(1.05, 1.18, 1.18, 1.08, 0.95, 0.42, 0.38),
        show_more_chars=210,
        max_chars=3000,
        best_hashtags=3,
        membership_by_age=(0.0, 0.25, 0.45, 0.42, 0.35, 0.22),
        targets={
            "er_followers": Figure(
                "engagement per follower per post (median)",
                0.0385,
                0.008,
                0.045,
                ER_METHOD,
                "Socialinsider 2025 (LinkedIn 3.85%, their method counts clicks); we count no "
                "clicks, so we allow down to 0.8%",
            ),
        },
    ),
}
"""The platform archetypes, keyed by slug."""

# --- engagement model constants ----------------------------------------------------------

NOISE_SIGMA = 0.35
"""Log-normal spread of a post's reach around the model's expectation (assumption)."""

AUDIENCE_FIT_FLOOR = 0.55
"""Reach multiplier of a post whose topic interests none of the followers (assumption)."""

AUDIENCE_FIT_SLOPE = 1.1
"""Multiplier gained per unit of audience share interested in the topic (assumption)."""

RUBRIC_EFFECTS: dict[str, dict[str, float]] = {
    # engagement, comments, shares, saves, clicks, follows multipliers (assumption)
    "informative": {
        "engagement": 1.0,
        "comments": 1.0,
        "shares": 1.5,
        "saves": 2.0,
        "clicks": 1.2,
        "follows": 1.0,
    },
    "entertaining": {
        "engagement": 1.25,
        "comments": 1.2,
        "shares": 1.6,
        "saves": 0.6,
        "clicks": 0.6,
        "follows": 1.2,
    },
    "commercial": {
        "engagement": 0.7,
        "comments": 0.9,
        "shares": 0.5,
        "saves": 0.8,
        "clicks": 2.2,
        "follows": 0.8,
    },
    "contest": {
        "engagement": 1.6,
        "comments": 6.0,
        "shares": 2.5,
        "saves": 0.3,
        "clicks": 0.5,
        "follows": 4.0,
    },
}
"""What each rubric does to the actions it draws (assumption, tuned for teaching)."""

CTA_EFFECTS: dict[str, dict[str, float]] = {
    "none": {"clicks": 0.3, "comments": 1.0, "follows": 1.0, "engagement": 1.0},
    "learn_more": {"clicks": 1.0, "comments": 1.0, "follows": 1.0, "engagement": 0.97},
    "shop_now": {"clicks": 1.1, "comments": 1.0, "follows": 1.0, "engagement": 0.93},
    "sign_up": {"clicks": 0.9, "comments": 1.0, "follows": 1.0, "engagement": 0.95},
    "comment_below": {"clicks": 0.3, "comments": 1.7, "follows": 1.0, "engagement": 1.05},
    "follow_us": {"clicks": 0.3, "comments": 1.0, "follows": 1.4, "engagement": 1.0},
}
"""What each call-to-action does (assumption)."""

TEXT_CUT_PENALTY = 0.3
"""Engagement lost (at most) when a text runs far past the "show more" cut (assumption)."""

HASHTAG_SPAM_FROM = 15
"""Hashtag count above which a post looks spammy and loses reach (assumption)."""

CONTEST_BOT_SHARE = 0.35
"""Share of the follows a giveaway brings that are bots (assumption; giveaways attract
prize hunters and bot farms)."""

TREND_JOIN_BOOST = 3.0
"""Reach multiplier (minus one) for joining a trend at its peak while it is still fresh."""

COMMENT_DELAY_MINUTES = 45.0
"""Median delay between a post and a comment on it (assumption)."""

COMMENT_LABEL_BASE: dict[str, float] = {
    "praise": 0.46,
    "question": 0.24,
    "complaint": 0.1,
    "spam": 0.13,
    "toxic": 0.07,
}
"""Share of comment labels on an informative post (assumption); rubrics shift it."""

# --- people --------------------------------------------------------------------------------

ROLE_SHARES: dict[str, float] = {"bot": 0.04, "spammer": 0.015, "troll": 0.01}
"""Share of accounts that are bots, spammers and trolls (assumption)."""

INFLUENCER_SHARE = 0.004
"""Share of people who are influencers (at least 40 in any world; assumption)."""

INFLUENCER_TIERS: dict[str, tuple[int, int, float]] = {
    # tier: (min followers, max followers, engagement per real follower)
    "nano": (1_000, 10_000, 0.05),
    "micro": (10_000, 100_000, 0.03),
    "macro": (100_000, 1_000_000, 0.018),
    "mega": (1_000_000, 20_000_000, 0.01),
}
"""Tiers by followers (calibration.md: nano <10k, micro 10k-100k, macro 100k-1M, mega >1M);
engagement falls as the tier rises (calibration.md); the rates are our assumption."""

INFLUENCER_TIER_SHARES: dict[str, float] = {"nano": 0.55, "micro": 0.3, "macro": 0.11, "mega": 0.04}

FOLLOWS_PER_PERSON_MEDIAN = 24
"""Median number of accounts a person follows in the world (assumption)."""

POPULARITY_ALPHA = 1.15
"""Pareto shape of account popularity: smaller is more unequal (assumption)."""

# --- calibration figures that are not per platform (used by the paid side) -----------------

PAID_FIGURES: dict[str, Figure] = {
    "ctr_all": Figure(
        "Facebook all-industry CTR", 0.009, 0.005, 0.02, "clicks / impressions", "WordStream 2017 benchmarks"
    ),
    "cpc_all": Figure(
        "Facebook all-industry CPC (USD)", 1.72, 0.5, 3.0, "spend / clicks", "WordStream 2017 benchmarks"
    ),
    "cvr_all": Figure(
        "Facebook all-industry conversion rate",
        0.0921,
        0.03,
        0.15,
        "conversions / clicks",
        "WordStream 2017 benchmarks",
    ),
    "cpm_meta": Figure(
        "Meta CPM (USD)",
        9.6,
        6.0,
        16.0,
        "spend / impressions x 1000",
        "several agency reports (≈$8-15, US ≈$9.6)",
    ),
    "brand_posts_per_week": Figure(
        "brand posting frequency on Facebook", 4.7, 3.0, 7.0, "posts per week", "Rival IQ"
    ),
}
"""Paid-side and posting-frequency figures from calibration.md."""
