# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The outcome of a contraindication screening, in plain Python.

Severities of a contraindication answered yes:
- absolute: do not treat in the studio; the client is referred to a medical provider
  (outcome `refer`) unless the provider's written clearance covers it;
- clearance: treat only once a physician's written clearance covers it
  (outcome `clearance_required` until then);
- waiting: treat once the waiting period after the date the client gave has passed
  (outcome `deferred` until that day).

Absolute beats clearance, clearance beats waiting. All dates are those of the
screening: the stored outcome does not drift with the calendar; `status_on` reads it
on a given day.
"""

from dataclasses import dataclass
from datetime import date, timedelta

ABSOLUTE = "absolute"
CLEARANCE = "clearance"
WAITING = "waiting"

CLEARED = "cleared"
CLEARANCE_REQUIRED = "clearance_required"
DEFERRED = "deferred"
REFER = "refer"
NONE = "none"

YES = "yes"
NO = "no"


@dataclass(frozen=True)
class Answer:
    """A client's answer to one contraindication question."""

    code: str
    severity: str
    answer: str | None  # "yes", "no", or None while unanswered
    waiting_days: int = 0
    event_date: date | None = None  # waiting: the date the waiting period runs from
    cleared: bool = False  # a valid physician clearance covers it


@dataclass(frozen=True)
class Outcome:
    outcome: str
    deferred_until: date | None = None
    reasons: tuple[str, ...] = ()  # the codes that decided the outcome


class Unanswered(ValueError):
    """A screening cannot be evaluated while questions are unanswered."""

    def __init__(self, codes):
        super().__init__(", ".join(codes))
        self.codes = tuple(codes)


def unanswered(answers):
    return [a.code for a in answers if a.answer not in (YES, NO)]


def waiting_ends(answer, screening_date):
    """The first day the client can be treated after a waiting contraindication.

    Without a date the period runs from the screening date: the safe reading.
    """
    start = answer.event_date or screening_date
    return start + timedelta(days=answer.waiting_days)


def evaluate(answers, screening_date):
    """The outcome of a fully answered screening taken on `screening_date`."""
    missing = unanswered(answers)
    if missing:
        raise Unanswered(missing)
    yes = [a for a in answers if a.answer == YES]
    absolute = [a.code for a in yes if a.severity == ABSOLUTE and not a.cleared]
    if absolute:
        return Outcome(REFER, reasons=tuple(absolute))
    uncleared = [a.code for a in yes if a.severity == CLEARANCE and not a.cleared]
    if uncleared:
        return Outcome(CLEARANCE_REQUIRED, reasons=tuple(uncleared))
    waits = [
        (waiting_ends(a, screening_date), a.code)
        for a in yes
        if a.severity == WAITING and waiting_ends(a, screening_date) > screening_date
    ]
    if waits:
        until = max(end for end, _code in waits)
        return Outcome(DEFERRED, until, tuple(code for _end, code in sorted(waits)))
    return Outcome(CLEARED)


def valid_until(screening_date, validity_days, clearance_expiries=()):
    """A screening is valid for a number of days, and no longer than the
    physician clearances it relies on."""
    return min([screening_date + timedelta(days=validity_days), *clearance_expiries])


def status_on(outcome, day, valid_until_date, deferred_until=None):
    """What a confirmed screening says about the client on `day`."""
    if day > valid_until_date:
        return NONE
    if outcome == DEFERRED and deferred_until and day >= deferred_until:
        return CLEARED
    return outcome
