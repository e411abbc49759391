"""The data dictionary: what every column of every sandbox table means.

The exported datasets' ``DATA_DICTIONARY.md`` is written from here, and a test checks that
every column a world produces is described.
"""

from __future__ import annotations

PLATFORM_COLUMNS: dict[str, str] = {
    "platform": "platform slug used everywhere in code, e.g. 'pixa'",
    "name": "the platform's (fictional) name",
    "archetype": "what kind of network it is (image-first feed, microblog, ...)",
    "resembles": "the real platform its numbers are calibrated to",
    "formats": "post formats the platform supports, comma-separated",
    "native_format": "the format that fits the platform best",
    "reach_mechanics": "how posts reach people there, in one sentence",
    "organic_reach": "share of followers an average post reaches (0.05 = 5%)",
    "discovery": "non-follower reach as a multiple of follower reach",
    "engagement_per_reach": "likes + comments + shares + saves per person reached, on average",
    "impressions_per_reach": "average number of times a reached person sees a post",
    "peak_hours": "the three busiest hours of the day (local time)",
    "best_days": "the three busiest weekdays",
    "show_more_chars": "characters shown before the text is cut by 'show more'",
    "max_chars": "longest text the platform accepts",
    "best_hashtags": "hashtag count that brings the most non-follower reach",
    "sustainable_posts_per_day": "posts per day the audience takes without tiring",
}

PEOPLE_COLUMNS: dict[str, str] = {
    "person_id": "unique id of the person (0, 1, 2, ...)",
    "name": "full name (Faker, in the world's locale)",
    "gender": "'female' or 'male'",
    "age": "age in years, 13 to 65",
    "age_band": "age band: 13-17, 18-24, 25-34, 35-44, 45-54, 55-65",
    "country": "country of residence",
    "city": "city of residence",
    "job": "occupation (Faker job, or student / retired)",
    "interests": "interests from the taxonomy, comma-separated (e.g. 'coffee, travel')",
    "platforms": "platforms the person uses, comma-separated slugs",
    "on_pixa": "True if the person uses Pixa (one on_<platform> column per platform)",
    "on_circles": "True if the person uses Circles",
    "on_chirp": "True if the person uses Chirp",
    "on_loop": "True if the person uses Loop",
    "on_beacon": "True if the person uses Beacon",
    "on_linkup": "True if the person uses Linkup",
    "role": "regular, influencer, bot, spammer or troll (ground truth)",
    "chronotype_shift": "hours later (+) or earlier (-) than the platform's usual rhythm",
    "daily_minutes": "minutes a day spent on social media",
    "weekend_factor": "weekend activity relative to weekdays (1.2 = 20% more)",
    "followers": "number of people in the world who follow this person",
    "following": "number of people this person follows",
}

FOLLOW_COLUMNS: dict[str, str] = {
    "follower_id": "person_id of the person who follows",
    "followee_id": "person_id of the person followed",
    "platform": "platform where the follow exists",
}

INFLUENCER_COLUMNS: dict[str, str] = {
    "influencer_id": "unique id of the influencer account",
    "person_id": "the influencer's person_id in people",
    "handle": "the account's handle",
    "name": "the influencer's name",
    "platform": "home platform of the account",
    "topic": "what the influencer posts about (an interest)",
    "tier": "nano (<10k followers), micro (10k-100k), macro (100k-1M), mega (>1M)",
    "followers": "followers shown on the profile, fake ones included (platform-wide total)",
    "fake_follower_share": "share of those followers that are fake (bought or bots)",
    "real_followers": "followers minus fake followers",
    "avg_engagements": "average engagements per post",
    "engagement_rate": "avg_engagements / followers: what the profile seems to achieve",
    "real_engagement_rate": "avg_engagements / real_followers: what real followers do",
    "price_per_post": "asking price for one paid post, USD",
    "audience_female_share": "share of women among the followers who are in the world",
    "audience_median_age": "median age of the followers who are in the world",
    "audience_city": "the influencer's city",
    "panel_followers": "how many of the followers live in the simulated world",
}

BRAND_COLUMNS: dict[str, str] = {
    "brand_id": "unique id of the brand; 0 is yours",
    "name": "brand name",
    "niche": "the niche all brands of the world work in",
    "is_you": "True for the learner's brand",
    "city": "home city of the brand",
    "country": "home country of the brand",
    "content_quality": "the brand's craft: a reach multiplier (yours is 1.0)",
}

