# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Signed charts and their review by a medical director: the digest of what was
signed, the signing deadline, why a chart must be reviewed, and the random sample
of the others."""

import hashlib
import json
import math
import random
from datetime import timedelta

# Why a chart is in the medical director's queue, most pressing first.
ADVERSE_EVENT = "adverse_event"
DEPTH_BREACH = "depth_breach"
RECALL_HOLD = "recall_hold"
NEW_PRACTITIONER = "new_practitioner"
SAMPLE = "sample"


def digest(content):
    """The SHA-256 of `content` (JSON-serialisable), in a canonical form: the same
    content always gives the same digest, whatever the order of its keys."""
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def sign_deadline(done_at, hours):
    """When a chart completed at `done_at` must be signed."""
    return done_at + timedelta(hours=hours)


def is_overdue(deadline, signed_at, now):
    """Whether a chart missed its deadline: signed after it, or still unsigned past
    it. A chart without a deadline (done before signing existed) never is."""
    if not deadline:
        return False
    return (signed_at or now) > deadline


def mandatory_reason(
    adverse_event, depth_breach, recall_hold, practitioner_charts_before, first_charts
):
    """Why a chart is always reviewed, or None: an adverse event, a depth breach,
    a hold after a recall, or one of the first `first_charts` charts of its
    practitioner at the studio (`practitioner_charts_before` signed before it)."""
    if adverse_event:
        return ADVERSE_EVENT
    if depth_breach:
        return DEPTH_BREACH
    if recall_hold:
        return RECALL_HOLD
    if practitioner_charts_before < first_charts:
        return NEW_PRACTITIONER
    return None


def sample_target(signed_count, percent):
    """How many of a practitioner's signed charts of a month the studio reviews:
    `percent` of them, rounded up, so that a single chart is not left out."""
    return math.ceil(signed_count * percent / 100) if percent > 0 else 0


def sample_seed(studio_id, practitioner_id, month):
    """The seed of a draw: the same studio, practitioner and month always draw in
    the same order."""
    return f"{studio_id}:{practitioner_id}:{month.isoformat()[:7]}"


def draw_sample(candidate_ids, reviewed_count, target, seed):
    """The charts to add to the queue so that `target` of the month's charts are
    reviewed, `reviewed_count` being already queued (whatever the reason): drawn
    from `candidate_ids` (the others) in an order fixed by `seed`."""
    missing = target - reviewed_count
    if missing <= 0:
        return []
    order = sorted(candidate_ids)
    random.Random(seed).shuffle(order)
    return order[:missing]
