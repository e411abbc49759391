"""The paid side of the sandbox: ads, the conversion funnel, attribution, influencer deals.

Targeting, ad auctions, budgets and pacing, custom audiences and lookalikes, the funnel to
site visits, registrations and purchases, attribution per channel, and influencer and
partnership deals.

Start with ``AdsManager``::

    from sandbox import World
    from sandbox.ads import AdsManager, Creative, Targeting

    world = World(seed=42)
    ads = AdsManager(world)
    spec = Targeting(platforms=["pixa"], cities=[world.brands["city"].iloc[0]], interests=["coffee"])
    print(ads.estimate(spec))
    camp = ads.create_campaign("Spring", objective="traffic")
    aset = camp.create_ad_set("coffee lovers", spec, daily_budget=20, end="2026-03-15")
    aset.create_ad("latte", Creative(format="carousel", headline="Your latte is ready"))
    results = ads.run()
    print(results.explain("coffee lovers"))
"""

from .attribution import Attribution, channel_report
from .audiences import CustomAudience
from .calibration_ads import paid_calibration_report
from .campaigns import Ad, AdSet, AdsManager, Campaign
from .creative import Creative
from .estimate import AudienceEstimate
from .influencer_deals import CrossPromo, Deal, DealResults, marketplace, run_deals
from .partners import partner_communities
from .results import AdsResults
from .targeting import Targeting

__all__ = [
    "Ad",
    "AdSet",
    "AdsManager",
    "AdsResults",
    "Attribution",
    "AudienceEstimate",
    "Campaign",
    "Creative",
    "CrossPromo",
    "CustomAudience",
    "Deal",
    "DealResults",
    "Targeting",
    "channel_report",
    "marketplace",
    "paid_calibration_report",
    "partner_communities",
    "run_deals",
]