ACCOUNT_COLUMNS: dict[str, str] = {
    "brand_id": "brand id",
    "brand": "brand name",
    "platform": "platform slug",
    "followers": "followers on the start date (after the history's follows and unfollows)",
    "bot_share": "share of the account's followers that are bots",
    "posts_per_week": "the account's usual posting frequency",
}

BRAND_FOLLOWER_COLUMNS: dict[str, str] = {
    "brand_id": "brand id",
    "platform": "platform slug",
    "person_id": "person_id of someone following the brand there when the history starts",
}

TREND_COLUMNS: dict[str, str] = {
    "trend_id": "unique id of the trend, e.g. 'T03' (use it in a plan's trend_id)",
    "name": "the trend's hashtag",
    "kind": "challenge, flash mob, meme or news hook",
    "topic": "the interest the trend is about",
    "platforms": "platforms where the trend runs, comma-separated",
    "start": "when the trend begins",
    "peak": "when it is at its most intense",
    "end": "when it has faded (about 4 x the time from start to peak)",
    "peak_day": "days from start to peak",
    "peak_boost": "how strong the trend is (reach multiplier scale at the peak)",
}

POST_COLUMNS: dict[str, str] = {
    "post_id": "unique id of the post",
    "brand_id": "id of the brand that posted",
    "brand": "name of the brand that posted",
    "platform": "platform slug",
    "time": "publishing time",
    "format": "post format (image, carousel, short_video, ...)",
    "rubric": "informative, entertaining, commercial or contest",
    "topic": "what the post is about (an interest)",
    "text_length": "characters of text",
    "hashtags": "number of hashtags",
    "cta": "call to action ('none' if there is none)",
    "trend_id": "trend the post joined, empty if none",
    "posts_that_day": "posts by the same brand on the same platform that day",
    "followers": "followers when the post was published",
    "reach": "unique people who saw the post",
    "reach_followers": "of them, followers",
    "reach_non_followers": "of them, non-followers (hashtags, recommendations, shares)",
    "impressions": "total views (a person can see a post more than once)",
    "likes": "likes (and reactions)",
    "comments": "comments",
    "shares": "shares / reposts / forwards",
    "saves": "saves / bookmarks",
    "clicks": "link clicks",
    "engagements": "likes + comments + shares + saves",
    "follows": "new followers the post brought (bots included)",
    "bot_follows": "of those, bots (giveaways attract them)",
    "unfollows": "followers lost after the post",
    "er_followers": "engagement rate by followers: engagements / followers",
    "er_reach": "engagement rate by reach: engagements / reach",
}

DAILY_COLUMNS: dict[str, str] = {
    "date": "the day",
    "brand_id": "brand id",
    "brand": "brand name (history only)",
    "platform": "platform slug",
    "followers_start": "followers at the start of the day",
    "posts": "posts published that day",
    "reach": "sum of the day's posts' reach",
    "impressions": "sum of the day's impressions",
    "engagements": "sum of the day's engagements",
    "clicks": "sum of the day's link clicks",
    "follows": "new followers that day",
    "unfollows": "followers lost that day",
    "followers_end": "followers at the end of the day",
}

COMMENT_COLUMNS: dict[str, str] = {
    "comment_id": "unique id of the comment",
    "post_id": "the post commented on",
    "brand_id": "brand that owns the post",
    "platform": "platform slug",
    "time": "when the comment was written",
    "author_id": "person_id of the author",
    "author_role": "the author's role (regular, bot, spammer, troll, influencer)",
    "text": "the comment's text",
    "label": "ground truth: praise, question, complaint, spam or toxic",
    "needs_reply": "True for questions and complaints: the brand should answer",
}

FACTOR_COLUMNS: dict[str, str] = {
    "organic_reach": "the platform's typical share of followers reached",
    "time_of_day": "multiplier: followers online at that hour vs an average hour",
    "audience_fit": "multiplier: how many followers care about the topic",
    "interest_share": "share of followers interested in the topic",
    "format_fit": "multiplier: how well the format suits the platform",
    "fatigue": "multiplier: reach kept after posting more than the audience takes",
    "trend": "multiplier from joining a trend (1 if none)",
    "trend_intensity": "the trend's intensity when the post went out (1 = peak)",
    "trend_freshness": "share of the trend still to come when the post went out",
    "quality": "multiplier: the brand's content quality",
    "luck": "multiplier: random variation",
    "discovery": "non-follower reach per follower reached",
    "hashtags": "multiplier on non-follower reach from hashtags",
    "engagement_base": "the platform's engagements per person reached",
    "text_length": "multiplier on engagement from text length vs the 'show more' cut",
    "rubric": "multiplier on engagement from the rubric",
    "cta": "multiplier on engagement from the call to action",
    "real_share": "share of followers that are real people (bots never engage)",
    "expected_follower_reach": "followers reached the model expected before the count was drawn",
}

