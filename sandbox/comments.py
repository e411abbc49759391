"""Comments on posts, with ground-truth labels for moderation practice."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import COMMENT_DELAY_MINUTES, COMMENT_LABEL_BASE
from .people import ROLE_ORDER, PeopleArrays
from .seeding import uniforms
from .taxonomy import COMMENT_LABELS, NICHES

_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "praise": (
            "Love this! Best {product} in town",
            "This made my day 😍",
            "Wow, the {product} looks amazing",
            "Been a fan for years, keep it up!",
            "So good. Saving this one",
            "Great post, thank you {brand}!",
            "Yes!! Need this {product} right now",
            "Beautiful 👏👏",
        ),
        "question": (
            "How much is the {product}?",
            "Is the {product} still available?",
            "Do you have a student discount?",
            "Any discounts for regulars?",
        ),
        "question_local": (
            "Are you open on Sunday?",
            "What time do you close today?",
            "Can I book for this weekend?",
            "Where exactly are you located?",
        ),
        "question_online": (
            "Do you deliver to my area?",
            "How long does shipping take?",
            "Can I return it if it doesn't fit?",
            "Do you ship abroad?",
        ),
        "complaint": (
            "Charged twice for one {product}, please fix this",
            "Not what the photos show, really disappointed",
            "Your support hasn't replied in three days",
        ),
        "complaint_local": (
            "The {product} was not worth the price and the staff ignored us",
            "Waited 40 minutes, never coming back",
            "Booked a {product} and nobody was there when I came",
        ),
        "complaint_online": (
            "Ordered a {product} last week and still nothing. Nobody answers my messages",
            "The {product} arrived damaged, I want a refund",
            "Wrong colour delivered and the return form doesn't work",
        ),
        "spam": (
            "Earn $500 a day from home!!! DM me 💰 {link}",
            "Get 10k followers cheap ➡️ {link}",
            "Hot singles near you {link}",
            "Crypto giveaway, claim now {link}",
            "Check my page for free gift cards!!!",
            "I made $3000 this week, ask me how {link}",
        ),
        "toxic": (
            "This is garbage and so are you",
            "Worst brand ever, everyone here is an idiot",
            "Who even buys this trash lol",
            "Shut up and stop posting",
            "Pathetic. Unfollow",
            "Only losers come here",
        ),
    },
    "ru": {
        "praise": (
            "Обожаю! Лучший {product} в городе",
            "Вы подняли мне настроение 😍",
            "Выглядит потрясающе!",
            "Давно с вами, так держать!",
            "Сохранила себе, спасибо",
            "Отличный пост, спасибо {brand}!",
            "Хочу этот {product} прямо сейчас",
            "Красота 👏👏",
        ),
        "question": (
            "Сколько стоит {product}?",
            "{product} ещё есть в наличии?",
            "Есть скидка для студентов?",
            "Есть скидки для постоянных клиентов?",
        ),
        "question_local": (
            "Вы работаете в воскресенье?",
            "До скольки вы сегодня открыты?",
            "Можно записаться на выходные?",
            "Где вы находитесь?",
        ),
        "question_online": (
            "Есть доставка в мой район?",
            "Сколько идёт доставка?",
            "Можно вернуть, если не подойдёт?",
            "Доставляете в другие страны?",
        ),
        "complaint": (
            "Списали деньги дважды, разберитесь",
            "На фото одно, в жизни другое, очень разочарована",
            "Поддержка не отвечает три дня",
        ),
        "complaint_local": (
            "{product} не стоит своих денег, персонал нас игнорировал",
            "Ждали 40 минут, больше не придём",
            "Записалась на {product}, а на месте никого не было",
        ),
        "complaint_online": (
            "Заказала {product} неделю назад, до сих пор ничего. На сообщения не отвечают",
            "{product} пришёл повреждённым, верните деньги",
            "Прислали не тот цвет, а форма возврата не работает",
        ),
        "spam": (
            "Заработок от 5000 в день!!! Пиши в личку 💰 {link}",
            "Накрутка подписчиков дёшево ➡️ {link}",
            "Знакомства рядом с тобой {link}",
            "Раздача криптовалюты, забирай {link}",
            "Бесплатные подарочные карты у меня на странице!!!",
        ),
        "toxic": (
            "Полный отстой, как и вы",
            "Худший бренд, тут одни идиоты",
            "Кто вообще это покупает, смешно",
            "Хватит постить, надоели",
            "Жалкое зрелище. Отписка",
        ),
    },
}

_RUBRIC_SHIFT = {
    "informative": {},
    "entertaining": {"praise": 1.3, "question": 0.6},
    "commercial": {"question": 1.8, "complaint": 1.4, "praise": 0.7},
    "contest": {"praise": 0.6, "spam": 2.0, "question": 0.8},
}
_PRODUCTS_RU: dict[str, tuple[str, ...]] = {
    "coffee_shop": ("латте", "флэт уайт", "колд брю", "круассан", "эспрессо"),
    "fitness_studio": ("абонемент", "занятие йогой", "персональная тренировка", "пилатес"),
    "bag_store": ("рюкзак", "шоппер", "сумка через плечо", "кожаный кошелёк"),
    "language_school": ("курс английского", "пробный урок", "подготовка к экзамену", "разговорный клуб"),
    "pet_shop": ("корм для собак", "игрушка для кошки", "набор для груминга", "лежанка"),
}
"""Product words for Russian-language comments."""

_LINKS = ("bit.ly/x9k2", "tinyurl.com/gift77", "cutt.ly/earn", "t.co/promo1")


def build_comments(
    posts: pd.DataFrame,
    arrays: PeopleArrays,
    brand_followers: pd.DataFrame,
    brand_names: dict[int, str],
    niche: str,
    locale: str,
    seed: int,
    namespace: str,
) -> pd.DataFrame:
    """Write the comments of every post, each with its true label.

    Args:
        posts: Posts with results (``uid``, ``post_id``, ``brand_id``, ``platform``, ``time``,
            ``rubric``, ``comments``).
        arrays: The people's arrays.
        brand_followers: Follower panel (``brand_id``, ``platform``, ``person_id``).
        brand_names: Brand name per brand id.
        niche: Niche slug (products named in comments).
        locale: World locale (language of comments).
        seed: The world's seed.
        namespace: Randomness namespace.

    Returns:
        One row per comment (columns in ``sandbox.columns.COMMENT_COLUMNS``).
    """
    counts = posts["comments"].to_numpy(dtype=np.int64)
    total = int(counts.sum())
    lang = "ru" if locale.startswith("ru") else "en"
    if total == 0:
        return _empty()
    post_pos = np.repeat(np.arange(len(posts)), counts)
    seq = np.concatenate([np.arange(c) for c in counts if c > 0])
    uid = posts["uid"].to_numpy(dtype=np.int64)[post_pos] * 4096 + seq
    u = uniforms(seed, namespace + "-comments", uid, 5)

    rubric = posts["rubric"].to_numpy(dtype=object)[post_pos]
    base = np.array([COMMENT_LABEL_BASE[lab] for lab in COMMENT_LABELS])
    probs = np.tile(base, (total, 1))
    for r, shift in _RUBRIC_SHIFT.items():
        sel = rubric == r
        for lab, mult in shift.items():
            probs[sel, COMMENT_LABELS.index(lab)] *= mult
    probs /= probs.sum(axis=1, keepdims=True)
    label_idx = (u[:, [0]] > np.cumsum(probs, axis=1)).sum(axis=1).clip(0, len(COMMENT_LABELS) - 1)
    labels = np.array(COMMENT_LABELS, dtype=object)[label_idx]

    # authors: spam from spammers and bots, toxic mostly from trolls, the rest from followers
    spammers = np.flatnonzero(
        np.isin(arrays.role_code, [ROLE_ORDER.index("spammer"), ROLE_ORDER.index("bot")])
    )
    trolls = np.flatnonzero(arrays.role_code == ROLE_ORDER.index("troll"))
    real = np.flatnonzero(
        np.isin(arrays.role_code, [ROLE_ORDER.index("regular"), ROLE_ORDER.index("influencer")])
    )
    author = real[(u[:, 1] * real.size).astype(np.int64)]
    brand = posts["brand_id"].to_numpy()[post_pos]
    plat = posts["platform"].to_numpy(dtype=object)[post_pos]
    panel = {k: g["person_id"].to_numpy() for k, g in brand_followers.groupby(["brand_id", "platform"])}
    for key, ids in panel.items():
        sel = (brand == key[0]) & (plat == key[1])
        if sel.any() and ids.size:
            author[sel] = ids[(u[sel, 1] * ids.size).astype(np.int64)]
    spam = labels == "spam"
    if spammers.size:
        author[spam] = spammers[(u[spam, 1] * spammers.size).astype(np.int64)]
    toxic = (labels == "toxic") & (u[:, 2] < 0.7)
    if trolls.size:
        author[toxic] = trolls[(u[toxic, 3] * trolls.size).astype(np.int64)]

    products = _PRODUCTS_RU[niche] if lang == "ru" else NICHES[niche].products
    text = np.empty(total, dtype=object)
    templates = _TEMPLATES[lang]
    for lab in COMMENT_LABELS:
        sel = np.flatnonzero(labels == lab)
        if sel.size == 0:
            continue
        opts = templates[lab] + templates.get(f"{lab}_{'local' if NICHES[niche].local else 'online'}", ())
        pick = (u[sel, 3] * len(opts)).astype(np.int64)
        prod = (u[sel, 2] * len(products)).astype(np.int64)
        link = (u[sel, 4] * len(_LINKS)).astype(np.int64)
        for i, t, pr, lk in zip(sel, pick, prod, link, strict=True):
            text[i] = opts[t].format(product=products[pr], brand=brand_names[int(brand[i])], link=_LINKS[lk])
            if text[i][:1].islower():
                text[i] = text[i][0].upper() + text[i][1:]

    delay = np.exp(np.log(COMMENT_DELAY_MINUTES) + 1.2 * np.sqrt(2) * _erfinv_approx(2 * u[:, 4] - 1))
    delay = np.where(spam, delay * 0.3, delay)
    post_time = pd.DatetimeIndex(posts["time"].to_numpy()[post_pos])
    times = post_time + pd.to_timedelta(np.round(delay, 1), unit="min")
    comments = pd.DataFrame(
        {
            "comment_id": np.arange(total, dtype=np.int64),
            "post_id": posts["post_id"].to_numpy()[post_pos],
            "brand_id": brand.astype(np.int64),
            "platform": pd.array(plat, dtype="str"),
            "time": times.floor("s").as_unit("us"),
            "author_id": author.astype(np.int64),
            "author_role": pd.array(
                np.array(ROLE_ORDER, dtype=object)[arrays.role_code[author]], dtype="str"
            ),
            "text": pd.array(text, dtype="str"),
            "label": pd.array(labels, dtype="str"),
            "needs_reply": np.isin(labels, ["question", "complaint"]),
        }
    )
    return (
        comments.sort_values(["time", "comment_id"], kind="stable")
        .reset_index(drop=True)
        .assign(comment_id=lambda d: np.arange(len(d), dtype=np.int64))
    )


def _erfinv_approx(y: np.ndarray) -> np.ndarray:
    from .engagement import _erfinv

    return _erfinv(y)


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "comment_id": pd.Series(dtype=np.int64),
            "post_id": pd.Series(dtype=np.int64),
            "brand_id": pd.Series(dtype=np.int64),
            "platform": pd.Series(dtype="str"),
            "time": pd.Series(dtype="datetime64[us]"),
            "author_id": pd.Series(dtype=np.int64),
            "author_role": pd.Series(dtype="str"),
            "text": pd.Series(dtype="str"),
            "label": pd.Series(dtype="str"),
            "needs_reply": pd.Series(dtype=bool),
        }
    )
