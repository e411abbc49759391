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