TABLES: dict[str, dict[str, str]] = {
    "platforms": PLATFORM_COLUMNS,
    "people": PEOPLE_COLUMNS,
    "follows": FOLLOW_COLUMNS,
    "influencers": INFLUENCER_COLUMNS,
    "brands": BRAND_COLUMNS,
    "accounts": ACCOUNT_COLUMNS,
    "brand_followers": BRAND_FOLLOWER_COLUMNS,
    "trends": TREND_COLUMNS,
    "posts": POST_COLUMNS,
    "history_daily": DAILY_COLUMNS,
    "comments": COMMENT_COLUMNS,
}
"""Every table a ``World`` exposes, with its columns."""


# =========================================================================================
# PAID SIDE (sandbox.ads): ads results, conversions, channels, influencer deals.
# Appended by the paid-side work; the tables above are untouched.
# =========================================================================================

_SPEND = "USD charged (never more than the pacing rules allow)"
_RATES = {
    "ctr": "link clicks / impressions",
    "cpc": "spend / link clicks, USD (NaN without clicks)",
    "cpm": "spend / impressions x 1000, USD",
}

ADS_DAILY_COLUMNS: dict[str, str] = {
    "date": "the day",
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "objective": "the campaign's objective: reach, traffic, leads or sales",
    "budget_type": "'daily' or 'lifetime'",
    "budget": "the daily budget in effect that day, or the lifetime budget, USD",
    "spend": _SPEND,
    "impressions": "times the ads were shown (auctions won)",
    "reach": "unique people reached that day",
    "clicks": "link clicks",
    "visits": "site visits (clicks whose landing page loaded)",
    "registrations": "registrations from that day's clicks (counted on the click's day)",
    "purchases": "purchases from that day's clicks (counted on the click's day)",
    "revenue": "purchases x the niche's order value, USD",
    "results": "the objective's result: people reached, link clicks, registrations or purchases",
    "auctions": "ad auctions the audience offered that day (real users' ad slots)",
    "auctions_entered": "auctions the ad set entered (not given to your overlapping ad sets)",
    "auctions_won": "auctions won (= impressions)",
    "bid": "the bid pacing used, USD per result (per 1000 impressions for reach)",
    "market_cpm": "the market's median price for this audience that day, USD per 1000 impressions",
    "learning": "learning, learning limited, active, or no learning phase",
    "quality_ranking": "above average, average or below average",
    "budget_cap_hour": "hour the day's spending cap was reached (delivery stopped), empty if not",
    "frequency_to_date": "impressions so far / people reached so far",
    "frequency": "impressions / reach that day",
    "win_rate": "auctions won / auctions entered",
    **_RATES,
    "cost_per_result": "spend / results, USD",
}

ADS_AD_SET_COLUMNS: dict[str, str] = {
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "objective": "reach, traffic, leads or sales",
    "budget_type": "'daily' or 'lifetime'",
    "budget": "the daily budget (first one) or the lifetime budget, USD",
    "bid_strategy": "'lowest_cost' (automatic) or 'bid_cap'",
    "audience_size": "real people in the ad set's audience (see params.MARKET_USERS)",
    "days": "days the ad set ran",
    "spend": _SPEND,
    "impressions": "times the ads were shown",
    "reach": "unique people reached over the whole run",
    "frequency": "impressions / reach",
    "clicks": "link clicks",
    **_RATES,
    "visits": "site visits",
    "registrations": "registrations",
    "cvr": "registrations / link clicks (conversion rate)",
    "purchases": "purchases",
    "revenue": "purchases x the niche's order value, USD",
    "results": "the objective's result: people reached, link clicks, registrations or purchases",
    "cost_per_result": "spend / results, USD",
    "cpa": "spend / purchases, USD (cost per acquisition)",
    "roas": "revenue / spend (return on ad spend)",
    "romi": "(revenue x margin - spend) / spend (return on marketing investment)",
    "learning_ended": "day the (last) learning phase ended, empty if it never did",
    "learning_restarts": "times learning restarted (budget changes above 20%)",
    "status": "learning status on the last day",
    "quality_ranking": "above average, average or below average on the last day",
}

