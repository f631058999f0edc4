# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Signed charts and their review, without Odoo: the digest, the deadline, the
charts always reviewed and the reproducible sample of the others."""

from datetime import date, datetime, timedelta

from skinpro_rules import chart_review as rules


def test_the_digest_is_the_content_whatever_the_order_of_its_keys():
    one = rules.digest({"note": "a", "depths": [(1, 0.5)]})
    assert one == rules.digest({"depths": [(1, 0.5)], "note": "a"})
    assert one != rules.digest({"note": "b", "depths": [(1, 0.5)]})
    assert len(one) == 64


def test_a_chart_is_overdue_once_past_its_deadline_unsigned_or_signed_late():
    done = datetime(2026, 3, 2, 10)
    deadline = rules.sign_deadline(done, 72)
    assert deadline == datetime(2026, 3, 5, 10)
    assert not rules.is_overdue(deadline, None, deadline)
    assert rules.is_overdue(deadline, None, deadline + timedelta(seconds=1))
    assert rules.is_overdue(deadline, deadline + timedelta(hours=1), deadline)
    assert not rules.is_overdue(deadline, done, deadline + timedelta(days=9))
    assert not rules.is_overdue(None, None, deadline + timedelta(days=9))


def test_what_is_always_reviewed_most_pressing_first():
    assert rules.mandatory_reason(True, True, True, 0, 10) == rules.ADVERSE_EVENT
    assert rules.mandatory_reason(False, True, True, 0, 10) == rules.DEPTH_BREACH
    assert rules.mandatory_reason(False, False, True, 50, 10) == rules.RECALL_HOLD
    assert rules.mandatory_reason(False, False, False, 9, 10) == rules.NEW_PRACTITIONER
    assert rules.mandatory_reason(False, False, False, 10, 10) is None
    assert rules.mandatory_reason(False, False, False, 0, 0) is None


def test_the_target_is_the_share_rounded_up():
    assert rules.sample_target(100, 10) == 10
    assert rules.sample_target(3, 10) == 1
    assert rules.sample_target(0, 10) == 0
    assert rules.sample_target(40, 0) == 0


def test_a_month_of_100_charts_draws_up_to_the_target_reproducibly():
    seed = rules.sample_seed(3, 7, date(2026, 3, 1))
    assert seed == "3:7:2026-03"
    charts = list(range(1, 101))
    adverse = [5, 50, 95]
    others = [c for c in charts if c not in adverse]
    target = rules.sample_target(len(charts), 10)
    drawn = rules.draw_sample(others, len(adverse), target, seed)
    assert len(drawn) == 7
    assert set(drawn) <= set(others)
    # The same studio, practitioner and month draw the same charts, in any order
    # of the candidates; another month draws others.
    assert rules.draw_sample(list(reversed(others)), 3, target, seed) == drawn
    other_month = rules.sample_seed(3, 7, date(2026, 4, 1))
    assert rules.draw_sample(others, 3, target, other_month) != drawn
    # Nothing more once the target is reached.
    assert rules.draw_sample(others, 10, target, seed) == []
