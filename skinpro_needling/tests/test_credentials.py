# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A practitioner needles only within the credentials the studio requires for
the treatment's depth, on the session's day: booking, start and completion, by
every door."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import StockedStudiosCase


class CredentialCase(StockedStudiosCase):
    """Studio A requires an esthetician licence for every depth and a
    micro-needling certificate above 0.3 mm; studio B requires nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.credential_type = ref("skinpro_needling.skill_type_needling_credential")
        cls.held = ref("skinpro_needling.skill_level_credential_held")
        cls.licence = ref("skinpro_needling.skill_esthetician_licence")
        cls.certificate = ref("skinpro_needling.skill_needling_certificate")
        cls.studio_a.skinpro_requirement_ids = [
            fields.Command.create({"skill_id": cls.licence.id, "depth_above_mm": 0}),
            fields.Command.create(
                {"skill_id": cls.certificate.id, "depth_above_mm": 0.3}
            ),
        ]
        cls.shallow = cls.env["product.product"].create(
            {
                "name": "Glow 0.25 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.25,
            }
        )
        cls.today = fields.Date.today()
        cls.alice = cls.practitioner("cred_alice", cls.studio_a)
        cls.bob = cls.practitioner("cred_bob", cls.studio_a)
        cls.manager = cls.studio_user(
            "cred_manager", cls.studio_a, "skinpro_needling.group_studio_manager"
        )
        cls.front_desk = cls.studio_user(
            "cred_front_desk", cls.studio_a, "skinpro_needling.group_front_desk"
        )
        cls.alice_employee = cls.employee(cls.alice, cls.studio_a)
        cls.bob_employee = cls.employee(cls.bob, cls.studio_a)
        # Alice holds both for a year; Bob only the licence.
        cls.alice_licence = cls.credential(cls.alice_employee, cls.licence)
        cls.alice_certificate = cls.credential(cls.alice_employee, cls.certificate)
        cls.credential(cls.bob_employee, cls.licence)

    def setUp(self):
        super().setUp()
        self.stock_studio(self.studio_a, "CRED")

    @classmethod
    def practitioner(cls, login, studio):
        return cls.studio_user(login, studio, "skinpro_needling.group_practitioner")

    @classmethod
    def employee(cls, user, studio):
        return cls.env["hr.employee"].create(
            {"name": user.name, "user_id": user.id, "company_id": studio.id}
        )

    @classmethod
    def credential(cls, employee, skill, valid_from=None, valid_to=None):
        return cls.env["hr.employee.skill"].create(
            {
                "employee_id": employee.id,
                "skill_type_id": cls.credential_type.id,
                "skill_id": skill.id,
                "skill_level_id": cls.held.id,
                "skinpro_reference": f"REF-{employee.id}-{skill.id}",
                "valid_from": valid_from or cls.today - timedelta(days=30),
                "valid_to": valid_to or cls.today + timedelta(days=335),
            }
        )

    def book(self, practitioner, product=None, studio=None, days=0, client=None):
        return self.env["skinpro.treatment.session"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": (studio or self.studio_a).id,
                "practitioner_id": practitioner.id,
                "product_id": (product or self.treatment).id,
                "planned_start": fields.Datetime.now() + timedelta(days=days),
            }
        )

    def ready(self, session):
        """The client screened and the per-session questions answered."""
        self.screening(
            client=session.partner_id, studio=session.company_id
        ).action_confirm()
        session.reconfirmation_ids.write({"answer": "no"})
        return session


@tagged("post_install", "-at_install")
class TestCredentialGate(CredentialCase):
    def test_booking_refused_names_the_missing_certificate(self):
        with self.assertRaisesRegex(
            ValidationError, "Micro-needling certificate missing"
        ):
            self.book(self.bob)

    def test_shallow_treatment_needs_only_the_licence(self):
        session = self.ready(self.book(self.bob, self.shallow))
        session.action_start()
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_studio_without_requirements_gates_nobody(self):
        stranger = self.practitioner("cred_stranger", self.studio_b)
        session = self.ready(
            self.book(stranger, studio=self.studio_b, client=self.client_b)
        )
        self.stock_studio(self.studio_b, "CREDB")
        session.action_start()
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_expired_certificate_refused_with_its_date(self):
        self.alice_certificate.valid_to = self.today - timedelta(days=2)
        with self.assertRaisesRegex(ValidationError, "expired on"):
            self.book(self.alice)

    def test_certificate_of_another_studio_does_not_count(self):
        self.employee(self.bob, self.studio_b)
        self.bob.company_ids |= self.studio_b
        other = self.env["hr.employee"].search(
            [("user_id", "=", self.bob.id), ("company_id", "=", self.studio_b.id)]
        )
        self.credential(other, self.certificate)
        with self.assertRaisesRegex(ValidationError, "certificate missing"):
            self.book(self.bob)

    def test_lapsing_before_the_session_warns_then_start_refuses(self):
        self.alice_certificate.valid_to = self.today + timedelta(days=5)
        session = self.ready(self.book(self.alice, days=10))
        self.assertIn(
            "Micro-needling certificate expired on", session.skinpro_credential_warning
        )
        self.assertTrue(
            session.message_ids.filtered(
                lambda message: "Its start will be refused" in message.body
            ),
            "the booking leaves its warning in the chatter",
        )
        in_ten_days = freeze_time(fields.Datetime.now() + timedelta(days=10))
        with in_ten_days, self.assertRaisesRegex(UserError, "certificate expired on"):
            session.action_start()
        self.assertEqual(session.state, "planned")

    def test_renewal_lets_the_session_start(self):
        self.alice_certificate.valid_to = self.today + timedelta(days=5)
        session = self.ready(self.book(self.alice, days=10))
        self.credential(
            self.alice_employee,
            self.certificate,
            valid_from=self.today + timedelta(days=5),
            valid_to=self.today + timedelta(days=400),
        )
        session.invalidate_recordset(["skinpro_credential_warning"])
        self.assertFalse(session.skinpro_credential_warning)
        with freeze_time(fields.Datetime.now() + timedelta(days=10)):
            self.screening(client=self.client_a, studio=self.studio_a).action_confirm()
            session.action_start()
        self.assertEqual(session.state, "in_progress")

    def test_completion_refused_once_the_certificate_lapsed(self):
        self.alice_certificate.valid_to = self.today
        session = self.ready(self.book(self.alice))
        session.action_start()
        tomorrow = freeze_time(fields.Datetime.now() + timedelta(days=1))
        with tomorrow, self.assertRaisesRegex(UserError, "certificate expired on"):
            session.action_done()
        self.assertEqual(session.state, "in_progress")

    def test_changing_the_practitioner_or_treatment_is_checked(self):
        session = self.book(self.bob, self.shallow)
        with self.assertRaisesRegex(ValidationError, "certificate missing"):
            session.product_id = self.treatment
        with self.assertRaisesRegex(ValidationError, "certificate missing"):
            self.book(self.alice).practitioner_id = self.bob

    def test_import_refused(self):
        result = self.env["skinpro.treatment.session"].load(
            [
                "partner_id/.id",
                "company_id/.id",
                "practitioner_id/.id",
                "product_id/.id",
            ],
            [
                [
                    str(self.client_a.id),
                    str(self.studio_a.id),
                    str(self.bob.id),
                    str(self.treatment.id),
                ]
            ],
        )
        self.assertFalse(result["ids"])
        self.assertIn("certificate missing", result["messages"][0]["message"])

    def test_rpc_as_studio_manager_refused(self):
        Session = self.env["skinpro.treatment.session"].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "certificate missing"):
            Session.create(
                {
                    "partner_id": self.client_a.id,
                    "company_id": self.studio_a.id,
                    "practitioner_id": self.bob.id,
                    "product_id": self.treatment.id,
                }
            )

    def test_form_offers_only_eligible_practitioners(self):
        form = Form(self.env["skinpro.treatment.session"].with_user(self.manager))
        form.partner_id = self.client_a
        form.product_id = self.treatment
        eligible = form.skinpro_eligible_practitioner_ids
        self.assertIn(self.alice, eligible)
        self.assertNotIn(self.bob, eligible)
        form.product_id = self.shallow
        self.assertIn(self.bob, form.skinpro_eligible_practitioner_ids)


@tagged("post_install", "-at_install")
class TestCredentialPrivacy(CredentialCase):
    def credentials_seen_by(self, user):
        return (
            self.env["hr.employee.skill"]
            .with_user(user)
            .search([("skill_type_id", "=", self.credential_type.id)])
        )

    def test_front_desk_sees_no_credential(self):
        self.assertFalse(self.credentials_seen_by(self.front_desk))

    def test_practitioner_sees_only_their_own(self):
        self.assertEqual(
            self.credentials_seen_by(self.bob).employee_id, self.bob_employee
        )

    def test_studio_manager_sees_and_renews_the_studio_s(self):
        self.assertEqual(
            self.credentials_seen_by(self.manager).employee_id,
            self.alice_employee | self.bob_employee,
        )
        self.env["hr.employee.skill"].with_user(self.manager).create(
            {
                "employee_id": self.bob_employee.id,
                "skill_type_id": self.credential_type.id,
                "skill_id": self.certificate.id,
                "skill_level_id": self.held.id,
                "valid_from": self.today,
                "valid_to": self.today + timedelta(days=365),
            }
        )
        self.assertTrue(self.book(self.bob))


@tagged("post_install", "-at_install")
class TestProtocols(CredentialCase):
    """Studio B requires signed protocols (and no credential)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studio_b.skinpro_requires_protocol = True
        cls.director = cls.studio_user(
            "cred_director",
            cls.studio_b,
            "skinpro_needling.group_skinpro_medical_director",
        )
        cls.carol = cls.practitioner("cred_carol", cls.studio_b)
        cls.dave = cls.practitioner("cred_dave", cls.studio_b)
        cls.b_manager = cls.studio_user(
            "cred_b_manager", cls.studio_b, "skinpro_needling.group_studio_manager"
        )

    def setUp(self):
        super().setUp()
        self.stock_studio(self.studio_b, "PROT")

    def protocol(self, max_depth=1.0, practitioners=None):
        return (
            self.env["skinpro.protocol"]
            .with_user(self.b_manager)
            .create(
                {
                    "name": "Express protocol",
                    "company_id": self.studio_b.id,
                    "product_tmpl_id": self.treatment.product_tmpl_id.id,
                    "max_depth_mm": max_depth,
                    "medical_director_id": self.director.id,
                    "practitioner_ids": [
                        fields.Command.set((practitioners or self.carol).ids)
                    ],
                }
            )
        )

    def signed(self, protocol):
        protocol.action_send_for_signature()
        for user in protocol.awaiting_ids:
            protocol.with_user(user).action_sign()
        return protocol

    def book_b(self, practitioner, days=0):
        return self.book(
            practitioner, studio=self.studio_b, client=self.client_b, days=days
        )

    def test_no_protocol_no_session(self):
        with self.assertRaisesRegex(ValidationError, "no protocol for"):
            self.book_b(self.carol)

    def test_not_active_until_every_signature_is_in(self):
        protocol = self.protocol()
        protocol.action_send_for_signature()
        self.assertEqual(protocol.awaiting_ids, self.director | self.carol)
        protocol.with_user(self.director).action_sign()
        self.assertEqual(protocol.state, "signing")
        with self.assertRaisesRegex(ValidationError, "no protocol for"):
            self.book_b(self.carol)
        protocol.with_user(self.carol).action_sign()
        self.assertEqual(protocol.state, "active")
        self.assertEqual(
            protocol.valid_until, fields.Date.add(self.today, years=1, days=-1)
        )
        session = self.ready(self.book_b(self.carol))
        session.action_start()
        self.assertEqual(session.state, "in_progress")

    def test_only_awaited_signatories_sign(self):
        protocol = self.protocol()
        protocol.action_send_for_signature()
        with self.assertRaisesRegex(UserError, "is not awaited"):
            protocol.with_user(self.dave).action_sign()

    def test_practitioner_who_did_not_sign_is_refused(self):
        self.signed(self.protocol())
        with self.assertRaisesRegex(
            ValidationError, "signed by the medical director and cred_dave"
        ):
            self.book_b(self.dave)

    def test_depth_beyond_the_protocol_is_refused(self):
        self.signed(self.protocol(max_depth=0.3))
        with self.assertRaisesRegex(ValidationError, "up to 0.5 mm"):
            self.book_b(self.carol)

    def test_signed_protocol_is_locked(self):
        protocol = self.signed(self.protocol())
        with self.assertRaises(UserError):
            protocol.max_depth_mm = 2.0

    def test_lapsed_protocol_refuses_the_start_and_reminds_a_week_before(self):
        protocol = self.signed(self.protocol())
        session = self.ready(self.book_b(self.carol, days=1))
        lapse = protocol.valid_until
        with freeze_time(
            fields.Datetime.now() + (lapse - self.today) - timedelta(days=7)
        ):
            self.env["skinpro.protocol"]._cron_skinpro_remind_lapsing()
        self.assertEqual(
            protocol.activity_ids.filtered(lambda a: "lapses" in a.summary).user_id,
            self.director | self.carol,
        )
        with (
            freeze_time(
                fields.Datetime.now() + (lapse - self.today) + timedelta(days=1)
            ),
            self.assertRaisesRegex(UserError, "no protocol for"),
        ):
            session.action_start()