ADS_AD_COLUMNS: dict[str, str] = {
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "ad": "ad name",
    "format": "the creative's format",
    "cta": "the creative's CTA button",
    "impressions": "times this ad was shown",
    "clicks": "link clicks on this ad",
    "spend": "USD charged for this ad's impressions",
    "registrations": "registrations attributed to this ad",
    "purchases": "purchases attributed to this ad",
    "revenue": "revenue attributed to this ad, USD",
    **_RATES,
    "cpa": "spend / purchases, USD",
    "roas": "revenue / spend",
}

ADS_AD_DAILY_COLUMNS: dict[str, str] = {
    "date": "the day",
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "ad": "ad name",
    "impressions": "times this ad was shown that day",
    "clicks": "link clicks on this ad that day",
    "spend": "USD charged for this ad that day",
    "share": "the ad's share of its ad set's delivery that day (delivery favours the ad doing best)",
    **_RATES,
}

ADS_PLATFORM_COLUMNS: dict[str, str] = {
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "platform": "platform slug",
    "spend": "USD charged on this platform",
    "impressions": "impressions on this platform",
    "clicks": "link clicks on this platform",
    "visits": "site visits from this platform",
    "registrations": "registrations from this platform",
    "purchases": "purchases from this platform",
    **_RATES,
}

ADS_HOURLY_COLUMNS: dict[str, str] = {
    "date": "the day",
    "hour": "hour of the day, 0-23 (people's local time)",
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "impressions": "impressions in that hour (expected split of the day's impressions)",
    "spend": "USD charged in that hour",
}

ADS_FREQUENCY_COLUMNS: dict[str, str] = {
    "campaign": "campaign name",
    "ad_set": "ad set name",
    "frequency_band": "impressions a person had already seen before this one: 0-1, 1-2, ... 12+",
    "impressions": "impressions shown to people in that band",
    "clicks": "link clicks from those impressions",
    "ctr": "clicks / impressions in that band",
}

ADS_EXPLAIN_COLUMNS: dict[str, str] = {
    "date": "the day",
    "budget": "daily budget in effect (or the lifetime budget), USD",
    "target": "what pacing aimed to spend that day, USD",
    "cap": "the most the day could spend under the rules, USD",
    "spend": _SPEND,
    "credit": "cost of delivery beyond the cap, not charged, USD",
    "auctions": "auctions the audience offered",
    "auctions_shared": "of them, auctions left to your other ad sets targeting the same people",
    "auctions_entered": "auctions entered",
    "auctions_won": "auctions won (impressions)",
    "participation": "share of its auctions the ad set entered (pacing throttle, usually ~1)",
    "bid": "bid used, USD per result",
    "bid_needed": "bid that would spend the target (above the bid when a bid cap held it back)",
    "market_cpm": "market median price for the audience, USD per 1000 impressions",
    "avg_value_cpm": "average total value on the auctions won, USD per 1000 impressions",
    "cap_hit_hour": "hour the day's cap was reached, empty if not",
    "learning": "learning status that day",
    "events": "optimisation events that day (link clicks, registrations or purchases)",
    "quality": "ad quality score, -1 to 1 (0 = average)",
    "fatigue": "share of the fresh CTR kept after fatigue, impression-weighted",
    "frequency_avg": "impressions so far / people reached so far",
}

CONVERSION_COLUMNS: dict[str, str] = {
    "date": "day of the registration or purchase",
    "click_date": "day of the click that brought the visitor",
    "channel": "organic, contest, ads, influencer or cross_promo (last click)",
    "source": "what produced the click: 'post <id>', '<campaign>/<ad set>', or the deal's name",
    "platform": "platform of the click",
    "campaign": "campaign name (ads only, else empty)",
    "ad_set": "ad set name (ads only, else empty)",
    "ad": "ad name (ads only, else empty)",
    "person_id": "the person (or a look-alike they stand for) behind an ad conversion; -1 if unknown",
    "event": "'registration' or 'purchase'",
    "revenue": "order value for purchases, 0 for registrations, USD",
    "gross_profit": "revenue x the niche's margin, USD",
}

CHANNEL_COLUMNS: dict[str, str] = {
    "channel": "organic, contest, ads, influencer or cross_promo",
    "source": "(sources table only) post, ad set or deal",
    "cost": "spend, fees, prizes, commissions and extra costs you gave, USD",
    "impressions": "impressions (for deals, the deal posts' impressions)",
    "clicks": "link clicks",
    "visits": "site visits",
    "registrations": "registrations",
    "purchases": "purchases",
    "revenue": "revenue, USD",
    "gross_profit": "revenue x margin, USD",
    "cpc": "cost / clicks, USD",
    "cost_per_registration": "cost / registrations, USD",
    "cpa": "cost / purchases, USD",
    "roas": "revenue / cost",
    "romi": "(revenue x margin - cost) / cost; NaN when the cost is 0",
}

