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
        organic_reach=0.22,
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
        engagement_per_reach=0.07,
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

TIME_OF_DAY_ELASTICITY = 0.5
"""How strongly reach follows the share of followers online: reach ~ online ** 0.5 (assumption;
feeds keep posts for hours, so the hour matters, but a 4am post is still seen in the morning)."""

TIME_OF_DAY_FLOOR = 0.35
"""Smallest time-of-day multiplier: a post at the quietest hour still reaches a third of the usual."""

AUDIENCE_FIT_FLOOR = 0.55
"""Reach multiplier of a post whose topic interests none of the followers (assumption)."""

AUDIENCE_FIT_SLOPE = 1.1
"""Multiplier gained per unit of audience share interested in the topic (assumption)."""

RUBRIC_EFFECTS: dict[str, dict[str, float]] = {
    # multipliers on engagement, comments, shares, saves, clicks, follows, and non-follower reach
    # ("discovery": giveaways are shared and tagged, so they travel far) (assumption)
    "informative": {
        "engagement": 1.0,
        "comments": 1.0,
        "shares": 1.5,
        "saves": 2.0,
        "clicks": 1.2,
        "follows": 1.0,
        "discovery": 1.0,
    },
    "entertaining": {
        "engagement": 1.25,
        "comments": 1.2,
        "shares": 1.6,
        "saves": 0.6,
        "clicks": 0.6,
        "follows": 1.2,
        "discovery": 1.3,
    },
    "commercial": {
        "engagement": 0.7,
        "comments": 0.9,
        "shares": 0.5,
        "saves": 0.8,
        "clicks": 2.2,
        "follows": 0.8,
        "discovery": 0.9,
    },
    "contest": {
        "engagement": 1.6,
        "comments": 6.0,
        "shares": 2.5,
        "saves": 0.3,
        "clicks": 0.5,
        "follows": 5.0,
        "discovery": 3.0,
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

OVERPOSTING_CHURN = 0.6
"""Extra unfollows per post for each post a day above the sustainable frequency, as a multiple of
the normal rate, raised to the power 1.2 (assumption: six posts a day on Pixa lose about a fifth
of the followers in four weeks)."""

HASHTAG_SPAM_FROM = 15
"""Hashtag count above which a post looks spammy and loses reach (assumption)."""

CONTEST_BOT_SHARE = 0.4
"""Share of the follows a giveaway brings that are bots (assumption; giveaways attract
prize hunters and bot farms)."""

TREND_JOIN_BOOST = 3.0
"""Reach multiplier (minus one) for joining a trend at its peak while it is still fresh."""

TREND_OFF_TOPIC = 0.5
"""Share of a trend's boost a post gets when its topic is not the trend's (assumption)."""

TREND_STALE = 0.9
"""Reach multiplier for joining a trend after it has faded (assumption: the audience is tired)."""

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


# =========================================================================================
# PAID SIDE (sandbox.ads): ad auctions, pacing, the conversion funnel, influencer deals.
# Appended by the paid-side work; the organic numbers above are untouched. Every number says
# where it comes from: a figure of calibration.md ("source"), or "assumption" (our modelling
# choice, tuned so that default worlds land inside the calibration ranges).
# =========================================================================================

MARKET_USERS = 1_000_000
"""How many platform users a world stands for on the paid side (assumption).

The people of a world are a panel. For cold (prospecting) audiences each person stands for
``max(1, MARKET_USERS / size)`` real users who look like them: 50 in a 20,000-person world,
1 in a million-person world, so ad budgets in USD deliver realistic volumes in any world and
results do not depend on the world's size. Warm audiences (followers, engagers, site visitors,
uploaded customer lists) are the individuals themselves (weight 1), so their sizes match the
organic side's follower counts."""


@dataclass(frozen=True)
class AdPlatformParams:
    """Ad-side constants of one platform archetype.

    Attributes:
        ad_formats: Ad format -> CTR multiplier (formats missing here cannot run as ads).
        placements: Placement -> (share of the platform's ad slots, CTR multiplier, price
            multiplier).
        market_cpm: Median value per 1000 impressions of the competing advertisers' best bid
            in the United States, USD (the market price the auction is played against).
        ctr: Link clicks per impression for an average person of the world seeing an average
            creative (before audience fit, objective and fatigue).
        minutes_share: Relative share of a member's social-media minutes spent here.
        slots_per_minute: Ad slots (auctions) a member meets per minute of use.
        landing_rate: Share of link clicks whose landing page loads (a site visit).
        text_cut: Characters of ad text shown before "more".
        max_text: Longest ad text the platform accepts.
        headline_max: Headline characters shown (0: the format has no headline).
        targets: Calibration ranges a default world's standard campaign must land in.
    """

    ad_formats: dict[str, float]
    placements: dict[str, tuple[float, float, float]]
    market_cpm: float
    ctr: float
    minutes_share: float
    slots_per_minute: float
    landing_rate: float
    text_cut: int
    max_text: int
    headline_max: int
    targets: dict[str, Figure] = field(default_factory=dict)


_META_CPM = "several agency reports (Meta CPM ≈$8-15, US ≈$9.6)"
_WS_CTR = "WordStream: all-industry CTR 0.90% (2017); traffic ≈1.5-1.6%, leads ≈2.5% (recent)"
_WS_CPC = "WordStream: all-industry CPC $1.72 (2017); traffic ≈$0.83, leads ≈$1.90 (recent)"
_WS_CVR = "WordStream 2017: all-industry conversion rate 9.21%"
_CPM_M = "spend / impressions x 1000, standard traffic campaign, brand's country (and city)"
_CTR_M = "link clicks / impressions, same campaign"
_CPC_M = "spend / link clicks, same campaign"
_CVR_M = "registrations / link clicks, same campaign"


def _paid_targets(cpm: tuple, ctr: tuple, cpc: tuple, cvr: tuple) -> dict[str, Figure]:
    """Build the four paid calibration figures of a platform from (value, low, high, source)."""
    out = {}
    for key, name, (value, low, high, source), method in (
        ("cpm", "CPM (USD)", cpm, _CPM_M),
        ("ctr", "link CTR", ctr, _CTR_M),
        ("cpc", "CPC (USD)", cpc, _CPC_M),
        ("cvr", "conversion rate per click", cvr, _CVR_M),
    ):
        out[key] = Figure(name, value, low, high, method, source)
    return out


AD_PLATFORMS: dict[str, AdPlatformParams] = {
    "pixa": AdPlatformParams(
        ad_formats={"image": 1.0, "carousel": 1.12, "short_video": 1.15, "story": 0.9},
        placements={
            "feed": (0.5, 1.0, 1.0),
            "stories": (0.3, 0.8, 0.8),
            "reels": (0.15, 0.9, 0.85),
            "explore": (0.05, 0.9, 0.9),
        },
        market_cpm=17.0,
        ctr=0.0042,
        minutes_share=1.2,
        slots_per_minute=1.0,
        landing_rate=0.8,
        text_cut=125,
        max_text=2200,
        headline_max=40,
        targets=_paid_targets(
            (9.6, 6.0, 16.0, _META_CPM),
            (0.009, 0.005, 0.025, _WS_CTR),
            (0.83, 0.4, 3.0, _WS_CPC),
            (0.0921, 0.03, 0.15, _WS_CVR),
        ),
    ),
    "circles": AdPlatformParams(
        ad_formats={"image": 1.0, "carousel": 1.1, "video": 1.05, "link": 1.0, "text": 0.7},
        placements={
            "feed": (0.6, 1.0, 1.0),
            "stories": (0.15, 0.8, 0.8),
            "video_feeds": (0.15, 0.85, 0.85),
            "right_column": (0.1, 0.3, 0.4),
        },
        market_cpm=16.5,
        ctr=0.0048,
        minutes_share=1.0,
        slots_per_minute=0.8,
        landing_rate=0.82,
        text_cut=125,
        max_text=63206,
        headline_max=40,
        targets=_paid_targets(
            (9.6, 6.0, 16.0, _META_CPM),
            (0.009, 0.005, 0.025, _WS_CTR),
            (1.72, 0.4, 3.0, _WS_CPC),
            (0.0921, 0.03, 0.15, _WS_CVR),
        ),
    ),
    "chirp": AdPlatformParams(
        ad_formats={"text": 0.85, "image": 1.0, "video": 1.05},
        placements={"timeline": (0.8, 1.0, 1.0), "search": (0.1, 1.3, 1.2), "profiles": (0.1, 0.7, 0.8)},
        market_cpm=10.0,
        ctr=0.0042,
        minutes_share=0.8,
        slots_per_minute=0.7,
        landing_rate=0.75,
        text_cut=280,
        max_text=280,
        headline_max=70,
        targets=_paid_targets(
            (6.5, 3.0, 12.0, "assumption: no X figure in calibration.md; set a little below Meta"),
            (0.008, 0.004, 0.02, "assumption: no X figure in calibration.md; near Meta's all-industry CTR"),
            (0.8, 0.3, 2.5, "assumption: follows from the CPM and CTR ranges"),
            (0.06, 0.02, 0.15, "assumption: WordStream's 9.21% is Meta's; microblog clicks convert less"),
        ),
    ),
    "loop": AdPlatformParams(
        ad_formats={"short_video": 1.0, "carousel": 0.75},
        placements={"for_you": (0.9, 1.0, 1.0), "search": (0.1, 1.2, 1.1)},
        market_cpm=12.5,
        ctr=0.0048,
        minutes_share=1.5,
        slots_per_minute=0.6,
        landing_rate=0.72,
        text_cut=100,
        max_text=100,
        headline_max=40,
        targets=_paid_targets(
            (10.0, 3.0, 20.0, "agency reports (TikTok CPM $3-20, sources disagree)"),
            (0.01, 0.004, 0.025, "assumption: no TikTok CTR in calibration.md; near Meta's range"),
            (1.0, 0.3, 3.0, "assumption: follows from the CPM and CTR ranges"),
            (0.06, 0.02, 0.15, "assumption: in-app browsers lose visitors; below Meta's 9.21%"),
        ),
    ),
    "beacon": AdPlatformParams(
        ad_formats={"text": 1.0},
        placements={"channels": (1.0, 1.0, 1.0)},
        market_cpm=5.0,
        ctr=0.0038,
        minutes_share=0.8,
        slots_per_minute=0.15,
        landing_rate=0.85,
        text_cut=160,
        max_text=160,
        headline_max=0,
        targets=_paid_targets(
            (
                3.5,
                1.5,
                8.0,
                "assumption: Telegram-style channel ads sell by CPM, commonly €1-5; not in calibration.md",
            ),
            (0.007, 0.003, 0.02, "assumption: one 160-character text message per channel view"),
            (0.6, 0.2, 2.0, "assumption: follows from the CPM and CTR ranges"),
            (0.08, 0.02, 0.15, "assumption: channel readers are engaged; close to Meta's 9.21%"),
        ),
    ),
    "linkup": AdPlatformParams(
        ad_formats={"image": 1.0, "carousel": 1.1, "video": 0.95, "text": 0.8},
        placements={"feed": (0.85, 1.0, 1.0), "right_rail": (0.1, 0.3, 0.5), "inbox": (0.05, 1.6, 2.0)},
        market_cpm=72.0,
        ctr=0.0036,
        minutes_share=0.4,
        slots_per_minute=0.5,
        landing_rate=0.85,
        text_cut=150,
        max_text=600,
        headline_max=70,
        targets=_paid_targets(
            (45.0, 30.0, 60.0, "agency reports (LinkedIn CPM $30-60)"),
            (0.008, 0.004, 0.02, "assumption: CPM $30-60 at CPC ≈$5.6 means CTR ≈0.5-1.1%"),
            (5.6, 3.0, 9.0, "agency reports (LinkedIn CPC ≈$5.6)"),
            (0.08, 0.02, 0.15, "assumption: B2B clicks convert about as Meta's 9.21%"),
        ),
    ),
}
"""Ad-side constants per platform archetype. Beacon's ads are modelled on Telegram's sponsored
channel messages (text only, 160 characters): an assumption, since calibration.md has no
Telegram figures."""

COUNTRY_CPM: dict[str, float] = {
    "United States": 1.0,
    "Canada": 14.0 / 9.6,
    "India": 2.7 / 9.6,
    "United Kingdom": 0.95,
    "Russia": 0.3,
    "Kazakhstan": 0.22,
    "Belarus": 0.22,
}
"""Price multiplier of each country relative to the United States. Source: agency report in
calibration.md (US ≈$9.6, Canada ≈$14, India ≈$2.7, method: ratio of CPMs); the United Kingdom,
Russia, Kazakhstan and Belarus are assumptions."""

AGE_BAND_CPM: tuple[float, float, float, float, float, float] = (0.55, 0.85, 1.1, 1.1, 1.0, 0.85)
"""Price multiplier by age band 13-17, 18-24, 25-34, 35-44, 45-54, 55-65 (assumption: advertisers
compete hardest for 25-44-year-olds)."""

GENDER_CPM: dict[str, float] = {"female": 1.06, "male": 0.95}
"""Price multiplier by gender (assumption: agency reports say women cost a little more to reach)."""

# --- the auction ----------------------------------------------------------------------------

COMPETITION_SPREAD = 0.5
"""Log-normal spread of the best competing value above the floor, across auctions (assumption)."""

RESERVE_PRICE = 0.6
"""Floor price of every auction as a share of the market's median value (assumption): the best
competing value is the floor plus a log-normal part, so the cheapest auctions cost about the
floor and the median auction the market median."""

QUALITY_WEIGHT = 0.15
"""How much ad quality adds to (or takes from) total value, as a share of the market's median
value per unit of quality score (-1 to 1) (assumption; Meta: total value = bid x estimated
action rate + ad quality)."""

MARKET_NOISE = 0.08
"""Day-to-day log-normal spread of a platform's market price (assumption)."""

MAX_WIN_VALUE = 3.0
"""Automatic bidding bids at most this many times the market median for the typical person of
an ad set (assumption): an ad set that still cannot spend its budget has too small an audience."""

DAILY_FREQUENCY_CAP = 1.5
"""About how many times a day delivery shows one ad set to the same person before it skips
further wins on them (assumption: prospecting delivery keeps daily frequency near 1-1.5)."""

DELIVERY_FRESHNESS = 0.5
"""Delivery values a person who has already seen the ad set ``F`` times (fatigue-weighted)
at ``1 / (1 + 0.5 x F)`` of a fresh one, so it spreads over the audience (assumption)."""

NEGATIVE_FEEDBACK_BASE = 0.0015
"""Hides and reports per impression of an average ad (assumption)."""

NEGATIVE_FEEDBACK_WEIGHT = 0.6
"""Quality score lost per unit of log(negative feedback / base) over the last 7 days
(assumption; calibration.md: quality falls with negative feedback)."""

# --- budgets and pacing ---------------------------------------------------------------------

DAILY_OVERSPEND = 0.25
"""A day may spend up to 25% more than the daily budget (calibration.md, Meta's documented rule)."""

WEEK_BUDGET_DAYS = 7
"""A calendar week (Monday to Sunday) never spends more than 7 x the daily budget (calibration.md,
Meta's documented rule)."""

LIFETIME_DAY_MAX = 2.0
"""A day of a lifetime budget spends at most 2 x an even share of what remains (assumption;
calibration.md's example spends $250 over 5 days as 50/50/75/25/50)."""

PACING_NOISE = 0.06
"""Day-to-day log-normal spread of the opportunities pacing sees (assumption)."""

# --- learning phase, frequency and fatigue -------------------------------------------------

LEARNING_EVENTS = 50
"""Optimisation events that end the learning phase (calibration.md: ≈50 in 7 days, Meta)."""

LEARNING_DAYS = 7
"""Days after which an ad set still learning is "learning limited" (calibration.md, Meta)."""

LEARNING_RESET_CHANGE = 0.2
"""A budget change larger than this share restarts learning (calibration.md: ≈20%, Meta)."""

LEARNING_BLEND = 0.5
"""During learning the system's estimate of who will act is this much pulled towards the
audience average, so it bids less selectively (assumption)."""

FATIGUE_ONSET_COLD = 2.5
"""Frequency where fatigue starts for cold audiences (calibration.md: 2.5-3)."""

FATIGUE_ONSET_WARM = 4.5
"""Frequency where fatigue starts for retargeted, warm people (calibration.md: 4-5)."""

FATIGUE_RATE = 0.18
"""CTR lost per unit of frequency above the onset: exp(-0.18 x 2) ≈ 0.70, calibration.md's
worked example (CTR falls ≈30% as frequency rises from 2 to 4.5)."""

FREQUENCY_HALF_LIFE_DAYS = 7.0
"""Days after which half of the fatigue from past impressions has worn off (assumption)."""

# --- audiences ------------------------------------------------------------------------------

MIN_DELIVERABLE_AUDIENCE = 1000
"""Audience estimate below which a spec is too narrow to deliver well (assumption, Meta-like)."""

MIN_CUSTOM_AUDIENCE = 100
"""Smallest usable custom audience (calibration.md: minimum ≈100 people)."""

LOOKALIKE_PERCENT = (1, 10)
"""Lookalike sizes allowed, in percent of a country (calibration.md: 1-10%)."""

CUSTOMER_MATCH_RATE = 0.6
"""Share of an uploaded customer list the platform matches to its users (assumption: match rates
of 40-70% are commonly quoted)."""

OVERLAP_WARNING = 0.2
"""Share of an ad set's audience inside another active ad set that triggers a warning (assumption)."""

SITE_VISIT_RATE: dict[str, float] = {
    "follower": 0.005,
    "core": 0.0009,
    "adjacent": 0.0002,
    "other": 0.00002,
}
"""Daily chance that a person visits the brand's site on their own (search, word of mouth),
by their tie to the brand (assumption); history-post clicks add visits on top."""

LOCAL_OUTSIDE_CITY = 0.06
"""For local niches, visit and conversion chances of people outside the brand's city, relative to
those inside (assumption)."""

WARMTH: dict[str, tuple[float, float]] = {
    "cold": (1.0, 1.0),
    "aware": (1.5, 1.8),
    "visitor": (2.0, 3.0),
    "customer": (2.2, 4.0),
}
"""(CTR multiplier, conversion multiplier) of people by their tie to the brand: never seen it;
follow or engaged with it; visited the site in the last 180 days; bought before (assumption)."""

BOT_AD_CTR = 0.4
"""Bots click ads at this share of a person's rate and never convert (assumption: invalid clicks)."""

OBJECTIVES: dict[str, dict[str, object]] = {
    "reach": {"result": "people reached", "bid_unit": "per 1000 impressions", "ctr": 0.7},
    "traffic": {"result": "link clicks", "bid_unit": "per link click", "ctr": 1.0},
    "leads": {"result": "registrations", "bid_unit": "per registration", "ctr": 1.05},
    "sales": {"result": "purchases", "bid_unit": "per purchase", "ctr": 1.0},
}
"""Campaign objectives: what counts as a result, what a bid cap is per, and their CTR multiplier
(assumption: reach campaigns show ads to people who rarely click)."""

AD_CTA_BUTTONS: dict[str, dict[str, float]] = {
    "none": {"reach": 1.0, "traffic": 0.8, "leads": 0.8, "sales": 0.8},
    "learn_more": {"reach": 1.0, "traffic": 1.1, "leads": 1.0, "sales": 0.95},
    "shop_now": {"reach": 1.0, "traffic": 1.0, "leads": 0.9, "sales": 1.15},
    "sign_up": {"reach": 1.0, "traffic": 0.95, "leads": 1.15, "sales": 0.9},
    "book_now": {"reach": 1.0, "traffic": 1.0, "leads": 1.05, "sales": 1.05},
    "get_offer": {"reach": 1.0, "traffic": 1.1, "leads": 1.1, "sales": 1.1},
    "contact_us": {"reach": 1.0, "traffic": 0.9, "leads": 1.0, "sales": 0.9},
    "subscribe": {"reach": 1.0, "traffic": 0.9, "leads": 1.05, "sales": 0.85},
}
"""CTA buttons of ads and their CTR multiplier by objective (assumption: a button that matches the
objective helps)."""

# --- the funnel -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NicheFunnel:
    """How a niche's site visitors turn into registrations and purchases.

    Attributes:
        registration: Registrations per site visit (sign-up, trial booking, coupon claim).
        purchase: Purchases per registration.
        purchase_delay_days: Mean days from the click to the purchase.
    """

    registration: float
    purchase: float
    purchase_delay_days: float


FUNNEL: dict[str, NicheFunnel] = {
    "coffee_shop": NicheFunnel(0.07, 0.45, 1.5),
    "fitness_studio": NicheFunnel(0.06, 0.3, 4.0),
    "bag_store": NicheFunnel(0.05, 0.35, 2.0),
    "language_school": NicheFunnel(0.07, 0.25, 6.0),
    "pet_shop": NicheFunnel(0.06, 0.4, 2.0),
}
"""Funnel rates per niche (assumption, tuned so that registrations per click land in
calibration.md's conversion-rate range, WordStream 9.21%). Order value and margin are in
``sandbox.taxonomy.NICHES``."""

ORGANIC_CLICK_WARMTH = "aware"
"""Clicks on organic posts come mostly from followers: their conversion uses this warmth."""

# --- influencers and partnerships -----------------------------------------------------------

DEAL_TYPES: dict[str, dict[str, float]] = {
    "paid_post": {"price": 1.0, "reach": 1.0, "clicks": 1.0, "follows": 1.0},
    "giveaway": {"price": 1.3, "reach": 1.4, "clicks": 0.5, "follows": 6.0},
    "takeover": {"price": 2.0, "reach": 1.2, "clicks": 0.8, "follows": 2.5},
    "affiliate": {"price": 0.0, "reach": 0.6, "clicks": 1.4, "follows": 0.5},
}
"""Influencer deal types: price as a multiple of the influencer's price per post, and what the
deal does to reach, link clicks and follows relative to a paid post (assumption)."""

AFFILIATE_COMMISSION = 0.15
"""Default share of attributed revenue an affiliate deal pays the influencer (assumption)."""

SPONSORED_CLICK_RATE = 0.004
"""Link clicks per person reached by a sponsored influencer post (assumption: a link in the
caption, bio or story)."""

SPONSORED_FOLLOW_RATE = 0.002
"""Follows of the brand per person reached by a sponsored post (assumption)."""

INFLUENCER_TRUST = 1.2
"""Conversion multiplier of people sent by an influencer they follow (assumption)."""

GIVEAWAY_BOT_SHARE = 0.35
"""Share of a giveaway's follows that are prize hunters' bots, before the influencer's own fake
followers join in (assumption; same as the organic CONTEST_BOT_SHARE)."""

CROSS_PROMO_FOLLOW_RATE = 0.006
"""Follows per person reached by a partner community's post about the brand (assumption: a
recommendation from a community people chose to follow)."""

# --- smaller modelling choices of the paid side (all assumptions, tuned for teaching) -------

AD_CREATIVE_EFFECTS: dict[str, float] = {
    "text_cut_penalty": 0.25,
    "short_text": 0.9,
    "short_text_chars": 20,
    "no_headline": 0.9,
    "headline_fits": 1.05,
    "headline_cut": 0.95,
    "visual_base": 0.6,
    "visual_slope": 0.7,
    "quality_per_log_score": 1.6,
    "quality_limit": 0.8,
    "ranking_band": 0.15,
}
"""How a creative moves CTR (assumption): text past the platform's cut loses up to 25%, very
short texts 10%; a headline that fits +5%, none -10%, one cut short -5%; the visual multiplies
CTR by 0.6 + 0.7 x visual_fit. Its quality score is 1.6 x log(CTR multiplier), within +-0.8;
ad tools' "above/below average" rankings start at +-0.15."""

AD_AUDIENCE_EXPONENTS: dict[str, float] = {"ctr_affinity": 0.7, "conversion_affinity": 0.5, "ctr_local": 0.3}
"""How a person's fit with the niche (affinity, mean 1) and, for local niches, living outside the
brand's city change ad CTR and conversion: CTR x affinity^0.7 x local^0.3, registrations x
affinity^0.5 x local (assumption)."""

NICHE_AFFINITY: dict[str, float] = {"base": 0.3, "core": 1.5, "adjacent": 0.4, "age_sd": 12.0}
"""A person's fit with the niche before normalising to mean 1: (0.3 + 1.5 if they hold a core
interest + 0.4 if an adjacent one) x (0.5 + age fit, a normal curve of sd 12 years around the
niche's mean age) x the niche's gender lean (assumption)."""

CUSTOMER_PURCHASE_UPLIFT = 0.3
"""Past customers who register buy 30% more often than other registrants (assumption)."""

HIDES_PER_FATIGUE = 0.4
"""Negative feedback grows by 40% per unit of frequency past the fatigue onset (assumption)."""

INFLUENCER_AUDIENCE_BLEND: dict[str, float] = {
    "measured": 0.3,
    "core_topic": 0.85,
    "adjacent_topic": 0.45,
    "home_city": 0.85,
    "other_city": 0.03,
}
"""The marketplace's audience check keeps 30% of what the influencer's in-world followers show
and takes 70% from their topic (85% of a core-topic blogger's audience holds the niche's
interests, 45% of an adjacent one's) and, for nano and micro bloggers, their home city (85% of
the audience in it); the world's follow graph alone is drawn by popularity (assumption)."""

SPONSORED_ENGAGEMENT = 0.8
"""A sponsored post gets 80% of the influencer's usual engagements (assumption)."""

PARTNER_FEE_PER_EXTRA_FOLLOWER = 0.05
"""USD a partner community asks per follower beyond twice your account's size; smaller ones swap
posts for free (assumption)."""


# =========================================================================================
# COMMUNITY MANAGEMENT (sandbox.community): moderation, response time, negative reviews.
# Appended by the community-management work (module 08); nothing above is changed. What a
# triage decision does to a comment is an explicit model (see sandbox.community's docstring).
# Only the response-time benchmark has a source (the course's domain reading); every other
# number is marked "assumption": a modelling choice, tuned so the directions are right and
# the sizes plausible, not measured.
# =========================================================================================

RESPONSE_BENCHMARK_MINUTES: tuple[float, float] = (5.0, 10.0)
"""A bank's SMM team answers comments within 5-10 minutes (source: the course's domain reading,
shared/reference: "Sberbank SMM managers respond within 5-10 minutes"). The benchmark the
community lessons measure response times against; the model below does not depend on it."""

COMMENT_READERS_SHARE = 0.1
"""Share of the followers a post reaches who open its comments and see what is left there
(assumption)."""

VISIBLE_COMMENT_UNFOLLOW: dict[str, float] = {"spam": 0.0005, "toxic": 0.0015, "negativity": 0.003}
"""Chance that one reader unfollows because of one comment they see (assumption): spam left
visible makes the account look abandoned, a toxic comment insults its readers, public
negativity (an unresolved complaint repeated in public, or a "they delete comments" callout)
warns them off. Readers = followers reached by the post x COMMENT_READERS_SHARE."""

COMMENT_SENTIMENT: dict[str, float] = {
    "praise": 1.0,
    "praise_thanked": 1.5,
    "question_answered": 1.0,
    "question_unanswered": -0.5,
    "complaint_unanswered": -1.0,
    "complaint_answered": -0.5,
    "complaint_recovered": 0.5,
    "recovered_praise": 1.0,
    "spam": -1.0,
    "toxic": -1.5,
    "public_negativity": -2.0,
}
"""What a reader makes of each thing left visible in the comments, from -2 (bad) to +1.5 (good)
(assumption). A removed comment counts 0. ``recovered_praise`` and ``public_negativity`` are
extra items that appear after a complaint is worked out or goes public. The average over the
queue is the comment section's sentiment."""

TRUST_ENGAGEMENT = 0.15
"""Engagement on the account's next posts changes by 0.15 x the change in comment-section
sentiment (per comment) against doing nothing: a section that moves from neutral (0) to all
good (+1) lifts engagement by 15% (assumption)."""

QUESTION_CONVERSION: dict[str, float] = {
    "max": 0.3,
    "floor": 0.03,
    "half_life_minutes": 30.0,
    "unanswered": 0.02,
}
"""Chance that a real person's question ends in a purchase or booking: ``floor + (max - floor) x
0.5 ** (delay / half_life)`` when answered after ``delay`` minutes, ``unanswered`` when never
answered (assumption: a buyer asking about price or availability is ready now and asks the
next shop within the hour; answered within 10 minutes, 80% of the best chance is kept)."""

COMPLAINT_RECOVERY: dict[str, float] = {
    "max": 0.6,
    "floor": 0.1,
    "half_life_minutes": 120.0,
    "wrong_service": 0.35,
    "reply_only": 0.25,
}
"""Chance that a real customer's complaint is worked out and the customer kept: ``(floor + (max
- floor) x 0.5 ** (delay / half_life))`` when the brand replies after ``delay`` minutes and
connects the customer with the service that can fix it, times ``wrong_service`` when handed to
the wrong service, times ``reply_only`` for an apology without a fix (assumption)."""

RECOVERED_PRAISE = 0.3
"""Share of recovered customers who come back and praise the brand in public (assumption)."""

COMPLAINT_NEGATIVITY: dict[str, float] = {"ignored": 0.6, "half_life_minutes": 180.0}
"""Chance that a complaint not worked out turns into public negativity (repeated complaints,
friends piling on): ``ignored`` when nobody answers; ``ignored x (1 - 0.5 ** (delay /
half_life))`` when answered after ``delay`` minutes: a fast answer calms it, a reply next day
hardly helps (assumption)."""

REMOVAL_BACKLASH: dict[str, dict[str, float]] = {
    "complaint": {"delete": 0.7, "hide": 0.4},
    "question": {"delete": 0.15, "hide": 0.05},
    "praise": {"delete": 0.15, "hide": 0.05},
}
"""Chance that removing a real person's comment causes public negativity ("they delete
comments!") (assumption). A hidden comment stays visible to its author and their friends, so
fewer notice."""

AUTHOR_UNFOLLOW: dict[str, float] = {"delete": 0.6, "hide": 0.3, "unresolved_complaint": 0.3}
"""Chance that a real person unfollows when their praise, question or complaint is deleted or
hidden, and when their complaint is not worked out (assumption)."""

WORK_MINUTES: dict[str, float] = {"delete": 0.5, "hide": 0.5, "reply": 3.0, "escalate": 10.0, "ignore": 0.0}
"""Minutes of the community manager's time per action (assumption): removing takes a click, a
reply a few minutes, handing a complaint over to a service with the customer's details ten."""

REPLY_TEAMS: dict[str, dict[str, object]] = {
    "office_hours": {"days": (0, 1, 2, 3, 4), "start": 9, "end": 18, "median_minutes": 40.0, "missed": 0.1},
    "daily_shift": {"days": tuple(range(7)), "start": 9, "end": 21, "median_minutes": 20.0, "missed": 0.05},
    "bank_style": {"days": tuple(range(7)), "start": 0, "end": 24, "median_minutes": 7.0, "missed": 0.0},
}
"""Ways to staff replies (assumption): on which weekdays (0 = Monday) and hours (from ``start``
to ``end``, 0-24) someone is on duty, the median minutes they take to answer a comment while on
duty (log-normal spread REPLY_TIME_SPREAD), and the share of comments they never answer
(``missed``: lost in a busy feed). A comment written off duty waits for the next shift; an
answer not finished when the shift ends is finished in the next one. ``bank_style`` is staffed
around the clock to meet RESPONSE_BENCHMARK_MINUTES."""

REPLY_TIME_SPREAD = 0.7
"""Log-normal sigma of the minutes an on-duty team takes to answer (assumption)."""
