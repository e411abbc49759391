"""Ad creatives: format, text, headline, CTA button and how well the picture or video fits.

A creative's score multiplies the click-through rate it earns on a platform for an
objective; its quality part also enters the auction (``params.QUALITY_WEIGHT``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice
from ..taxonomy import FORMATS


@dataclass(frozen=True)
class Creative:
    """What an ad shows.

    Attributes:
        format: ``image``, ``carousel``, ``video``, ``short_video``, ``story``, ``text`` or
            ``link`` (each platform runs some of them; see ``params.AD_PLATFORMS``).
        text_length: Characters of primary text.
        headline: The headline (empty for none; Beacon's text ads have none).
        cta: CTA button: one of ``params.AD_CTA_BUTTONS``.
        visual_fit: How well the picture or video fits the message and the platform, 0 to 1
            (0.5 is average stock imagery; 1 a native, on-brand visual).

    Raises:
        SandboxInputError: For an unknown format or button, or values out of range.
    """

    format: str = "image"
    text_length: int = 100
    headline: str = ""
    cta: str = "learn_more"
    visual_fit: float = 0.6

    def __post_init__(self) -> None:
        check_choice("format", self.format, FORMATS)
        v = self.text_length
        if isinstance(v, bool) or not isinstance(v, int | float) or int(v) != v or v < 1:
            raise SandboxInputError(
                "text_length", f"must be a whole number of characters, at least 1, got {v!r}."
            )
        object.__setattr__(self, "text_length", int(v))
        if not isinstance(self.headline, str) or len(self.headline) > 255:
            raise SandboxInputError("headline", "must be a text of at most 255 characters ('' for none).")
        check_choice("cta", self.cta, P.AD_CTA_BUTTONS)
        f = self.visual_fit
        if isinstance(f, bool) or not isinstance(f, int | float) or not 0 <= f <= 1:
            raise SandboxInputError("visual_fit", f"must be a number from 0 to 1, got {f!r}.")

    def check_platform(self, platform: str) -> None:
        """Raise if the creative cannot run on a platform.

        Args:
            platform: Platform slug.

        Raises:
            SandboxInputError: For a format the platform does not run or a text too long.
        """
        ap = P.AD_PLATFORMS[platform]
        name = P.PLATFORMS[platform].name
        if self.format not in ap.ad_formats:
            raise SandboxInputError(
                "format",
                f"{name} ({platform!r}) runs no {self.format!r} ads. "
                f"Allowed there: {', '.join(ap.ad_formats)}. "
                "Use a format every platform of the ad set runs, or one ad set per platform.",
            )
        if self.text_length > ap.max_text:
            raise SandboxInputError(
                "text_length", f"{self.text_length} characters; {name} ads take at most {ap.max_text}."
            )

    def factors(self, platform: str, objective: str) -> dict[str, float]:
        """Return the creative's CTR multipliers on a platform for an objective.

        Args:
            platform: Platform slug.
            objective: Campaign objective.

        Returns:
            ``format``, ``text``, ``headline``, ``cta``, ``visual`` and their product
            ``score``.
        """
        ap = P.AD_PLATFORMS[platform]
        e = P.AD_CREATIVE_EFFECTS
        fmt = ap.ad_formats[self.format]
        over = max(0.0, self.text_length - ap.text_cut) / ap.text_cut
        text = 1.0 - e["text_cut_penalty"] * min(1.0, over)
        if self.text_length < e["short_text_chars"]:
            text *= e["short_text"]
        if ap.headline_max == 0:
            head = 1.0
        elif not self.headline.strip():
            head = e["no_headline"]
        elif len(self.headline) <= ap.headline_max:
            head = e["headline_fits"]
        else:
            head = e["headline_cut"]
        cta = P.AD_CTA_BUTTONS[self.cta][objective]
        visual = e["visual_base"] + e["visual_slope"] * float(self.visual_fit)
        return {
            "format": fmt,
            "text": text,
            "headline": head,
            "cta": cta,
            "visual": visual,
            "score": fmt * text * head * cta * visual,
        }

    def quality(self, platform: str, objective: str) -> float:
        """Return the creative's quality score before any negative feedback, -0.8 to 0.8.

        Args:
            platform: Platform slug.
            objective: Campaign objective.

        Returns:
            0 for an average creative; positive above average.
        """
        e = P.AD_CREATIVE_EFFECTS
        q = e["quality_per_log_score"] * math.log(self.factors(platform, objective)["score"])
        return max(-e["quality_limit"], min(e["quality_limit"], q))


def quality_label(q: float) -> str:
    """Return a quality ranking label like the ones ad tools show.

    Args:
        q: Quality score, -1 to 1.

    Returns:
        ``"above average"``, ``"average"`` or ``"below average"``.
    """
    band = P.AD_CREATIVE_EFFECTS["ranking_band"]
    if q > band:
        return "above average"
    if q < -band:
        return "below average"
    return "average"
