# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credential rules, without Odoo."""

from datetime import date

import pytest
from skinpro_rules import credentials as cr

DAY = date(2026, 6, 15)
REQUIREMENTS = [("licence", 0), ("certificate", 0.3)]


@pytest.mark.parametrize(
    "depth_mm, expected",
    [
        (0.25, ["licence"]),
        (0.3, ["licence"]),  # up to 0.3 mm: the licence alone
        (0.5, ["licence", "certificate"]),
        (1.0, ["licence", "certificate"]),
    ],
)
def test_required_by_depth_band(depth_mm, expected):
    assert cr.required(depth_mm, REQUIREMENTS) == expected


def test_no_requirements_require_nothing():
    assert cr.required(1.0, []) == []


@pytest.mark.parametrize(
    "periods, reason, since",
    [
        ([], cr.MISSING, None),
        ([(date(2025, 1, 1), date(2026, 6, 14))], cr.EXPIRED, date(2026, 6, 14)),
        ([(date(2026, 7, 1), None)], cr.NOT_YET_VALID, date(2026, 7, 1)),
    ],
)
def test_gaps(periods, reason, since):
    assert cr.gaps(["licence"], {"licence": periods}, DAY) == [
        cr.Gap("licence", reason, since)
    ]


@pytest.mark.parametrize(
    "period",
    [
        (date(2025, 1, 1), date(2026, 6, 15)),  # its last day
        (date(2026, 6, 15), None),  # its first day, open-ended
        (None, None),
    ],
)
def test_held_on_the_day(period):
    assert cr.gaps(["licence"], {"licence": [period]}, DAY) == []


def test_booking_warns_when_it_lapses_before_the_session():
    held = {"licence": [(date(2025, 1, 1), date(2026, 6, 20))]}
    refusals, warnings = cr.planning_verdict(["licence"], held, DAY, date(2026, 6, 25))
    assert refusals == []
    assert warnings == [cr.Gap("licence", cr.EXPIRED, date(2026, 6, 20))]


def test_booking_refused_when_lacking_today_and_on_the_day():
    refusals, warnings = cr.planning_verdict(["licence"], {}, DAY, date(2026, 6, 25))
    assert refusals == [cr.Gap("licence", cr.MISSING)]
    assert warnings == []


def test_booking_accepted_when_valid_from_the_session_day():
    held = {"licence": [(date(2026, 6, 20), None)]}
    assert cr.planning_verdict(["licence"], held, DAY, date(2026, 6, 25)) == ([], [])


def test_lapsing_unless_renewed():
    old = (date(2025, 7, 1), date(2026, 7, 1))
    assert cr.lapsing([old], DAY, 30) == [old]
    assert cr.lapsing([old], DAY, 10) == []
    renewed = (date(2026, 7, 2), date(2027, 7, 1))
    assert cr.lapsing([old, renewed], DAY, 30) == []
