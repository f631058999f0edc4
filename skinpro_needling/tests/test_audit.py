# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every change of outcome, state, depth, lot and clearance is in the chatter, with
who made it and when, as a practitioner and a studio manager work."""

from odoo import fields
from odoo.tests import tagged

from .common import SIGNATURE, StockedStudiosCase


@tagged("post_install", "-at_install")
class TestAudit(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.practitioner = cls.studio_user(
            "audit_practitioner", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.manager = cls.studio_user(
            "audit_manager", cls.studio_a, "skinpro_needling.group_studio_manager"
        )

    def setUp(self):
        super().setUp()
        self.started = fields.Datetime.now()

    def next_request(self, user_env=None):
        """End the current request of `user_env`'s user as Odoo does: flush (the
        fields it changed are computed as that user), then the chatter's tracking.
        Changes made in the request that created a record are its creation, not
        tracked changes."""
        (user_env or self.env).flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def tracked(self, record, field):
        """[(old, new, author, date)] of the tracked changes of `field`, oldest
        first, as the chatter shows them."""
        self.next_request()
        values = (
            record.sudo()
            .message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == field)
            .sorted("id")
        )
        return [
            (
                v._format_display_value(v.field_id.ttype, new=False)[0],
                v._format_display_value(v.field_id.ttype)[0],
                v.mail_message_id.author_id,
                v.mail_message_id.date,
            )
            for v in values
        ]

    def notes(self, record, text):
        """The chatter notes of `record` that contain `text`, oldest first."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        return (
            record.sudo()
            .message_ids.filtered(lambda m: text in (m.body or ""))
            .sorted("id")
        )

    def assertRecent(self, date):
        self.assertGreaterEqual(date, self.started.replace(microsecond=0))

    def test_screening_state_outcome_and_clearance(self):
        screening = self.screening(yes=["blood_thinner"]).with_user(self.practitioner)
        self.next_request()
        screening.action_confirm()
        [(old, new, author, date)] = self.tracked(screening, "state")
        self.assertEqual(
            (old, new, author), ("Draft", "Confirmed", self.practitioner.partner_id)
        )
        self.assertRecent(date)
        self.assertEqual(screening.outcome, "clearance_required")

        clearance = (
            self.env["skinpro.screening.clearance"]
            .with_user(self.practitioner)
            .create(
                {
                    "screening_id": screening.id,
                    "physician": "Dr. Audit",
                    "contraindication_ids": self.contraindication("blood_thinner").ids,
                    "expiry_date": fields.Date.add(fields.Date.today(), days=30),
                    "document": SIGNATURE,
                }
            )
        )
        self.next_request(clearance.env)
        [attached] = self.notes(screening, "Dr. Audit")
        self.assertEqual(attached.author_id, self.practitioner.partner_id)
        self.assertRecent(attached.date)
        self.assertEqual(screening.outcome, "clearance_required")

        clearance.with_user(self.manager).action_approve()
        self.next_request(clearance.with_user(self.manager).env)
        [_attached, approved] = self.notes(screening, "Dr. Audit")
        self.assertIn("approved by audit_manager", approved.body)
        self.assertEqual(approved.author_id, self.manager.partner_id)
        self.assertRecent(approved.date)
        self.assertEqual(clearance.approved_by_id, self.manager)
        self.assertRecent(clearance.approved_on)
        outcomes = self.tracked(screening, "outcome")
        self.assertEqual(
            outcomes[-1][:3],
            ("Clearance required", "Cleared", self.manager.partner_id),
        )

    def test_session_state_depth_lots_and_adverse_event(self):
        self.stock_studio(self.studio_a, "AUD")
        session = self.started_session(self.studio_a, self.client_a).with_user(
            self.practitioner
        )
        self.next_request()
        area = self.env["product.attribute.value"].search(
            [("attribute_id.skinpro_kind", "=", "area")], limit=1
        )
        session.depth_line_ids = [(0, 0, {"area_id": area.id, "depth_mm": 0.25})]
        session.depth_line_ids.depth_mm = 0.5
        logged = self.notes(session, f"Depth on {area.name}")
        self.assertEqual(len(logged), 2)
        self.assertIn("0.25 mm → " + area.name + ": 0.50 mm", logged[1].body)
        self.assertEqual(logged.author_id, self.practitioner.partner_id)
        self.assertRecent(logged[-1].date)

        session.write(
            {
                "adverse_event": True,
                "adverse_event_type": "bleeding",
                "adverse_event_severity": "mild",
            }
        )
        session.action_done()
        states = self.tracked(session, "state")
        self.assertEqual(
            [s[:3] for s in states[-1:]],
            [("In progress", "Done", self.practitioner.partner_id)],
        )
        [(_old, lots, author, date)] = self.tracked(session, "consumed_lot_ids")
        self.assertIn("AUD-CART-EARLY", lots)
        self.assertIn("AUD-LIDO", lots)
        self.assertEqual(author, self.practitioner.partner_id)
        self.assertRecent(date)
        [(_old, event, author, _date)] = self.tracked(session, "adverse_event_type")
        self.assertEqual(
            (event, author), ("Prolonged bleeding", self.practitioner.partner_id)
        )

    def test_referral_stage(self):
        screening = self.screening(yes=["keloid"])
        screening.action_confirm()
        referral = self.env["crm.lead"].browse(
            screening.action_create_referral()["res_id"]
        )
        self.next_request()
        accepted = self.env.ref("skinpro_needling.crm_stage_referral_accepted")
        provider = self.env["res.partner"].create(
            {"name": "Dr. Derm", "skinpro_is_medical_provider": True}
        )
        as_manager = referral.with_user(self.manager)
        as_manager.skinpro_provider_id = provider
        as_manager.action_skinpro_send()
        as_manager.action_skinpro_accept()
        [(_old, new, author, date)] = self.tracked(referral, "stage_id")[-1:]
        self.assertEqual((new, author), (accepted.name, self.manager.partner_id))
        self.assertRecent(date)