DEAL_COLUMNS: dict[str, str] = {
    "deal": "the deal's name",
    "channel": "influencer or cross_promo",
    "kind": "paid_post, giveaway, takeover, affiliate or cross_promo",
    "partner": "the influencer's handle or the community's name",
    "partner_id": "influencer_id or partner_id",
    "tier": "nano, micro, macro, mega, or community",
    "platform": "platform of the post",
    "date": "day of the post",
    "cost": "price (+ prize for giveaways, + commission for affiliate deals, fee for cross-promos), USD",
    "commission": "affiliate commission paid, USD",
    "reach": "people reached by the post",
    "impressions": "views of the post",
    "engagements": "likes, comments, shares and saves",
    "clicks": "link clicks to your site",
    "visits": "site visits",
    "registrations": "registrations",
    "purchases": "purchases",
    "revenue": "revenue, USD",
    "follows": "new followers of your brand (bots included)",
    "bot_follows": "of them, bots (giveaways attract prize hunters' bots)",
    "unfollows": "your followers lost by posting the partner's post (cross-promos)",
    "cost_per_real_follow": "cost / (follows - bot follows), USD",
    "cpa": "cost / purchases, USD",
    "roas": "revenue / cost",
    "romi": "(revenue x margin - cost) / cost",
}

MARKETPLACE_COLUMNS: dict[str, str] = {
    **INFLUENCER_COLUMNS,
    "audience_in_brand_city": "share of the influencer's audience living in your brand's city",
    "audience_interested": "share of the audience holding your niche's core interests",
    "audience_fit": "average fit of the audience with your niche (1 = the world's average person)",
    "audience_bots": "share of bots among the followers who live in the world",
    "price_giveaway": "price of a giveaway (prize not included), USD",
    "price_takeover": "price of an account takeover, USD",
    "affiliate_commission": "default commission of an affiliate deal (share of revenue)",
}

PARTNER_COLUMNS: dict[str, str] = {
    "partner_id": "id of the partner community",
    "name": "the community's name",
    "platform": "where it lives",
    "topic": "what it is about (an interest next to your niche)",
    "followers": "its followers",
    "audience_in_brand_city": "share of its followers in your brand's city",
    "audience_interested": "share holding your niche's core interests",
    "audience_fit": "average fit with your niche",
    "audience_bots": "share of bots among its followers",
    "fee": "what it asks for a post swap, USD (0: a free exchange)",
}

CUSTOMER_EXPORT_COLUMNS: dict[str, str] = {
    "customer_id": "row number in your shop's customer list",
    "name": "customer's name",
    "email": "customer's email (what you upload as a customer list)",
    "city": "customer's city",
}

PAID_CALIBRATION_COLUMNS: dict[str, str] = {
    "platform": "platform slug",
    "resembles": "the real platform its numbers are calibrated to",
    "figure": "cpm, ctr, cpc or cvr",
    "value": "measured on the world's standard campaign",
    "target": "the published figure",
    "low": "lowest value accepted",
    "high": "highest value accepted",
    "ok": "True when the value lies in [low, high]",
    "method": "how the figure is measured",
    "source": "where the figure comes from (calibration.md), or 'assumption'",
}

ADS_TABLES: dict[str, dict[str, str]] = {
    "ads.daily": ADS_DAILY_COLUMNS,
    "ads.ad_sets": ADS_AD_SET_COLUMNS,
    "ads.ads": ADS_AD_COLUMNS,
    "ads.ads_daily": ADS_AD_DAILY_COLUMNS,
    "ads.platforms": ADS_PLATFORM_COLUMNS,
    "ads.hourly": ADS_HOURLY_COLUMNS,
    "ads.frequency": ADS_FREQUENCY_COLUMNS,
    "ads.explain.factors": ADS_EXPLAIN_COLUMNS,
    "conversions": CONVERSION_COLUMNS,
    "channels": CHANNEL_COLUMNS,
    "deals": DEAL_COLUMNS,
    "marketplace": MARKETPLACE_COLUMNS,
    "partners": PARTNER_COLUMNS,
    "customer_export": CUSTOMER_EXPORT_COLUMNS,
    "paid_calibration": PAID_CALIBRATION_COLUMNS,
}
"""Every table of the paid side (``sandbox.ads``), with its columns."""
