# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import Command, api, models
from odoo.exceptions import UserError

from ..rules import state_machine as sm

# The records an action is changing now, in this thread: (model, id), and
# (model, None) for the records it creates. Only the actions' Python code sets it:
# a request's context, an import or a server action cannot.
_ACTING = ContextVar("skinpro_acting", default=frozenset())

# The chatter's, the log's and the portal's access fields: never clinical facts.
UNWATCHED_PREFIXES = (
    "message_",
    "activity_",
    "website_message_",
    "rating_",
    "access_",
)
UNWATCHED = (*models.MAGIC_COLUMNS, "display_name", "has_message")


@contextmanager
def acting(records):
    """The writes of an action on `records`, and its creates of records of their
    model, pass the state machine."""
    token = _ACTING.set(
        _ACTING.get()
        | {(records._name, None)}
        | {(records._name, record_id) for record_id in records.ids}
    )
    try:
        yield
    finally:
        _ACTING.reset(token)


class SkinproStateMachine(models.AbstractModel):
    """A record whose state, and the fields its state locks, change only through
    its actions, whether the change comes from a form, an import, the external API,
    a server action or another module's code: `create`, `write` and `unlink` hold
    every change against the model's `_skinpro_machine`, and refuse it, naming the
    fields and the action to use instead, before anything is written."""

    _name = "skinpro.state.machine"
    _description = "Record changed only through its actions"

    # rules.state_machine.Machine, declared by each model.
    _skinpro_machine = None
    # A line's state is its parent's, the record this many2one names.
    _skinpro_parent_field = None

    def _skinpro_state(self):
        self.ensure_one()
        if self._skinpro_parent_field:
            return self.sudo()[self._skinpro_parent_field]._skinpro_state()
        return self[self._skinpro_machine.state_field]

    @api.model
    def _skinpro_new_state(self, vals):
        """The state a record created with `vals` starts in."""
        machine = self._skinpro_machine
        if self._skinpro_parent_field:
            parent = self._skinpro_parent(vals.get(self._skinpro_parent_field))
            return parent._skinpro_state() if parent else machine.creatable[0]
        return vals.get(machine.state_field) or machine.creatable[0]

    @api.model
    def _skinpro_parent(self, parent_id=None):
        # No existence check: lines are created in batches with their parent, whose
        # state is then in the cache; a wrong id fails on reading it.
        field = self._fields[self._skinpro_parent_field]
        return self.env[field.comodel_name].sudo().browse(parent_id or ())

    def _skinpro_subject(self):
        """The record the messages name: a line's is its parent."""
        if self._skinpro_parent_field:
            return self[self._skinpro_parent_field]
        return self

    def _skinpro_state_label(self, state):
        if self._skinpro_parent_field:
            return self._skinpro_parent()._skinpro_state_label(state)
        field = self._fields.get(self._skinpro_machine.state_field)
        if not field:
            return state
        return dict(field._description_selection(self.env)).get(state, state)

    def _skinpro_acting(self, create=False):
        acting_on = _ACTING.get()
        if create:
            return (self._name, None) in acting_on
        return all((self._name, record_id) in acting_on for record_id in self.ids)

    @api.model
    def _skinpro_watches(self, name):
        return (
            name in self._fields
            and name not in UNWATCHED
            and not name.startswith(UNWATCHED_PREFIXES)
            and self._skinpro_machine.watches(name)
        )

    # --- the three doors ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._skinpro_acting(create=True):
            for vals in vals_list:
                self._skinpro_check_create(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self._skinpro_acting():
            self._skinpro_check_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        if self._skinpro_acting():
            return
        for record in self:
            state = record._skinpro_state()
            refusal = self._skinpro_machine.deletion_refusal(state)
            if refusal:
                raise UserError(record._skinpro_message(state, [refusal]))

    # --- the checks -----------------------------------------------------------------

    @api.model
    def _skinpro_check_create(self, vals):
        # Defaults given in the context are values given too.
        given = {
            key.removeprefix("default_"): value
            for key, value in self.env.context.items()
            if key.startswith("default_")
        } | vals
        state = self._skinpro_new_state(given)
        names = [
            name
            for name, value in given.items()
            if self._skinpro_watches(name) and self._skinpro_given(name, value)
        ]
        refusals = self._skinpro_machine.creation_refusals(state, names)
        if refusals:
            raise UserError(self._skinpro_message(state, refusals))

    def _skinpro_check_write(self, vals):
        watched = [name for name in vals if self._skinpro_watches(name)]
        if not watched:
            return
        computed = self._skinpro_machine.computed
        for record in self:
            state = record._skinpro_state()
            # A computed field is never given, even its own value.
            changed = [
                name
                for name in watched
                if name in computed or record._skinpro_differs(name, vals[name])
            ]
            refusals = self._skinpro_machine.refusals(state, changed)
            if refusals:
                raise UserError(record._skinpro_message(state, refusals))

    @api.model
    def _skinpro_given(self, name, value):
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return _x2many_ids(value, ()) != set()
        machine = self._skinpro_machine
        if name == machine.state_field and name not in machine.computed:
            return False
        return bool(value)

    def _skinpro_differs(self, name, value):
        """Whether writing `value` changes field `name` of this record."""
        field = self._fields[name]
        current = self.sudo()[name]
        if field.type in ("one2many", "many2many"):
            return _x2many_ids(value, current.ids) != set(current.ids)
        try:
            return field.convert_to_cache(value, self) != field.convert_to_cache(
                current, self
            )
        except (TypeError, ValueError):
            return True

    # --- the messages ---------------------------------------------------------------

    def _skinpro_message(self, state, refusals):
        return "\n".join(
            self._skinpro_refusal_text(state, refusal) for refusal in refusals
        )

    def _skinpro_refusal_text(self, state, refusal):
        env = self.env
        fields = (
            ", ".join(
                self._fields[name]._description_string(env) for name in refusal.fields
            )
            or env["ir.model"]._get(self._name).name
        )
        actions = _either(env, [env._(action.label) for action in refusal.actions])
        subject = self._skinpro_subject().display_name
        state_label = self._skinpro_state_label(state)
        if refusal.kind == sm.STATE:
            if not actions:
                return self.env._(
                    "%(fields)s: %(record)s is %(state)s and stays so.",
                    fields=fields,
                    record=subject,
                    state=state_label,
                )
            return self.env._(
                "%(fields)s: %(record)s is %(state)s; only %(actions)s change it, "
                "not a write or an import.",
                fields=fields,
                record=subject,
                state=state_label,
                actions=actions,
            )
        if refusal.kind == sm.CREATED:
            first = self._skinpro_machine.creatable[0]
            return self.env._(
                "%(fields)s: a new record starts as %(state)s; then %(actions)s "
                "change it.",
                fields=fields,
                state=self._skinpro_state_label(first),
                actions=actions,
            )
        if refusal.kind == sm.SET_BY:
            return self.env._(
                "%(fields)s: set by %(actions)s, never by hand or by an import.",
                fields=fields,
                actions=actions,
            )
        if refusal.kind == sm.COMPUTED:
            return self.env._(
                "%(fields)s: computed, so it cannot be set by hand or by an import.",
                fields=fields,
            )
        if refusal.kind == sm.UNDELETABLE:
            text = self.env._(
                "%(fields)s: %(record)s is %(state)s and locked, so it is not deleted.",
                fields=fields,
                record=subject,
                state=state_label,
            )
        else:
            text = self.env._(
                "%(fields)s: %(record)s is %(state)s and locked.",
                fields=fields,
                record=subject,
                state=state_label,
            )
        if actions:
            return self.env._(
                "%(text)s Use %(actions)s instead.", text=text, actions=actions
            )
        return text


def _either(env, labels):
    if len(labels) < 2:
        return "".join(labels)
    return env._("%(some)s or %(last)s", some=", ".join(labels[:-1]), last=labels[-1])


def _x2many_ids(commands, current_ids):
    """The ids an x2many field holds once `commands` are written; None when they
    create or update a line."""
    if isinstance(commands, models.BaseModel):
        return set(commands.ids)
    ids = set(current_ids)
    for command in commands or ():
        if isinstance(command, int):
            ids.add(command)
            continue
        if not isinstance(command, (list, tuple)):
            return None
        if command[0] in (Command.CREATE, Command.UPDATE):
            return None
        if command[0] in (Command.DELETE, Command.UNLINK):
            ids.discard(command[1])
        elif command[0] == Command.LINK:
            ids.add(command[1])
        elif command[0] == Command.CLEAR:
            ids.clear()
        elif command[0] == Command.SET:
            ids = set(command[2])
    return ids
