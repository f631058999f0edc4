# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The screening outcome rules, without Odoo."""

from datetime import date, timedelta

import pytest
from skinpro_rules import screening as rules
from skinpro_rules.screening import Answer

DAY = date(2026, 3, 10)


def no(code, severity=rules.CLEARANCE):
    return Answer(code, severity, rules.NO)


def yes(code, severity, **kwargs):
    return Answer(code, severity, rules.YES, **kwargs)


def isotretinoin(last_dose, days=180):
    return yes(
        "isotretinoin_recent", rules.WAITING, waiting_days=days, event_date=last_dose
    )


def test_all_no_is_cleared():
    answers = [no("keloid"), no("pregnancy", rules.ABSOLUTE), no("peel", rules.WAITING)]
    assert rules.evaluate(answers, DAY) == rules.Outcome(rules.CLEARED)


@pytest.mark.parametrize(
    "severity, outcome",
    [
        (rules.ABSOLUTE, rules.REFER),
        (rules.CLEARANCE, rules.CLEARANCE_REQUIRED),
        (rules.WAITING, rules.DEFERRED),
    ],
)
def test_each_class_alone_gives_its_outcome(severity, outcome):
    answers = [no("other"), yes("x", severity, waiting_days=14, event_date=DAY)]
    result = rules.evaluate(answers, DAY)
    assert result.outcome == outcome
    assert result.reasons == ("x",)


@pytest.mark.parametrize(
    "severities, outcome",
    [
        ((rules.ABSOLUTE, rules.CLEARANCE), rules.REFER),
        ((rules.ABSOLUTE, rules.WAITING), rules.REFER),
        ((rules.CLEARANCE, rules.WAITING), rules.CLEARANCE_REQUIRED),
        ((rules.ABSOLUTE, rules.CLEARANCE, rules.WAITING), rules.REFER),
    ],
)
def test_absolute_beats_clearance_beats_waiting(severities, outcome):
    answers = [
        yes(f"c{i}", severity, waiting_days=30, event_date=DAY)
        for i, severity in enumerate(severities)
    ]
    assert rules.evaluate(answers, DAY).outcome == outcome
    assert rules.evaluate(list(reversed(answers)), DAY).outcome == outcome


def test_a_valid_clearance_lifts_clearance_required():
    answers = [yes("blood_thinner", rules.CLEARANCE, cleared=True), no("keloid")]
    assert rules.evaluate(answers, DAY).outcome == rules.CLEARED


def test_clearance_lists_only_what_is_still_missing():
    answers = [
        yes("blood_thinner", rules.CLEARANCE, cleared=True),
        yes("keloid", rules.CLEARANCE),
        yes("diabetes", rules.CLEARANCE),
    ]
    result = rules.evaluate(answers, DAY)
    assert result.outcome == rules.CLEARANCE_REQUIRED
    assert result.reasons == ("keloid", "diabetes")


def test_the_providers_clearance_lifts_an_absolute_contraindication():
    # After a referral, the medical provider's written clearance (e.g. a lesion
    # examined and found benign) allows the studio to treat.
    lesion = yes("suspicious_lesion", rules.ABSOLUTE, cleared=True)
    assert rules.evaluate([lesion], DAY).outcome == rules.CLEARED
    uncleared = yes("pregnancy", rules.ABSOLUTE)
    assert rules.evaluate([lesion, uncleared], DAY).outcome == rules.REFER


def test_cleared_clearance_with_a_running_wait_is_deferred():
    answers = [yes("blood_thinner", rules.CLEARANCE, cleared=True), isotretinoin(DAY)]
    result = rules.evaluate(answers, DAY)
    assert result.outcome == rules.DEFERRED
    assert result.deferred_until == DAY + timedelta(days=180)


def test_waiting_period_ends_on_the_right_day():
    last_dose = date(2026, 1, 1)
    end = date(2026, 6, 30)  # 180 days after 1 January 2026
    assert rules.evaluate([isotretinoin(last_dose)], end - timedelta(days=1)) == (
        rules.Outcome(rules.DEFERRED, end, ("isotretinoin_recent",))
    )
    assert rules.evaluate([isotretinoin(last_dose)], end).outcome == rules.CLEARED


def test_deferred_until_the_longest_waiting_period():
    toxin = yes("toxin", rules.WAITING, waiting_days=14, event_date=DAY)
    peel = yes(
        "peel", rules.WAITING, waiting_days=21, event_date=DAY - timedelta(days=2)
    )
    result = rules.evaluate([toxin, peel], DAY)
    assert result.deferred_until == DAY + timedelta(days=19)
    assert set(result.reasons) == {"toxin", "peel"}


def test_waiting_without_a_date_runs_from_the_screening():
    answer = yes("waxing", rules.WAITING, waiting_days=3)
    assert rules.evaluate([answer], DAY).deferred_until == DAY + timedelta(days=3)


def test_nothing_answered_is_not_evaluable():
    answers = [
        Answer("keloid", rules.CLEARANCE, None),
        Answer("pregnancy", rules.ABSOLUTE, ""),
    ]
    with pytest.raises(rules.Unanswered) as error:
        rules.evaluate(answers, DAY)
    assert error.value.codes == ("keloid", "pregnancy")


def test_one_unanswered_question_is_named():
    answers = [no("keloid"), Answer("pregnancy", rules.ABSOLUTE, None)]
    assert rules.unanswered(answers) == ["pregnancy"]
    with pytest.raises(rules.Unanswered, match="pregnancy"):
        rules.evaluate(answers, DAY)


def test_validity_is_capped_by_the_clearances_it_relies_on():
    assert rules.valid_until(DAY, 30) == date(2026, 4, 9)
    assert rules.valid_until(DAY, 30, [date(2026, 3, 20)]) == date(2026, 3, 20)
    assert rules.valid_until(DAY, 30, [date(2027, 1, 1)]) == date(2026, 4, 9)


@pytest.mark.parametrize(
    "outcome, day, status",
    [
        (rules.CLEARED, date(2026, 4, 9), rules.CLEARED),
        (rules.CLEARED, date(2026, 4, 10), rules.NONE),
        (rules.REFER, date(2026, 3, 11), rules.REFER),
        (rules.DEFERRED, date(2026, 3, 24), rules.DEFERRED),
        (rules.DEFERRED, date(2026, 3, 25), rules.CLEARED),
        (rules.DEFERRED, date(2026, 4, 10), rules.NONE),
    ],
)
def test_status_on_a_day(outcome, day, status):
    valid = date(2026, 4, 9)
    assert (
        rules.status_on(outcome, day, valid, deferred_until=date(2026, 3, 25)) == status
    )
