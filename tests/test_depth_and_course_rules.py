# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Depth class and course rules, without Odoo."""

from datetime import date

import pytest
from skinpro_rules import course, depth


@pytest.mark.parametrize(
    "depth_mm, limit, cap, expected",
    [
        (1.25, 1.5, 1.5, depth.COSMETIC),
        (1.5, 1.5, 1.5, depth.MEDICAL),
        (2.0, 1.5, 1.5, depth.MEDICAL),
        (0.25, 0.5, 1.5, depth.COSMETIC),
        (0.5, 0.5, 1.5, depth.MEDICAL),
        (0.25, 0, 1.5, depth.MEDICAL),
        (1.25, 2.0, 1.0, depth.MEDICAL),  # the chain cap wins over a higher limit
        (0.75, 2.0, 1.0, depth.COSMETIC),
        (0, 1.5, 1.5, depth.MEDICAL),  # no depth: never sold as cosmetic
    ],
)
def test_depth_class(depth_mm, limit, cap, expected):
    assert depth.depth_class(depth_mm, depth.effective_limit(limit, cap)) == expected


@pytest.mark.parametrize(
    "depth_mm, within",
    [(0, True), (0.25, True), (2.5, True), (2.75, False), (-0.25, False)],
)
def test_the_pens_range(depth_mm, within):
    assert depth.within_pen_range(depth_mm) is within


def test_credits_left_never_negative():
    assert course.credits_left(3, 0) == 3
    assert course.credits_left(3, 3) == 0
    assert course.credits_left(3, 4) == 0


def test_spacing_between_sessions():
    last = date(2026, 3, 1)
    assert course.spacing_respected(date(2026, 3, 1), None, 28)
    assert not course.spacing_respected(date(2026, 3, 11), last, 28)
    assert not course.spacing_respected(date(2026, 3, 28), last, 28)
    assert course.spacing_respected(date(2026, 3, 29), last, 28)
    assert course.earliest_next_session(last, 28) == date(2026, 3, 29)
