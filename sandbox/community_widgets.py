"""Interactive community-management controls: triage rules and reply delay.

``TriageExplorer(queue)`` switches triage rules on and off (and edits the bad-words list) and
shows, for each kind of comment, how precise the rules are and how much they catch, with the
comments they remove by mistake and the spam they miss.

``ResponseTimeExplorer(queue)`` moves the reply delay and shows what it does: questions
converted, customers recovered, public negativity and unfollows (expected values of the model
in ``sandbox.community``), on a chart with the 5-10 minute benchmark.

Controls are plain ipywidgets, so a test can set ``tool.controls["link"].value = False`` and read
``tool.scores`` or ``tool.summary.value``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from . import community as C  # noqa: N812
from .params import RESPONSE_BENCHMARK_MINUTES


def _pct(x: float) -> str:
    return "–" if pd.isna(x) else f"{x:.0%}"


class TriageExplorer:
    """Switch triage rules on and off; see precision, recall and the mistakes.

    Args:
        queue: A moderation queue (``community.moderation_queue``).
        bad_words: The starting bad-words list.

    Attributes:
        controls: One checkbox per rule (by rule name) and ``bad_words`` (comma-separated text).
        table: HTML table of ``community.triage_scores`` for the current rules.
        mistakes: HTML lists: comments the rules would remove that are not spam or toxic, and spam
            and toxic comments they miss.
        predicted: The current predicted labels.
        scores: The current scores table.
        widget: The whole tool, to display.
    """

    def __init__(self, queue: pd.DataFrame, bad_words: tuple[str, ...] = C.BAD_WORDS) -> None:
        C._check_queue(queue, ("text", "author_role", "label"))  # noqa: SLF001
        self.queue = queue
        self.controls: dict[str, Any] = {
            r.name: w.Checkbox(
                value=True,
                description=f"{r.name}: {r.description} → {r.label}",
                indent=False,
                layout=w.Layout(width="520px"),
            )
            for r in C.RULES
        }
        self.controls["bad_words"] = w.Text(
            value=", ".join(bad_words),
            description="bad words",
            continuous_update=False,
            layout=w.Layout(width="520px"),
        )
        self.table = w.HTML()
        self.mistakes = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        rules_box = w.VBox([self.controls[r.name] for r in C.RULES] + [self.controls["bad_words"]])
        self.widget = w.VBox(
            [w.HTML("<b>Triage rules</b> (tried top to bottom)"), rules_box, self.table, self.mistakes]
        )
        self.refresh()

    @property
    def bad_words(self) -> list[str]:
        """The bad words typed in the text box."""
        return [x.strip() for x in self.controls["bad_words"].value.split(",") if x.strip()]

    def refresh(self) -> None:
        """Re-apply the rules that are on and redraw the scores and the mistakes."""
        on = [r.name for r in C.RULES if self.controls[r.name].value]
        self.predicted = C.apply_rules(self.queue, on, bad_words=self.bad_words)
        self.scores = C.triage_scores(self.queue["label"], self.predicted)
        shown = pd.DataFrame(
            {
                "you flagged": self.scores["flagged"],
                "really are": self.scores["actual"],
                "caught": self.scores["caught"],
                "precision": self.scores["precision"].map(_pct),
                "recall": self.scores["recall"].map(_pct),
            }
        )
        self.table.value = (
            "<p><b>Precision</b>: of what you flagged, the share that really is that kind. "
            "<b>Recall</b>: of what really is that kind, the share you flagged.</p>" + shown.to_html(border=0)
        )
        truth = self.queue["label"].astype(str)
        removed = self.predicted.isin(("spam", "toxic"))
        bad = truth.isin(("spam", "toxic"))
        wrong = self.queue[removed & ~bad]
        missed = self.queue[bad & ~removed]
        self.mistakes.value = self._examples(
            "Comments that are not spam or toxic but your rules would remove", wrong, len(wrong)
        ) + self._examples("Spam and toxic comments your rules miss", missed, len(missed))

    @staticmethod
    def _examples(title: str, rows: pd.DataFrame, n: int) -> str:
        if n == 0:
            return f"<p><b>{title}:</b> none.</p>"
        items = "".join(
            f"<li>[{escape(str(lab))}, {escape(str(role))}] {escape(str(text))}</li>"
            for lab, role, text in zip(
                rows["label"].head(5), rows["author_role"].head(5), rows["text"].head(5), strict=True
            )
        )
        return f"<p><b>{title}: {n}</b>, for example:</p><ul>{items}</ul>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


FIXES: dict[str, tuple[str, dict[str, Any]]] = {
    "right_service": ("escalate complaints to the right service", {}),
    "customer_care": ("escalate every complaint to customer care", {"services": "customer_care"}),
    "reply_only": (
        "reply to complaints without escalating",
        {"policy": {**C.DEFAULT_POLICY, "complaint": "reply"}},
    ),
}
"""How complaints are handled in ``ResponseTimeExplorer``: label and arguments for ``decide``."""

DELAYS: tuple[int, ...] = (0, 5, 10, 15, 30, 45, 60, 90, 120, 240, 480, 1440)
"""Reply delays the slider offers, in minutes."""


class ResponseTimeExplorer:
    """Move the reply delay; see questions converted, customers recovered and what goes wrong.

    Every question and complaint is answered after the same delay (a perfect triage: the true
    labels, unless you pass ``predicted``). Numbers are the model's expected values.

    Args:
        queue: A moderation queue.
        predicted: Labels to act on; None: the true labels.
        seed: The world's seed; None: the one stored in the queue.
        draw: Draw the chart (turn off in tests).

    Attributes:
        controls: ``delay`` (slider, minutes) and ``fix`` (how complaints are handled).
        summary: HTML with the figures at the chosen delay.
        output: Where the chart is drawn.
        sweep: Expected outcomes at every delay for the current ``fix`` (``community.delay_sweep``).
        current: The row of ``sweep`` at the chosen delay.
        widget: The whole tool, to display.
    """

    def __init__(
        self,
        queue: pd.DataFrame,
        predicted: pd.Series | None = None,
        seed: int | None = None,
        draw: bool = True,
    ) -> None:
        self.queue = queue
        self.predicted = predicted
        self.seed = seed
        self.draw = draw
        labels = queue["label"] if predicted is None else predicted
        self.questions = int((pd.Series(list(labels)) == "question").sum())
        self.complaints = int((pd.Series(list(labels)) == "complaint").sum())
        self.controls: dict[str, Any] = {
            "delay": w.SelectionSlider(
                options=[(f"{d} min", d) for d in DELAYS],
                value=10,
                description="reply after",
                continuous_update=False,
                layout=w.Layout(width="520px"),
            ),
            "fix": w.Dropdown(
                options=[(label, key) for key, (label, _) in FIXES.items()],
                value="right_service",
                description="complaints",
                layout=w.Layout(width="520px"),
            ),
        }
        self._sweeps: dict[str, pd.DataFrame] = {}
        self.summary = w.HTML()
        self.output = w.Output()
        self.controls["delay"].observe(lambda _c: self.refresh(), names="value")
        self.controls["fix"].observe(lambda _c: self.refresh(), names="value")
        self.widget = w.VBox([self.controls["delay"], self.controls["fix"], self.summary, self.output])
        self.refresh()

    @property
    def sweep(self) -> pd.DataFrame:
        """Expected outcomes at every delay of the slider, for the current way of handling complaints."""
        fix = self.controls["fix"].value
        if fix not in self._sweeps:
            self._sweeps[fix] = C.delay_sweep(
                self.queue, DELAYS, predicted=self.predicted, seed=self.seed, **FIXES[fix][1]
            )
        return self._sweeps[fix]

    def refresh(self) -> None:
        """Recompute and redraw for the current delay and way of handling complaints."""
        delay = float(self.controls["delay"].value)
        sweep = self.sweep
        self.current = sweep.loc[delay]
        best = sweep.iloc[0]
        lo, hi = RESPONSE_BENCHMARK_MINUTES
        self.summary.value = (
            f"<p>Answering every question and complaint after <b>{delay:g} minutes</b> "
            f"(benchmark: a bank answers in {lo:g}-{hi:g} minutes), expected:</p><ul>"
            f"<li>questions converted to purchases: <b>{self.current['questions_converted']:.1f}</b> "
            f"of {self.questions} (answering at once: {best['questions_converted']:.1f})</li>"
            f"<li>complaining customers recovered: <b>{self.current['customers_recovered']:.1f}</b> "
            f"of {self.complaints} (at once: {best['customers_recovered']:.1f})</li>"
            f"<li>complaints gone public: <b>{self.current['public_negativity']:.1f}</b></li>"
            f"<li>unfollows: <b>{self.current['unfollows']:.1f}</b>; engagement on the next posts: "
            f"<b>{self.current['engagement_change']:+.1%}</b> against doing nothing</li></ul>"
        )
        if self.draw:
            self.output.clear_output(wait=True)
            with self.output:
                self.plot()
                plt.show()

    def plot(self) -> Any:
        """Draw expected conversions and recoveries against the reply delay, marking the chosen one.

        Returns:
            The matplotlib axes.
        """
        sweep = self.sweep
        delay = float(self.controls["delay"].value)
        fig, ax = plt.subplots(figsize=(8, 3.2))
        x = list(range(len(sweep)))
        ax.plot(x, sweep["questions_converted"], marker="o", label="questions converted")
        ax.plot(x, sweep["customers_recovered"], marker="s", label="customers recovered")
        ax.plot(x, sweep["public_negativity"], marker="^", label="complaints gone public")
        pos = list(sweep.index).index(delay)
        ax.axvline(pos, color="black", linewidth=0.8, linestyle="--")
        lo, hi = (list(sweep.index).index(float(b)) for b in RESPONSE_BENCHMARK_MINUTES)
        ax.axvspan(lo, hi, color="green", alpha=0.12, label="benchmark 5-10 min")
        ax.set_xticks(x, [f"{d:g}" for d in sweep.index])
        ax.set_title("What the reply delay does (expected, whole queue)")
        ax.set_xlabel("reply delay (minutes, uneven steps)")
        ax.set_ylabel("people")
        ax.legend(fontsize=8)
        fig.tight_layout()
        return ax

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
