"""Partner communities for cross-promotion: non-competing communities near the brand's niche.

Each community is built deterministically from the world: a topic next to the niche (an
adjacent interest), the brand's platform where that topic has most members, and a set of
followers drawn from the people who hold the interest (inside the brand's city for local
niches). Communities up to twice the size of the brand's account swap posts for free; bigger
ones ask a fee for the extra audience.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..seeding import stream
from ..taxonomy import INTERESTS, NICHES
from .panel import PLATFORM_SLUGS, market_panel

if TYPE_CHECKING:
    from ..world import World

_FORMS = ("{topic} lovers of {city}", "{city} {topic} club", "The {topic} corner", "{topic} people")


def partner_communities(world: World) -> pd.DataFrame:
    """Return the communities the brand can swap posts with.

    Args:
        world: The world.

    Returns:
        One row per community: ``partner_id``, ``name``, ``platform``, ``topic``,
        ``followers``, ``audience_in_brand_city``, ``audience_interested`` (share holding the
        niche's core interests), ``audience_fit``, ``audience_bots``, ``fee``.
    """
    return _partner_communities(world).drop(columns="audience_local")


def _partner_communities(world: World) -> pd.DataFrame:
    panel = market_panel(world)
    spec = NICHES[world.niche]
    rng = stream(world.seed, "ads-partners")
    accounts = world.accounts
    mine = accounts[accounts["brand_id"] == 0].set_index("platform")["followers"]
    core_bits = 0
    for i in spec.core_interests:
        core_bits |= 1 << INTERESTS.index(i)
    in_city = panel.cities[panel.city_code] == panel.brand_city
    rows = []
    for n, topic in enumerate(spec.adjacent_interests):
        holds = ((panel.interest_mask >> INTERESTS.index(topic)) & 1).astype(bool) & ~panel.is_bot
        counts = [int((holds & panel.on_platform(k)).sum()) for k in range(len(PLATFORM_SLUGS))]
        order = np.argsort(counts)[::-1]
        k = int(order[n % 2])  # alternate the two biggest platforms for variety
        platform = PLATFORM_SLUGS[k]
        pool = np.flatnonzero(holds & panel.on_platform(k))
        weight = np.where(in_city[pool], 6.0, 0.1) if spec.local else np.ones(pool.size)
        own = int(mine.get(platform, 100))
        size = int(min(pool.size, max(30, round(own * float(rng.lognormal(0.3, 0.6))))))
        keys = np.log(rng.random(pool.size)) / weight
        members = pool[np.argpartition(-keys, size - 1)[:size]] if size < pool.size else pool
        bots = int(round(size * float(rng.uniform(0.0, 0.06))))
        form = _FORMS[int(rng.integers(len(_FORMS)))]
        name = form.format(
            topic=topic.capitalize() if form.startswith("{topic}") else topic, city=panel.brand_city
        )
        rows.append(
            {
                "partner_id": n,
                "name": name[0].upper() + name[1:],
                "platform": platform,
                "topic": topic,
                "followers": size + bots,
                "audience_in_brand_city": round(float(in_city[members].mean()), 4),
                "audience_interested": round(
                    float(((panel.interest_mask[members] & core_bits) != 0).mean()), 4
                ),
                "audience_fit": round(float(panel.affinity[members].mean()), 4),
                "audience_bots": round(bots / (size + bots), 4),
                "audience_local": float(panel.local[members].mean()),
                "fee": float(round(max(0, size + bots - 2 * own) * P.PARTNER_FEE_PER_EXTRA_FOLLOWER, -1)),
            }
        )
    df = pd.DataFrame(rows)
    for c in ("name", "platform", "topic"):
        df[c] = df[c].astype("str")
    return df
