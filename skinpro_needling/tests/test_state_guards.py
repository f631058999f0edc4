# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Clinical guards hold on every path, not only behind the buttons. For each clinical
record (screening, physician clearance, session, course, referral, the POS order's
review), each role and each state, every field that state locks and every other
state are tried through `write`, `create`, an import (`load`) and the external API
(JSON-2, against the running server), as each role: the database must be the same
after each try, row for row."""

import base64
import logging
from collections import Counter
from datetime import date, datetime, timedelta
from typing import NamedTuple

import psycopg2
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, ExampleChain, ExternalApi, table_digests, users_of
from .pos_payload import pos_order_payload
from .test_access_matrix import ROLES

_logger = logging.getLogger(__name__)

TABLES = [
    "skinpro_screening",
    "skinpro_screening_answer",
    "skinpro_screening_clearance",
    "skinpro_treatment_session",
    "skinpro_session_depth",
    "skinpro_session_reconfirmation",
    "skinpro_session_consumed_lot_rel",
    "skinpro_course",
    "crm_lead",
    "pos_order",
    "stock_picking",
    "stock_move",
    "mail_message",
    "mail_activity",
]

# The fields each state locks, as the issue names them: client, studio, treatment,
# screening relied on, lots, consumption, outcome, dates. The first state of each
# model is the one a record is created in; its fields are what only the actions
# set or the record computes.
SESSION_BY_ACTIONS = [
    "screening_id",
    "date_start",
    "date_end",
    "depth_limit_mm",
    "depth_class",
    "consumption_picking_id",
    "consumed_lot_ids",
    "consumables_cost",
    "shortage_overridden_by_id",
    "spacing_overridden_by_id",
    "depth_breach",
    "depth_breach_reviewed_by_id",
    "depth_breach_reason",
    "pos_order_line_id",
    "aftercare_kit_id",
    "session_date",
    "max_depth_mm",
]
SESSION_STARTED = SESSION_BY_ACTIONS + [
    "partner_id",
    "company_id",
    "product_id",
    "course_id",
    "planned_start",
    "duration",
    "practitioner_id",
    "reconfirmation_ids",
]
SESSION_ENDED = SESSION_STARTED + [
    "depth_line_ids",
    "anaesthetic_grams",
    "history_reviewed",
    "anaesthetic_applied",
    "aftercare_handed",
    "finishing_product",
    "led_microcurrent",
]
SCREENING_COMPUTED = [
    "confirmed_on",
    "outcome",
    "outcome_reason_ids",
    "valid_until",
    "deferred_until",
]
CLEARANCE_APPROVAL = ["approved_by_id", "approved_on"]
CLEARANCE_FILED = CLEARANCE_APPROVAL + [
    "screening_id",
    "physician",
    "contraindication_ids",
    "issue_date",
    "expiry_date",
    "document",
]
COURSE_COMPUTED = [
    "pos_order_line_id",
    "sessions_used",
    "sessions_left",
    "last_session_date",
]
REFERRED = [
    "skinpro_is_referral",
    "team_id",
    "partner_id",
    "company_id",
    "skinpro_provider_id",
    "skinpro_referral_reason",
    "skinpro_depth_requested_mm",
    "skinpro_contraindication_ids",
    "skinpro_screening_id",
    "skinpro_session_id",
]
REFERRAL_FILED = REFERRED + [
    "skinpro_clearance_document",
    "skinpro_clearance_expiry",
]
LOCKED = {
    "skinpro.treatment.session": {
        "planned": SESSION_BY_ACTIONS,
        "in_progress": SESSION_STARTED,
        "done": SESSION_ENDED,
        "cancelled": SESSION_ENDED,
    },
    "skinpro.screening": {
        "draft": SCREENING_COMPUTED,
        "confirmed": SCREENING_COMPUTED
        + [
            "partner_id",
            "company_id",
            "practitioner_id",
            "date",
            "answer_ids",
            "consent_signature",
            "lead_id",
            "note",
        ],
    },
    "skinpro.screening.clearance": {
        "pending": CLEARANCE_APPROVAL,
        "filed": CLEARANCE_FILED,
        "approved": CLEARANCE_FILED,
        "rejected": CLEARANCE_FILED,
    },
    "skinpro.course": {
        "open": COURSE_COMPUTED,
        "in_use": COURSE_COMPUTED
        + [
            "partner_id",
            "company_id",
            "product_id",
            "sessions_total",
            "min_spacing_days",
        ],
    },
    "crm.lead": {
        "to_send": ["skinpro_is_referral", "team_id"],
        "sent": REFERRED,
        "accepted": REFERRAL_FILED,
        "treated": REFERRAL_FILED,
        "declined": REFERRAL_FILED,
    },
    "pos.order": {
        "clear": ["skinpro_review_reason"],
        "review": ["skinpro_review_reason"],
    },
    # The lots' side of the sessions' lots used.
    "stock.lot": {"lot": ["skinpro_session_ids"]},
}
STATE_FIELDS = {
    "skinpro.treatment.session": "state",
    "skinpro.screening": "state",
    "skinpro.screening.clearance": "state",
    "skinpro.course": "state",
    "crm.lead": "stage_id",
    "pos.order": "skinpro_needs_review",
    "stock.lot": None,
}
REFERRAL_STAGES = ["to_send", "sent", "accepted", "treated", "declined"]
REFUSED = (UserError, psycopg2.Error, ValueError)


class Change(NamedTuple):
    """A value as each path gives it: to the ORM, as an import's column and cell
    (None: not importable as a cell), as JSON."""

    orm: object
    column: str | None
    cell: str | None
    json: object


@tagged("post_install", "-at_install")
class TestStateGuards(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.example = example = ExampleChain(cls.env)
        cls.slc = example.studio_salt_lake
        cls.env = cls.env(context={"allowed_company_ids": cls.slc.ids})
        cls.users = users_of(
            cls.env,
            cls.slc,
            {f"guard_{role.replace(' ', '_')}": group for role, group in ROLES.items()},
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Never screened"})
        cls.variant = example.full_face_variant(0.5)
        cls.deep = example.full_face_variant(2.0)
        cls.records = {
            "skinpro.treatment.session": {
                state: getattr(example, name)
                for state, name in (
                    ("planned", "session_emma_planned"),
                    ("in_progress", "session_emma_in_progress"),
                    ("done", "session_emma_done"),
                    ("cancelled", "session_noah_cancelled"),
                )
            },
            "skinpro.screening": {
                "draft": cls.env["skinpro.screening"].create(
                    {"partner_id": cls.stranger.id, "company_id": cls.slc.id}
                ),
                "confirmed": example.screening_slc_cleared,
            },
            "skinpro.course": {
                "open": cls.env["skinpro.course"].create(cls.create_values()["course"]),
                "in_use": example.course_emma,
            },
            "crm.lead": cls.referrals(),
            "pos.order": cls.pos_orders(),
            "stock.lot": {"lot": example.lot_c_2602},
        }
        cls.records["skinpro.screening.clearance"] = cls.clearances()
        cls.env.flush_all()

    @classmethod
    def create_values(cls):
        """What a record of each model is created with, in its first state."""
        pos_session = cls.slc.skinpro_pos_config_ids[:1].current_session_id
        return {
            "session": {
                "partner_id": cls.stranger.id,
                "company_id": cls.slc.id,
                "product_id": cls.variant.id,
            },
            "screening": {"partner_id": cls.stranger.id, "company_id": cls.slc.id},
            "clearance": {
                "physician": "Dr. Table",
                "contraindication_ids": [
                    cls.env.ref("skinpro_needling.contraindication_blood_thinner").id
                ],
                "expiry_date": fields.Date.add(fields.Date.today(), days=30),
                "document": SIGNATURE,
            },
            "course": {
                "partner_id": cls.stranger.id,
                "company_id": cls.slc.id,
                "product_id": cls.example.product_full_face_course.id,
            },
            "referral": {
                "name": "Referral by hand",
                "type": "opportunity",
                "skinpro_is_referral": True,
                "partner_id": cls.stranger.id,
                "company_id": cls.slc.id,
                "team_id": cls.env.ref(
                    "skinpro_needling.crm_team_medical_referrals"
                ).id,
            },
            "lot": {
                "name": "GUARD-LOT",
                "product_id": cls.example.consumable_cartridge.id,
                "company_id": cls.slc.id,
            },
            "pos_order": {
                "session_id": pos_session.id,
                "company_id": cls.slc.id,
                "partner_id": cls.stranger.id,
                "amount_tax": 0,
                "amount_total": 0,
                "amount_paid": 0,
                "amount_return": 0,
            },
        }

    @classmethod
    def referrals(cls):
        """A referral of Salt Lake City in each stage, the practitioner's, moved
        there by its actions."""
        Lead = cls.env["crm.lead"].with_user(cls.users["guard_practitioner"])
        screening = cls.example.screening_slc_clearance
        leads = {}
        for key in REFERRAL_STAGES:
            lead = Lead._skinpro_create_referral(
                partner=screening.partner_id,
                company=cls.slc,
                reason="contraindication",
                screening=screening,
                provider=cls.example.provider_hart,
            )
            moves = {
                "to_send": [],
                "sent": [lead.action_skinpro_send],
                "accepted": [lead.action_skinpro_send, lead.action_skinpro_accept],
                "treated": [
                    lead.action_skinpro_send,
                    lead.action_skinpro_accept,
                    lead.action_skinpro_treated,
                ],
                "declined": [lead.action_skinpro_decline],
            }
            for move in moves[key]:
                move()
            leads[key] = lead
        return leads

    @classmethod
    def pos_orders(cls):
        """A paid order of a cleared client, and one of a client never screened,
        flagged for review."""
        config = cls.slc.skinpro_pos_config_ids[:1]
        if not config.current_session_id:
            config.open_ui()
        orders = {}
        for key, client in (
            ("clear", cls.example.client_slc_cleared),
            ("review", cls.stranger),
        ):
            result = cls.env["pos.order"].sync_from_ui(
                [pos_order_payload(config.current_session_id, client, cls.variant)]
            )
            orders[key] = cls.env["pos.order"].browse(result["pos.order"][0]["id"])
        assert orders["review"].skinpro_needs_review
        return orders

    @classmethod
    def clearances(cls):
        """Awaiting approval on a draft screening and on a confirmed one, one
        approved and one rejected."""
        Clearance = cls.env["skinpro.screening.clearance"]
        values = cls.create_values()["clearance"]
        draft = cls.records["skinpro.screening"]["draft"]
        confirmed = cls.example.screening_slc_clearance
        rejected = Clearance.create({**values, "screening_id": confirmed.id})
        rejected.with_user(cls.env.ref("base.user_admin")).action_reject()
        return {
            "pending": Clearance.create({**values, "screening_id": draft.id}),
            "filed": Clearance.create({**values, "screening_id": confirmed.id}),
            "approved": Clearance._skinpro_file_accepted(
                confirmed, {**values, "physician": "Dr. Referral"}
            ),
            "rejected": rejected,
        }

    def setUp(self):
        super().setUp()
        self.before = table_digests(self.env, TABLES)

    # --- the values tried --------------------------------------------------------

    def other_record(self, comodel, current):
        special = {
            "res.partner": self.stranger,
            "res.company": self.example.studio_phoenix,
            "product.product": self.deep,
            "res.users": next(iter(self.users.values())),
        }
        other = special.get(comodel)
        if other and other not in current:
            return other
        return (
            self.env[comodel]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "not in", current.ids)], limit=1)
        )

    def line_values(self, comodel):
        return {
            "skinpro.session.depth": {
                "area_id": self.env.ref("skinpro_needling.area_forehead").id,
                "depth_mm": 0.5,
            },
            "skinpro.session.reconfirmation": {
                "contraindication_id": self.env.ref(
                    "skinpro_needling.contraindication_pregnancy"
                ).id
            },
        }[comodel]

    def change(self, record, name, value=None):
        """A valid value of field `name` other than `record`'s (or `value`)."""
        field = record._fields[name]
        current = record.sudo()[name]
        if field.type in ("many2one", "many2many"):
            other = value or self.other_record(field.comodel_name, current)
            if field.type == "many2one":
                return Change(other.id, f"{name}/.id", str(other.id), other.id)
            return Change(
                [Command.set(other.ids)],
                f"{name}/.id",
                str(other.id),
                [[Command.SET, 0, other.ids]],
            )
        if field.type == "one2many":
            if current:
                line = current[:1].id
                return Change(
                    [Command.delete(line)], None, None, [[Command.DELETE, line, 0]]
                )
            vals = self.line_values(field.comodel_name)
            return Change(
                [Command.create(vals)], None, None, [[Command.CREATE, 0, vals]]
            )
        if value is None:
            value = self.scalar(field, current)
        cell = {True: "1", False: "0"}.get(value, str(value))
        if isinstance(value, (date, datetime)):
            value = cell = (
                fields.Datetime.to_string(value)
                if isinstance(value, datetime)
                else fields.Date.to_string(value)
            )
        return Change(value, name, cell, value)

    def scalar(self, field, current):
        if field.type == "boolean":
            return not current
        if field.type == "selection":
            values = [key for key, _label in field._description_selection(self.env)]
            return next(key for key in values if key != current)
        if field.type == "date":
            return (current or date(2026, 1, 5)) + timedelta(days=1)
        if field.type == "datetime":
            return (current or datetime(2026, 1, 5, 9)) + timedelta(hours=1)
        if field.type == "integer":
            return (current or 0) + 1
        if field.type in ("float", "monetary"):
            return (current or 0) + 1.5
        if field.type in ("binary", "image"):
            return base64.b64encode(b"%PDF-1.4 changed by hand").decode()
        return "Changed by hand"

    def state_changes(self, model, record):
        """Each other state, as a change of the state field."""
        name = STATE_FIELDS[model]
        if not name:
            return []
        if model == "crm.lead":
            stages = [
                self.env.ref(f"skinpro_needling.crm_stage_referral_{key}")
                for key in REFERRAL_STAGES
            ]
            return [
                (name, self.change(record, name, stage))
                for stage in stages
                if stage != record.stage_id
            ]
        if model == "pos.order":
            return [(name, self.change(record, name, not record[name]))]
        field = record._fields[name]
        return [
            (name, self.change(record, name, key))
            for key, _label in field._description_selection(self.env)
            if key != record[name]
        ]

    # --- the tries ---------------------------------------------------------------

    def writes(self):
        """(model, state, record, field, change) of every locked field and every
        other state of every record."""
        for model, records in self.records.items():
            for state, record in records.items():
                for name in LOCKED[model][state]:
                    yield model, state, record, name, self.change(record, name)
                for name, change in self.state_changes(model, record):
                    yield model, state, record, name, change

    def creates(self):
        """(model, values key, field, change) of every state but the first, and of
        every field only the actions set or the record computes."""
        keys = {
            "skinpro.treatment.session": "session",
            "skinpro.screening": "screening",
            "skinpro.screening.clearance": "clearance",
            "skinpro.course": "course",
            "crm.lead": "referral",
            "pos.order": "pos_order",
            "stock.lot": "lot",
        }
        for model, records in self.records.items():
            first, record = next(iter(records.items()))
            for name in LOCKED[model][first]:
                if model != "crm.lead":
                    yield model, keys[model], name, self.change(record, name)
            for name, change in self.state_changes(model, record):
                yield model, keys[model], name, change

    def values_of(self, model, key):
        values = dict(self.create_values()[key])
        if model == "skinpro.screening.clearance":
            values["screening_id"] = self.records["skinpro.screening"]["draft"].id
        return values

    def import_row(self, model, values):
        """`values` as an import's columns and row."""
        columns, row = [], []
        for name, value in values.items():
            field = self.env[model]._fields[name]
            if field.type == "many2many":
                columns.append(f"{name}/.id")
                row.append(",".join(map(str, value)))
            elif field.relational:
                columns.append(f"{name}/.id")
                row.append(str(value))
            else:
                columns.append(name)
                row.append(value.decode() if isinstance(value, bytes) else str(value))
        return columns, row

    def json_values(self, model, values):
        return {
            name: (value.decode() if isinstance(value, bytes) else value)
            for name, value in values.items()
        } | {
            name: fields.Date.to_string(value)
            for name, value in values.items()
            if isinstance(value, date)
        }

    def attempt(self, call):
        """Run `call` as a request would: a refusal undoes what it started. Returns
        whether the database changed, and how the call ended."""
        savepoint = self.env.cr.savepoint()
        try:
            try:
                with mute_logger("odoo.sql_db", "odoo.http"):
                    call()
                    self.env.flush_all()
                outcome = "accepted"
            except AccessError:
                outcome = "access"
                savepoint.rollback()
            except REFUSED as error:
                outcome = str(error.args[0] if error.args else error)
                savepoint.rollback()
            changed = table_digests(self.env, TABLES) != self.before
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all(flush=False)
        return changed, outcome

    def test_each_record_is_created_as_the_tries_create_it_but_for_the_lock(self):
        """Without the locked field or state, the values the tries create with are
        accepted, by the role that creates such records: what refuses the tries is
        the lock."""
        creators = {
            "skinpro.treatment.session": "guard_practitioner",
            "skinpro.screening": "guard_practitioner",
            "skinpro.screening.clearance": "guard_practitioner",
            "skinpro.course": "guard_practitioner",
            "crm.lead": "guard_practitioner",
            "pos.order": "guard_front_desk",
            "stock.lot": "guard_inventory",
        }
        keys = {model: key for model, key, _name, _change in self.creates()}
        for model, login in creators.items():
            with self.subTest(model=model):
                values = self.values_of(model, keys[model])
                Model = self.env[model].with_user(self.users[login])
                self.assertEqual(
                    self.attempt(lambda M=Model, v=values: M.create(v)),
                    (True, "accepted"),
                )
                columns, row = self.import_row(model, values)
                changed, _outcome = self.attempt(
                    lambda M=Model, c=columns, r=row: self.load_ok(M.load(c, [r]))
                )
                self.assertTrue(changed)

    def test_the_actions_a_refusal_names_are_the_forms_buttons(self):
        """A refusal names the button to use: each action of a machine is a button
        of the forms with that very label."""
        admin = self.env.ref("base.user_admin")
        machines = {
            name: self.env[name]._skinpro_machine
            for name in self.env.registry
            if getattr(self.env[name], "_skinpro_machine", None)
        }
        self.assertGreaterEqual(len(machines), 9)
        buttons = {
            (button.get("name"), button.get("string"))
            for name in machines
            if self.env["ir.ui.view"].search_count(
                [("model", "=", name), ("type", "=", "form")]
            )
            for button in etree.fromstring(
                self.env[name].with_user(admin).get_view(view_type="form")["arch"]
            ).iter("button")
        }
        for name, machine in machines.items():
            for action in machine.actions:
                if action.name.startswith("action_"):
                    with self.subTest(model=name, action=action.name):
                        self.assertIn((action.name, str(action.label)), buttons)

    def test_a_copy_starts_afresh_and_a_form_sets_no_state(self):
        """A copy is a new record in its first state, carrying nothing an action
        set; a form opened with a state in its context saves nothing."""
        records = self.records
        done = records["skinpro.treatment.session"]["done"]
        session = done.copy()
        self.assertEqual(session.state, "planned")
        self.assertFalse(
            session.screening_id or session.consumed_lot_ids or session.date_start
        )
        # Booked afresh: its own consumption, demand not yet taken.
        self.assertNotEqual(session.consumption_picking_id, done.consumption_picking_id)
        self.assertNotEqual(session.consumption_picking_id.state, "done")
        screening = records["skinpro.screening"]["confirmed"].copy()
        self.assertEqual(screening.state, "draft")
        self.assertFalse(
            screening.confirmed_on or screening.answer_ids.filtered("answer")
        )
        referral = records["crm.lead"]["accepted"].copy()
        self.assertEqual(
            referral.stage_id,
            self.env.ref("skinpro_needling.crm_stage_referral_to_send"),
        )
        course = records["skinpro.course"]["in_use"].copy()
        self.assertEqual((course.state, course.sessions_left), ("open", 3))
        clearance = records["skinpro.screening.clearance"]["approved"].copy(
            {"screening_id": records["skinpro.screening"]["draft"].id}
        )
        self.assertEqual(clearance.state, "pending")
        self.assertFalse(clearance.approved_by_id)

        practitioner = self.users["guard_practitioner"]
        Session = self.env["skinpro.treatment.session"].with_user(practitioner)
        planned = Session.search([("partner_id", "=", self.stranger.id)])
        form = Form(
            Session.with_context(
                default_state="done",
                default_partner_id=self.stranger.id,
                default_product_id=self.variant.id,
            )
        )
        with self.assertRaisesRegex(UserError, "starts as Planned"):
            form.save()
        self.assertEqual(
            Session.search([("partner_id", "=", self.stranger.id)]), planned
        )

    def write_tries(self, user, api, model, record, name, change):
        """(path, call) of each way `user` may try to change `record`."""
        as_user = record.with_user(user)
        yield "write", lambda: as_user.write({name: change.orm})
        yield (
            "api write",
            lambda: self.api_ok(
                api.call(model, "write", ids=record.ids, vals={name: change.json})
            ),
        )
        if change.column:
            yield (
                "import",
                lambda: self.load_ok(
                    as_user.load(
                        [".id", change.column], [[str(record.id), change.cell]]
                    )
                ),
            )

    def create_tries(self, user, api, model, key, name, change):
        """(path, call) of each way `user` may try to create a record of `model`
        with `change`, the other values being those it is created with."""
        Model = self.env[model].with_user(user)
        values = self.values_of(model, key)
        json_values = self.json_values(model, values)
        yield "create", lambda: Model.create({**values, name: change.orm})
        yield (
            "api create",
            lambda: self.api_ok(
                api.call(
                    model, "create", vals_list=[{**json_values, name: change.json}]
                )
            ),
        )
        if change.column:
            columns, row = self.import_row(model, values)
            yield (
                "import",
                lambda: self.load_ok(
                    Model.load([*columns, change.column], [[*row, change.cell]])
                ),
            )
        if name == STATE_FIELDS[model]:
            # The state as a default of the request's context.
            default = {f"default_{name}": change.json}
            yield "create", lambda: Model.with_context(**default).create(values)
            yield (
                "api create",
                lambda: self.api_ok(
                    api.call(model, "create", vals_list=[json_values], context=default)
                ),
            )

    def test_every_locked_field_and_state_is_refused_on_every_path(self):
        apis = {login: ExternalApi(self, user) for login, user in self.users.items()}
        tried = Counter()
        outcomes = Counter()
        through = []
        unnamed = []
        tries = []
        for login, user in self.users.items():
            for model, state, record, name, change in self.writes():
                what = f"{login}: {model} {state}, {name}"
                may = self.may(user, model, name, "write")
                tries += [
                    (path, what, call, model, name, may)
                    for path, call in self.write_tries(
                        user, apis[login], model, record, name, change
                    )
                ]
            for model, key, name, change in self.creates():
                what = f"{login}: new {model}, {name}"
                may = self.may(user, model, name, "create")
                tries += [
                    (path, what, call, model, name, may)
                    for path, call in self.create_tries(
                        user, apis[login], model, key, name, change
                    )
                ]
        for path, what, call, model, name, may in tries:
            changed, outcome = self.attempt(call)
            tried[path] += 1
            if changed:
                through.append(f"{path} by {what}")
            if outcome in ("access", "accepted"):
                outcomes[outcome] += 1
                continue
            outcomes["refused"] += 1
            # A role that may write or create such records is refused by the
            # record's state machine, which names the field.
            label = self.env[model]._fields[name].string
            if may and label.lower() not in outcome.lower():
                unnamed.append(f"{path} by {what}: {outcome}")
        _logger.info(
            "State guards: %s paths tried (%s), %s got through; %s",
            sum(tried.values()),
            dict(tried),
            len(through),
            dict(outcomes),
        )
        self.assertGreater(sum(tried.values()), 4000)
        self.assertEqual(through, [], "\n".join(through))
        # Every try was refused, by the access rights or naming the field.
        self.assertEqual(set(outcomes), {"access", "refused"}, dict(outcomes))
        self.assertEqual(unnamed, [], "\n".join(unnamed))

    def may(self, user, model, name, operation):
        """Whether `user` may `operation` records of `model` and field `name`."""
        groups = self.env[model]._fields[name].groups
        return self.env[model].with_user(user).has_access(operation) and (
            not groups or user.has_groups(groups)
        )

    @staticmethod
    def api_ok(answer):
        """What the external API answered; its refusal raised as the server's."""
        if not hasattr(answer, "status_code"):
            return answer
        error = answer.json()
        if error.get("name") == "odoo.exceptions.AccessError":
            raise AccessError(error["message"])
        raise UserError(error.get("message", answer.text))

    @staticmethod
    def load_ok(result):
        """An import reports its errors rather than raising them."""
        if not result["ids"]:
            raise UserError(" ".join(m["message"] for m in result["messages"]))
        return result
