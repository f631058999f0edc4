# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Late cancellations and no-shows, without Odoo."""

from datetime import datetime, timedelta

import pytest
from skinpro_rules import attendance

START = datetime(2026, 3, 10, 14, 0)


@pytest.mark.parametrize(
    "hours_before, window, expected",
    [
        (48, 24, attendance.ON_TIME),
        (24, 24, attendance.ON_TIME),  # exactly the window: still in time
        (23.5, 24, attendance.LATE),
        (1, 24, attendance.LATE),
        (-2, 24, attendance.LATE),  # cancelled after the planned start
        (5, 4, attendance.ON_TIME),  # a studio with a shorter window
        (3, 4, attendance.LATE),
        (1, 0, attendance.ON_TIME),  # no window: only after the start is late
        (-1, 0, attendance.LATE),
    ],
)
def test_cancellation_kind(hours_before, window, expected):
    cancelled_on = START - timedelta(hours=hours_before)
    assert attendance.cancellation_kind(START, cancelled_on, window) == expected


def test_a_started_session_cancelled_is_stopped_not_late():
    assert (
        attendance.cancellation_kind(START, START + timedelta(minutes=10), 24, True)
        == attendance.STOPPED
    )


@pytest.mark.parametrize(
    "now, allowed",
    [
        (START - timedelta(minutes=1), False),
        (START, True),
        (START + timedelta(days=3), True),
    ],
)
def test_no_show_only_once_the_start_passed(now, allowed):
    assert attendance.may_mark_no_show(START, now) is allowed
