# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The treatment session's state machine: its states, the actions that move it, and
what each state locks. `skinpro.treatment.session` runs it on every create, write and
unlink (through `skinpro.state.machine`), whichever door the change comes in by."""

from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm

_lt = LazyTranslate(__name__)

# What may still be recorded on a session once it is done or cancelled.
AFTERWARDS = (
    "note",
    "adverse_event",
    "adverse_event_type",
    "adverse_event_severity",
    "adverse_event_description",
    # Follow-up photos; the photos themselves lock the session's before ones.
    "photo_ids",
)
START = sm.Action(
    "action_start",
    _lt("Start"),
    sources=("planned",),
    target="in_progress",
    sets=("screening_id", "date_start", "depth_limit_mm", "depth_class"),
)
COMPLETE = sm.Action(
    "action_done",
    _lt("Complete"),
    sources=("in_progress",),
    target="done",
    sets=(
        "date_end",
        "consumption_picking_id",
        "consumed_lot_ids",
        "consumables_cost",
    ),
)
CANCEL = sm.Action(
    "action_cancel",
    _lt("Cancel"),
    sources=("planned", "in_progress"),
    target="cancelled",
    sets=("cancelled_on", "cancellation"),
)
# The client did not come: a planned session whose time has passed.
NO_SHOW = sm.Action(
    "action_no_show",
    _lt("No-show"),
    sources=("planned",),
    target="cancelled",
    sets=("cancelled_on", "cancellation"),
)
REVIEW_BREACH = sm.Action(
    "action_review_depth_breach",
    _lt("Review depth breach"),
    sources=("in_progress",),
    sets=(
        "depth_breach_reviewed_by_id",
        "depth_breach_reviewed_on",
        "depth_breach_reason",
    ),
)
REVIEW_RECALL = sm.Action(
    "action_skinpro_review_recall",
    _lt("Review after recall"),
    sources=("planned",),
    sets=("recall_reviewed_by_id", "recall_reviewed_on"),
)
HOLD_FOR_RECALL = sm.Action(
    "recall_hold",
    _lt("the recall of a lot used on the client"),
    sources=("planned",),
    sets=("recall_id",),
)
# The client's answers to the re-confirmation, sent from the portal.
PORTAL_RECONFIRMATION = sm.Action(
    "portal_reconfirmation",
    _lt("the client's re-confirmation sent from the portal"),
    sources=("planned",),
    sets=("reconfirmed_on",),
)
# The client's withdrawal of photo consent removes the before photo, in any state
# but signed: a signed chart keeps the photo it was signed with.
PHOTO_CONSENT_WITHDRAWAL = sm.Action(
    "photo_consent_withdrawal",
    _lt("the client's withdrawal of photo consent"),
    sources=("planned", "in_progress", "done", "cancelled"),
)
# A done session whose chart its practitioner signed: nothing of it changes any
# more; a correction is an addendum (`skinpro.session.addendum`). Not a value of
# the state field: the state of a done session with a signature.
SIGNED = "signed"
# The fields of the signature and of the medical director's review.
SIGNATURE_FIELDS = ("signed_on", "signed_by_id", "signature_digest", "signed_addenda")
REVIEW_FIELDS = (
    "review_state",
    "review_reason",
    "reviewer_id",
    "reviewed_on",
    "review_comment",
    "review_returned_count",
)
SIGN = sm.Action(
    "action_sign",
    _lt("Sign"),
    sources=("done", SIGNED),
    target=SIGNED,
    sets=SIGNATURE_FIELDS,
)
DEADLINE = sm.Action(
    "sign_deadline",
    _lt("completing the session"),
    sources=("in_progress",),
    sets=("sign_deadline",),
)
QUEUE_REVIEW = sm.Action(
    "review_queue",
    _lt("the medical director's review queue"),
    sources=(SIGNED,),
    sets=REVIEW_FIELDS,
)
# The medical director's buttons (Approve, Return), named by what they do: the
# forms' other roles see no such button.
APPROVE_REVIEW = sm.Action(
    "review_approve",
    _lt("the medical director's approval"),
    sources=(SIGNED,),
    sets=REVIEW_FIELDS,
)
RETURN_REVIEW = sm.Action(
    "review_return",
    _lt("the medical director's return"),
    sources=(SIGNED,),
    sets=REVIEW_FIELDS,
)
SESSION_MACHINE = sm.Machine(
    state_field="state",
    states=("planned", "in_progress", "done", "cancelled", SIGNED),
    creatable=("planned",),
    deletable=("planned",),
    actions=(
        START,
        sm.Action(
            "action_start_override_spacing",
            _lt("Start despite spacing"),
            sources=("planned",),
            target="in_progress",
            sets=("spacing_overridden_by_id",),
        ),
        COMPLETE,
        sm.Action(
            "action_done_override_shortage",
            _lt("Complete despite shortage"),
            sources=("in_progress",),
            target="done",
            sets=("shortage_overridden_by_id",),
        ),
        CANCEL,
        NO_SHOW,
        REVIEW_BREACH,
        REVIEW_RECALL,
        HOLD_FOR_RECALL,
        sm.Action(
            "depth_line",
            _lt("recording a depth at or above the studio's limit"),
            sources=("in_progress",),
            sets=("depth_breach",),
        ),
        sm.Action(
            "booking",
            _lt("booking the session's consumables"),
            sources=("planned",),
            sets=("consumption_picking_id",),
        ),
        sm.Action(
            "pos_payment",
            _lt("the order paid at the Point of Sale"),
            sources=("planned",),
            sets=("pos_order_line_id", "aftercare_kit_id", "pos_stock_due"),
        ),
        PORTAL_RECONFIRMATION,
        PHOTO_CONSENT_WITHDRAWAL,
        SIGN,
        DEADLINE,
        QUEUE_REVIEW,
        APPROVE_REVIEW,
        RETURN_REVIEW,
    ),
    locks={
        "in_progress": sm.Lock(
            (
                "partner_id",
                "company_id",
                "product_id",
                "course_id",
                "planned_start",
                "duration",
                "practitioner_id",
                "reconfirmation_ids",
            ),
            instead=("action_cancel",),
        ),
        "done": sm.Lock(sm.ALL, but=AFTERWARDS),
        "cancelled": sm.Lock(sm.ALL, but=AFTERWARDS),
        SIGNED: sm.Lock(sm.ALL),
    },
    computed=("name", "session_date", "max_depth_mm", "revenue"),
)
