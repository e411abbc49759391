"""The learning phase: an ad set's delivery is less precise until it has seen ~50 results.

While learning, the system's estimate of who will act is pulled towards the audience's
average (``params.LEARNING_BLEND``), so it bids almost the same for everyone. Learning ends
after ``LEARNING_EVENTS`` optimisation events; after ``LEARNING_DAYS`` days without them the
ad set is "learning limited" (still imprecise). A budget change above
``LEARNING_RESET_CHANGE`` restarts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import params as P  # noqa: N812


@dataclass
class LearningPhase:
    """Learning-phase state of one ad set.

    Attributes:
        enabled: False for objectives without a learning phase (reach).
        learning: True while the phase runs (or is limited).
        events: Optimisation events since the phase (re)started.
        started_day: Day index the current phase started.
        ended_day: Day index it ended, or None.
        restarts: (day index, reason) of every restart.
    """

    enabled: bool = True
    learning: bool = True
    events: int = 0
    started_day: int = 0
    ended_day: int | None = None
    restarts: list[tuple[int, str]] = field(default_factory=list)

    def start(self, day: int) -> None:
        """Start (or restart) the phase on a day.

        Args:
            day: Day index.
        """
        self.learning = self.enabled
        self.events = 0
        self.started_day = day
        self.ended_day = None

    def budget_changed(self, day: int, old: float, new: float) -> None:
        """Restart learning when the budget changes by more than the threshold.

        Args:
            day: Day index of the change.
            old: Previous budget.
            new: New budget.
        """
        if old > 0 and abs(new - old) / old > P.LEARNING_RESET_CHANGE and self.enabled:
            self.restarts.append((day, f"budget changed {100 * (new - old) / old:+.0f}%"))
            self.start(day)

    def record(self, day: int, events: int) -> None:
        """Count a day's optimisation events; end the phase when enough have come.

        Args:
            day: Day index.
            events: Optimisation events that day.
        """
        if not self.learning:
            return
        self.events += int(events)
        if self.events >= P.LEARNING_EVENTS:
            self.learning = False
            self.ended_day = day

    def status(self, day: int) -> str:
        """Return the status on a day: learning, learning limited, active or none.

        Args:
            day: Day index.

        Returns:
            The status label.
        """
        if not self.enabled:
            return "no learning phase"
        if not self.learning:
            return "active"
        if day - self.started_day >= P.LEARNING_DAYS:
            return "learning limited"
        return "learning"