@tagged("post_install", "-at_install")
class TestCredentialExpiry(CredentialCase):
    def test_reminders_at_90_and_30_days_to_practitioner_and_manager(self):
        self.alice_certificate.valid_to = self.today + timedelta(days=80)
        Skill = self.env["hr.employee.skill"]
        Skill._cron_skinpro_remind_expiry()
        reminders = self.alice_employee.activity_ids
        self.assertEqual(reminders.user_id, self.alice | self.manager)
        Skill._cron_skinpro_remind_expiry()
        self.assertEqual(len(self.alice_employee.activity_ids), 2, "once per step")
        with freeze_time(fields.Datetime.now() + timedelta(days=55)):
            Skill._cron_skinpro_remind_expiry()
        self.assertEqual(len(self.alice_employee.activity_ids), 4)

    def test_renewed_credential_is_not_reminded(self):
        self.alice_certificate.valid_to = self.today + timedelta(days=20)
        self.credential(
            self.alice_employee,
            self.certificate,
            valid_from=self.today + timedelta(days=21),
            valid_to=self.today + timedelta(days=400),
        )
        self.env["hr.employee.skill"]._cron_skinpro_remind_expiry()
        self.assertFalse(self.alice_employee.activity_ids)

    def test_compliance_lists_the_sessions_a_lapse_would_block(self):
        self.alice_certificate.valid_to = self.today + timedelta(days=20)
        later = self.book(self.alice, days=30)
        self.book(self.alice, days=10)
        self.book(self.alice, self.shallow, days=40)
        line = self.alice_certificate.with_user(self.manager)
        self.assertEqual(line.skinpro_blocked_session_ids, later)
        lapsing = (
            self.env["hr.employee.skill"]
            .with_user(self.manager)
            .search(
                [
                    ("skill_type_id.skinpro_is_credential", "=", True),
                    ("valid_to", "<=", self.today + timedelta(days=90)),
                ]
            )
        )
        self.assertEqual(lapsing, self.alice_certificate)

    def test_employ_practitioners(self):
        newcomer = self.practitioner("cred_newcomer", self.studio_a)
        self.studio_a.action_skinpro_employ_practitioners()
        employee = self.env["hr.employee"].search([("user_id", "=", newcomer.id)])
        self.assertEqual(employee.company_id, self.studio_a)


