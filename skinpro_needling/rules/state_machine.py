# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A clinical record's state machine: which changes a plain write, create or import
may make to a record in each of its states, and which action makes the others."""

from dataclasses import dataclass, field

# A lock on every field of the record but the ones it names.
ALL = "__all__"

# Why a change is refused.
STATE = "state"  # the state itself: only the actions leading out of it change it
CREATED = "created"  # a new record starts in its first state, nowhere else
SET_BY = "set_by"  # written only by the actions that set it
COMPUTED = "computed"  # computed from the record, never written
LOCKED = "locked"  # frozen in the record's state
UNDELETABLE = "undeletable"  # kept, not deleted, in the record's state


@dataclass(frozen=True)
class Action:
    """An action of the record (a button): from one of `sources` to `target` (None:
    the state stays), writing `sets`, fields nothing else writes. `label` is what
    the user clicks."""

    name: str
    label: object = field(compare=False)
    sources: tuple = ()
    target: str | None = None
    sets: tuple = ()


@dataclass(frozen=True)
class Lock:
    """The fields a plain change may not touch in a state (ALL: every field but
    `but`), and the actions to use instead."""

    fields: object = ()
    but: tuple = ()
    instead: tuple = ()

    def covers(self, name):
        if self.fields == ALL:
            return name not in self.but
        return name in self.fields


@dataclass(frozen=True)
class Refusal:
    """A refused change: why, the fields it touched, the actions to use instead."""

    kind: str
    fields: tuple
    actions: tuple = ()


@dataclass(frozen=True)
class Machine:
    """`state_field` holds the state (None: the record's state is its parent's);
    `states` are the states the machine guards, `creatable` those a record is
    created in (the first is the initial one), `deletable` those it may be deleted
    in (None: deletion is not guarded)."""

    state_field: str | None
    states: tuple
    creatable: tuple
    actions: tuple = ()
    locks: dict = field(default_factory=dict)
    computed: tuple = ()
    deletable: tuple | None = None

    def action(self, name):
        return next(action for action in self.actions if action.name == name)

    def leaving(self, state):
        """The actions that change the state of a record in `state`."""
        return tuple(
            action
            for action in self.actions
            if state in action.sources and action.target not in (None, state)
        )

    def setters(self, name):
        return tuple(action for action in self.actions if name in action.sets)

    def watches(self, name):
        """Whether a change of field `name` may be refused in some state."""
        return (
            name == self.state_field
            or name in self.computed
            or any(self.setters(name))
            or any(lock.covers(name) for lock in self.locks.values())
        )

    def refusals(self, state, names):
        """The refusals of a change of the fields `names` of a record in `state`,
        grouped: the state, each group of setting actions, the computed fields, the
        fields locked in that state."""
        by_key = {}
        lock = self.locks.get(state, Lock())
        for name in names:
            if name in self.computed:
                key = (COMPUTED, ())
            elif name == self.state_field:
                if state not in self.states:
                    continue
                key = (STATE, self.leaving(state))
            elif self.setters(name):
                key = (SET_BY, self.setters(name))
            elif lock.covers(name):
                key = (LOCKED, tuple(self.action(a) for a in lock.instead))
            else:
                continue
            by_key.setdefault(key, []).append(name)
        return [
            Refusal(kind, tuple(fields), actions)
            for (kind, actions), fields in by_key.items()
        ]

    def creation_refusals(self, state, names):
        """The refusals of creating a record in `state` with the fields `names`
        given: a record starts in a state it may be created in (a line: while its
        parent is in one), with nothing only an action sets or the record computes.
        The locks of that state hold for the changes that follow. A computed
        state is a computed field like the others."""
        if self.state_field in self.computed:
            state = self.creatable[0]
        elif state not in self.creatable:
            if self.state_field:
                first = self.creatable[0]
                return [Refusal(CREATED, (self.state_field,), self.leaving(first))]
            lock = self.locks.get(state, Lock())
            return [Refusal(LOCKED, (), tuple(self.action(a) for a in lock.instead))]
        return [
            refusal
            for refusal in self.refusals(
                state,
                [
                    name
                    for name in names
                    if name != self.state_field or name in self.computed
                ],
            )
            if refusal.kind in (SET_BY, COMPUTED)
        ]

    def deletion_refusal(self, state):
        if self.deletable is None or state in self.deletable:
            return None
        lock = self.locks.get(state, Lock())
        return Refusal(UNDELETABLE, (), tuple(self.action(a) for a in lock.instead))
