"""Every column of every paid-side table is described in ``sandbox.columns``."""

from __future__ import annotations

from sandbox import World, columns
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.ads.attribution import Attribution
from sandbox.ads.calibration_ads import paid_calibration_report
from sandbox.ads.influencer_deals import CrossPromo, Deal, marketplace, run_deals
from sandbox.ads.partners import partner_communities


def test_every_paid_table_column_is_documented():
    w = World(seed=2, size=4_000)
    ads = AdsManager(w)
    aset = ads.create_campaign("c", objective="sales").create_ad_set(
        "s",
        Targeting(platforms=["pixa", "circles"], countries=["United States"]),
        daily_budget=30,
        end="2026-03-06",
    )
    aset.create_ad("a", Creative())
    res = ads.run()
    deals = run_deals(w, [Deal(0), Deal(1, "giveaway"), CrossPromo(0)])
    att = Attribution(w, ads=res, deals=deals)
    tables = {
        "ads.daily": res.daily,
        "ads.ad_sets": res.ad_sets,
        "ads.ads": res.ads,
        "ads.ads_daily": res.ads_daily,
        "ads.platforms": res.platforms,
        "ads.hourly": res.hourly,
        "ads.frequency": res.frequency,
        "ads.explain.factors": res.explain("s").factors,
        "conversions": att.conversions,
        "channels": att.sources,
        "deals": deals.deals,
        "marketplace": marketplace(w),
        "partners": partner_communities(w),
        "customer_export": ads.customer_export(),
    }
    for name, df in tables.items():
        documented = columns.ADS_TABLES[name]
        missing = [c for c in df.columns if c not in documented]
        assert not missing, f"{name}: undocumented columns {missing}"
        if name not in ("channels",):
            extra = [c for c in documented if c not in df.columns]
            assert not extra, f"{name}: documented but absent {extra}"
        for c in df.columns:
            if df[c].dtype == object:
                raise AssertionError(f"{name}.{c} is object dtype; text columns use 'str'")
    assert set(att.channels.columns) | {"source"} == set(columns.CHANNEL_COLUMNS)


def test_paid_calibration_report_columns_are_documented():
    report = paid_calibration_report(World(seed=2, size=4_000), days=7)
    assert list(report.columns) == list(columns.PAID_CALIBRATION_COLUMNS)