@tagged("post_install", "-at_install")
class TestGoodFaithExam(CredentialCase):
    """Studio B requires a good-faith exam (and no credential)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.studio_b.skinpro_requires_good_faith_exam = True
        cls.carol = cls.practitioner("cred_carol", cls.studio_b)
        cls.b_manager = cls.studio_user(
            "cred_b_manager", cls.studio_b, "skinpro_needling.group_studio_manager"
        )

    def setUp(self):
        super().setUp()
        self.stock_studio(self.studio_b, "GFE")

    def exam(self, days_ago=0):
        return (
            self.env["skinpro.good.faith.exam"]
            .with_user(self.carol)
            .create(
                {
                    "partner_id": self.client_b.id,
                    "company_id": self.studio_b.id,
                    "examiner": "Dr. Nadia Reyes, NP",
                    "examiner_licence": "CA-NP-95012",
                    "exam_date": self.today - timedelta(days=days_ago),
                }
            )
        )

    def session(self):
        return self.ready(
            self.book(self.carol, studio=self.studio_b, client=self.client_b)
        )

    def test_no_exam_no_start(self):
        session = self.session()
        with self.assertRaisesRegex(UserError, "requires a good-faith exam"):
            session.action_start()

    def test_pending_exam_does_not_count_until_approved(self):
        exam = self.exam()
        session = self.session()
        with self.assertRaisesRegex(UserError, "requires a good-faith exam"):
            session.action_start()
        with self.assertRaisesRegex(UserError, "Only a studio manager"):
            exam.action_approve()
        exam.with_user(self.b_manager).action_approve()
        session.action_start()
        self.assertEqual(session.state, "in_progress")

    def test_exam_older_than_twelve_months_does_not_count(self):
        self.exam(days_ago=370).with_user(self.b_manager).action_approve()
        with self.assertRaisesRegex(UserError, "requires a good-faith exam"):
            self.session().action_start()

    def test_approved_exam_is_locked(self):
        exam = self.exam()
        exam.with_user(self.b_manager).action_approve()
        with self.assertRaises(UserError):
            exam.with_user(self.b_manager).examiner_licence = "other"

    def test_another_studio_does_not_see_the_exam(self):
        exam = self.exam()
        self.assertFalse(
            self.env["skinpro.good.faith.exam"]
            .with_user(self.alice)
            .search([("id", "=", exam.id)])
        )


@tagged("post_install", "-at_install")
class TestEmployPractitioners(CredentialCase):
    def test_only_a_studio_manager_of_the_studio(self):
        with self.assertRaises(AccessError):
            self.studio_a.with_user(self.alice).action_skinpro_employ_practitioners()
        with self.assertRaises(AccessError):
            self.studio_b.with_user(self.manager).action_skinpro_employ_practitioners()
        newcomer = self.practitioner("cred_newcomer2", self.studio_a)
        self.studio_a.with_user(self.manager).action_skinpro_employ_practitioners()
        self.assertTrue(self.env["hr.employee"].search([("user_id", "=", newcomer.id)]))
