# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which credentials a treatment's depth requires at a studio, and whether a
practitioner holds them on a day.

A studio's requirement is a credential and the depth above which it is required:
0 for every depth (an esthetician licence), 0.3 for deeper work only (a
micro-needling certificate). A credential is held on a day when one of its
certificates is valid that day (valid from that day or before, valid until that
day or later, or with no end).
"""

from dataclasses import dataclass
from datetime import timedelta

MISSING = "missing"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"

# Depths are recorded in hundredths of a millimetre.
_EPSILON = 0.005


@dataclass(frozen=True)
class Gap:
    """A credential the practitioner lacks on the day, and why."""

    credential: object
    reason: str
    # The last day of the most recent certificate (expired), or the first day of
    # the next one (not yet valid).
    since: object = None


def required(depth_mm, requirements):
    """The credentials a treatment of depth_mm requires.

    requirements: (credential, depth_above_mm) pairs of the studio.
    """
    return [
        credential
        for credential, depth_above in requirements
        if depth_mm > (depth_above or 0) + _EPSILON
    ]


def valid_on(period, day):
    """Whether a certificate valid over period (valid_from, valid_to) covers day."""
    valid_from, valid_to = period
    return (not valid_from or valid_from <= day) and (not valid_to or day <= valid_to)


def gaps(credentials, held, day):
    """The Gaps of credentials on day.

    held: credential -> list of (valid_from, valid_to) of the practitioner's
    certificates of that credential.
    """
    result = []
    for credential in credentials:
        periods = held.get(credential) or []
        if any(valid_on(period, day) for period in periods):
            continue
        if not periods:
            result.append(Gap(credential, MISSING))
            continue
        future = [start for start, _end in periods if start and start > day]
        if future:
            result.append(Gap(credential, NOT_YET_VALID, min(future)))
        else:
            result.append(
                Gap(credential, EXPIRED, max(end for _start, end in periods if end))
            )
    return result


def planning_verdict(credentials, held, today, session_day):
    """Whether a session on session_day may be booked today.

    Returns (refusals, warnings): the Gaps on the session's day that refuse the
    booking, and those that only warn because the credential is held today and
    lapses before the session (its start will be refused unless renewed).
    """
    on_session_day = gaps(credentials, held, session_day)
    held_today = {gap.credential for gap in on_session_day} - {
        gap.credential for gap in gaps(credentials, held, today)
    }
    refusals = [gap for gap in on_session_day if gap.credential not in held_today]
    warnings = [gap for gap in on_session_day if gap.credential in held_today]
    return refusals, warnings


def lapsing(periods, today, days):
    """The certificates (valid_from, valid_to) that end within days of today,
    unless another certificate of the same credential covers the day after."""
    result = []
    for period in periods:
        end = period[1]
        if not end or not (today <= end <= today + timedelta(days=days)):
            continue
        renewed = any(
            valid_on(other, end + timedelta(days=1))
            for other in periods
            if other != period
        )
        if not renewed:
            result.append(period)
    return result
