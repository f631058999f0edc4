# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A record's state machine, without Odoo: which changes are refused in which state,
and which actions the refusal names instead."""

from skinpro_rules import state_machine as sm

START = sm.Action(
    "action_start", "Start", ("planned",), "in_progress", sets=("date_start",)
)
DONE = sm.Action("action_done", "Complete", ("in_progress",), "done", sets=("lots",))
CANCEL = sm.Action("action_cancel", "Cancel", ("planned", "in_progress"), "cancelled")
NOTE = sm.Action("action_note", "Note", ("in_progress",))
SESSION = sm.Machine(
    state_field="state",
    states=("planned", "in_progress", "done", "cancelled"),
    creatable=("planned",),
    deletable=("planned",),
    actions=(START, DONE, CANCEL, NOTE),
    locks={
        "in_progress": sm.Lock(("client",), instead=("action_cancel",)),
        "done": sm.Lock(sm.ALL, but=("note",)),
    },
    computed=("name",),
)


def kinds(refusals):
    return {refusal.kind: refusal for refusal in refusals}


def test_the_state_changes_only_through_the_actions_leaving_it():
    [refusal] = SESSION.refusals("planned", ["state"])
    assert refusal.kind == sm.STATE
    assert refusal.actions == (START, CANCEL)
    [refusal] = SESSION.refusals("done", ["state"])
    assert (refusal.kind, refusal.actions) == (sm.STATE, ())


def test_what_an_action_sets_is_refused_in_every_state():
    for state in SESSION.states:
        [refusal] = SESSION.refusals(state, ["lots"])
        assert (refusal.kind, refusal.fields, refusal.actions) == (
            sm.SET_BY,
            ("lots",),
            (DONE,),
        )


def test_a_state_locks_its_fields_and_names_the_action_instead():
    assert SESSION.refusals("planned", ["client", "note"]) == []
    [refusal] = SESSION.refusals("in_progress", ["client", "note"])
    assert (refusal.kind, refusal.fields, refusal.actions) == (
        sm.LOCKED,
        ("client",),
        (CANCEL,),
    )
    [refusal] = SESSION.refusals("done", ["client", "product", "note"])
    assert (refusal.kind, refusal.fields, refusal.actions) == (
        sm.LOCKED,
        ("client", "product"),
        (),
    )


def test_refusals_are_grouped_by_reason():
    refused = kinds(SESSION.refusals("in_progress", ["state", "name", "client"]))
    assert set(refused) == {sm.STATE, sm.COMPUTED, sm.LOCKED}
    assert refused[sm.COMPUTED].fields == ("name",)


def test_a_record_is_created_in_its_first_state_only():
    [refusal] = SESSION.creation_refusals("done", [])
    assert (refusal.kind, refusal.fields, refusal.actions) == (
        sm.CREATED,
        ("state",),
        (START, CANCEL),
    )
    assert SESSION.creation_refusals("planned", ["client"]) == []
    refused = kinds(SESSION.creation_refusals("planned", ["lots", "name"]))
    assert set(refused) == {sm.SET_BY, sm.COMPUTED}


def test_a_line_is_created_only_while_its_parent_allows():
    lines = sm.Machine(
        state_field=None,
        states=(),
        creatable=("draft",),
        actions=(NOTE,),
        locks={"confirmed": sm.Lock(sm.ALL, instead=("action_note",))},
    )
    assert lines.creation_refusals("draft", ["answer"]) == []
    [refusal] = lines.creation_refusals("confirmed", ["answer"])
    assert (refusal.kind, refusal.fields, refusal.actions) == (sm.LOCKED, (), (NOTE,))


def test_a_computed_state_is_never_given():
    course = sm.Machine(
        state_field="state",
        states=("open", "in_use"),
        creatable=("open",),
        locks={"in_use": sm.Lock(("credits",))},
        computed=("state",),
    )
    [refusal] = course.creation_refusals("in_use", ["state"])
    assert (refusal.kind, refusal.fields) == (sm.COMPUTED, ("state",))
    [refusal] = course.refusals("open", ["state"])
    assert refusal.kind == sm.COMPUTED


def test_deletion_is_refused_outside_the_deletable_states():
    assert SESSION.deletion_refusal("planned") is None
    refusal = SESSION.deletion_refusal("in_progress")
    assert (refusal.kind, refusal.actions) == (sm.UNDELETABLE, (CANCEL,))
    unguarded = sm.Machine(state_field="state", states=("a",), creatable=("a",))
    assert unguarded.deletion_refusal("a") is None


def test_a_state_outside_the_machine_leaves_the_state_field_free():
    lead = sm.Machine(
        state_field="stage",
        states=("sent",),
        creatable=("lead", "sent"),
        locks={"lead": sm.Lock(("is_referral",))},
    )
    assert lead.refusals("lead", ["stage"]) == []
    [refusal] = lead.refusals("lead", ["is_referral"])
    assert refusal.kind == sm.LOCKED
    assert lead.watches("stage") and lead.watches("is_referral")
    assert not lead.watches("note")
