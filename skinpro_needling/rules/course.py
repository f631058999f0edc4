# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Courses of sessions: credits and the spacing between sessions."""

from datetime import timedelta


def credits_left(sessions_total, sessions_used):
    return max(sessions_total - sessions_used, 0)


def earliest_next_session(last_session_day, min_spacing_days):
    """The first day the next session of a course may start; None: no session yet."""
    if last_session_day is None:
        return None
    return last_session_day + timedelta(days=min_spacing_days)


def spacing_respected(day, last_session_day, min_spacing_days):
    earliest = earliest_next_session(last_session_day, min_spacing_days)
    return earliest is None or day >= earliest
