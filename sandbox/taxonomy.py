"""The fixed vocabularies of the sandbox: interests, formats, rubrics, niches, locales.

These lists are what the error messages offer as "allowed values", so they stay short and
spelled the way a marketer would type them.
"""

from __future__ import annotations

from dataclasses import dataclass

INTERESTS: tuple[str, ...] = (
    "coffee",
    "food",
    "fitness",
    "health",
    "sports",
    "fashion",
    "beauty",
    "travel",
    "languages",
    "education",
    "books",
    "music",
    "movies",
    "gaming",
    "tech",
    "business",
    "finance",
    "parenting",
    "pets",
    "home",
    "photography",
    "art",
    "outdoors",
    "cars",
)
"""Interest taxonomy. Post topics are drawn from the same list."""

FORMATS: tuple[str, ...] = (
    "text",
    "image",
    "carousel",
    "video",
    "short_video",
    "story",
    "poll",
    "link",
)
"""Post formats; each platform supports a subset (see ``World.platforms``)."""

RUBRICS: tuple[str, ...] = ("informative", "entertaining", "commercial", "contest")
"""Content rubrics of a content plan. A contest is a giveaway or a competition."""

CTAS: tuple[str, ...] = ("none", "learn_more", "shop_now", "sign_up", "comment_below", "follow_us")
"""Calls to action a post can end with."""

COMMENT_LABELS: tuple[str, ...] = ("praise", "question", "complaint", "spam", "toxic")
"""Ground-truth labels of comments."""

ROLES: tuple[str, ...] = ("regular", "influencer", "bot", "spammer", "troll")
"""Kinds of account among the people."""

GENDERS: tuple[str, ...] = ("female", "male")

WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Niche:
    """A business niche the learner's brand and its competitors work in.

    Attributes:
        slug: Identifier used in code.
        label: Human name.
        core_interests: Interests whose holders are the natural audience.
        adjacent_interests: Interests that overlap with the audience.
        local: Whether customers come from the brand's own city.
        female_share: Share of women in the natural audience.
        age_mean: Mean age of the natural audience.
        products: Words for what the brand sells (used in comments).
        name_words: Words used to make brand names.
        order_value: Average order value in USD (for the funnel).
        margin: Gross margin share of revenue.
    """

    slug: str
    label: str
    core_interests: tuple[str, ...]
    adjacent_interests: tuple[str, ...]
    local: bool
    female_share: float
    age_mean: float
    products: tuple[str, ...]
    name_words: tuple[str, ...]
    order_value: float
    margin: float


NICHES: dict[str, Niche] = {
    "coffee_shop": Niche(
        "coffee_shop",
        "coffee shop",
        ("coffee", "food"),
        ("books", "music", "art", "business"),
        True,
        0.58,
        31,
        ("latte", "flat white", "cold brew", "croissant", "espresso"),
        ("Bean", "Roast", "Brew", "Cup", "Crema", "Grind"),
        7.5,
        0.65,
    ),
    "fitness_studio": Niche(
        "fitness_studio",
        "fitness studio",
        ("fitness", "health"),
        ("sports", "beauty", "outdoors"),
        True,
        0.62,
        32,
        ("membership", "yoga class", "personal training", "pilates class"),
        ("Fit", "Core", "Pulse", "Move", "Strong", "Flex"),
        60.0,
        0.7,
    ),
    "bag_store": Niche(
        "bag_store",
        "online bag store",
        ("fashion", "beauty"),
        ("travel", "business", "art"),
        False,
        0.74,
        30,
        ("backpack", "tote bag", "crossbody bag", "leather wallet"),
        ("Tote", "Carry", "Satchel", "Strap", "Pocket", "Buckle"),
        85.0,
        0.45,
    ),
    "language_school": Niche(
        "language_school",
        "language school",
        ("languages", "education"),
        ("travel", "business", "books", "movies"),
        True,
        0.6,
        27,
        ("English course", "trial lesson", "exam prep", "conversation club"),
        ("Lingo", "Speak", "Verb", "Phrase", "Polyglot", "Accent"),
        180.0,
        0.55,
    ),
    "pet_shop": Niche(
        "pet_shop",
        "pet shop",
        ("pets",),
        ("home", "parenting", "outdoors", "photography"),
        True,
        0.63,
        36,
        ("dog food", "cat toy", "grooming kit", "pet bed"),
        ("Paw", "Whisker", "Tail", "Fetch", "Purr", "Bark"),
        40.0,
        0.4,
    ),
}
"""Niches a world can be built for."""


@dataclass(frozen=True)
class LocaleSpec:
    """Countries of a world built for one Faker locale.

    Attributes:
        locale: Faker locale of the people's names and jobs.
        countries: Country name -> (share of people, Faker locale for its cities).
        currency_note: How money is shown (the simulator always counts in USD).
    """

    locale: str
    countries: dict[str, tuple[float, str]]
    currency_note: str = "USD"


LOCALES: dict[str, LocaleSpec] = {
    "en_US": LocaleSpec(
        "en_US",
        {
            "United States": (0.86, "en_US"),
            "Canada": (0.07, "en_CA"),
            "United Kingdom": (0.05, "en_GB"),
            "India": (0.02, "en_IN"),
        },
    ),
    "ru_RU": LocaleSpec(
        "ru_RU",
        {"Russia": (0.9, "ru_RU"), "Kazakhstan": (0.05, "ru_RU"), "Belarus": (0.05, "ru_RU")},
    ),
}
"""Locales a world can be built in."""

CITIES_PER_COUNTRY = 12
"""How many cities each country has in the world (population follows Zipf's law)."""

FIXED_CITIES: dict[str, tuple[str, ...]] = {
    "Kazakhstan": ("Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Павлодар"),
    "Belarus": ("Минск", "Гомель", "Могилёв", "Витебск", "Гродно", "Брест"),
}
"""Countries whose city names are not drawn from a Faker locale."""
