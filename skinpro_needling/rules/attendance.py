# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Whether a client kept their appointment: a cancellation made in time, one made
too late, a no-show, a session stopped once started; and the rebooking window the
chain's figures count returning clients by."""

from datetime import timedelta

# How a session ended up cancelled (the session's `cancellation`).
ON_TIME = "on_time"  # cancelled before the studio's late-cancel window
LATE = "late"  # cancelled within the window before the planned start, or after it
NO_SHOW = "no_show"  # the planned time passed and the client never came
STOPPED = "stopped"  # cancelled once the session had started

# A client rebooks when their next session at the studio is planned within this
# many days of the last one (8 weeks).
REBOOK_DAYS = 56
DEFAULT_LATE_CANCEL_HOURS = 24


def cancellation_kind(planned_start, cancelled_on, window_hours, started=False):
    """How a session planned for `planned_start` and cancelled at `cancelled_on`
    counts: late when fewer than `window_hours` hours were left before its start
    (a cancellation after the start included), on time otherwise; a session that
    had started counts as stopped, not as the client's cancellation."""
    if started:
        return STOPPED
    if planned_start - cancelled_on < timedelta(hours=window_hours):
        return LATE
    return ON_TIME


def may_mark_no_show(planned_start, now):
    """A no-show is recorded only once the planned start has passed."""
    return planned_start <= now
