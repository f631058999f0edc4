# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE, ExampleChain, ExternalApi, SkinproCase, users_of
from .pos_payload import pos_order_payload


@tagged("post_install", "-at_install")
class TestStudioIsolation(SkinproCase):
    def test_a_studio_user_sees_none_of_another_studios_screenings(self):
        Screening = self.env["skinpro.screening"]
        own = Screening.create(
            {"partner_id": self.client_a.id, "company_id": self.studio_a.id}
        )
        other = Screening.create(
            {"partner_id": self.client_b.id, "company_id": self.studio_b.id}
        )
        practitioner_a = self.studio_user(
            "pra", self.studio_a, "skinpro_needling.group_studio_manager"
        )
        as_a = Screening.with_user(practitioner_a)
        self.assertEqual(as_a.search([]), own)
        groups = as_a.formatted_read_group([], ["company_id"], ["__count"])
        self.assertEqual([g["company_id"][0] for g in groups], [self.studio_a.id])
        with self.assertRaises(AccessError):
            other.with_user(practitioner_a).read(["partner_id"])
        with self.assertRaises(AccessError):
            other.with_user(practitioner_a).write({"date": "2026-01-01"})


@tagged("post_install", "-at_install")
class TestStudioIsolationEverywhere(HttpCase):
    """A user of Phoenix sees no record of Salt Lake City in any model or report of
    the addon (every `skinpro.*` model with a studio, found in the registry, so a
    new one is covered), nor in the Odoo records the addon fills for a studio:
    through search, formatted_read_group and an integration's XML-RPC calls."""

    ODOO_MODELS = ["crm.lead", "pos.order", "stock.picking", "stock.quant"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        example = ExampleChain(cls.env)
        cls.phx = example.studio_phoenix
        cls.slc = example.studio_salt_lake
        cls.users = users_of(
            cls.env,
            cls.phx,
            {
                "phx_manager": "skinpro_needling.group_studio_manager",
                "phx_practitioner": "skinpro_needling.group_practitioner",
                "phx_chain_view": "skinpro_needling.group_chain_manager",
            },
        )
        # Salt Lake City gets a record of the kinds the example chain lacks: a
        # clearance, a paid POS order, a recall's progress and notice (of the lot
        # its done session used), and a submission from the client portal.
        example.lot_c_2602.action_skinpro_recall("Isolation check")
        screening = cls.env["skinpro.screening"].search(
            [("company_id", "=", cls.slc.id), ("outcome", "=", "clearance_required")],
            limit=1,
        )
        cls.env["skinpro.screening.clearance"].create(
            {
                "screening_id": screening.id,
                "physician": "Dr. Salt",
                "contraindication_ids": screening.outcome_reason_ids.ids,
                "expiry_date": fields.Date.add(fields.Date.today(), days=30),
                "document": SIGNATURE,
            }
        )
        slc_env = cls.env(context={"allowed_company_ids": cls.slc.ids})
        config = cls.slc.skinpro_pos_config_ids[:1].with_env(slc_env)
        config.open_ui()
        cls.env["pos.order"].with_env(slc_env).sync_from_ui(
            [
                pos_order_payload(
                    config.current_session_id,
                    example.client_slc_cleared,
                    example.product_full_face.product_variant_ids[:1],
                )
            ]
        )
        cls.env["skinpro.portal.attempt"]._skinpro_log(
            "submitted", "192.0.2.1", screening._name, screening.id, company=cls.slc
        )
        # Break-glass and a client's request of Salt Lake City: an access asked
        # from it (to a San Diego client's record), a read of its own record by
        # San Diego, and a client's data it produced.
        sd = example.studio_san_diego
        slc_client = example.client_slc_cleared
        sd_client = (
            cls.env["skinpro.screening"]
            .search([("company_id", "=", sd.id)], limit=1)
            .partner_id
        )
        glass = users_of(
            cls.env, sd, {"sd_glass": "skinpro_needling.group_practitioner"}
        ) | users_of(
            cls.env,
            cls.slc,
            {
                "slc_glass": "skinpro_needling.group_practitioner",
                "slc_rights": "skinpro_needling.group_studio_manager",
            },
        )
        for login, studio, client in (
            ("sd_glass", sd, slc_client),
            ("slc_glass", cls.slc, sd_client),
        ):
            client.with_user(glass[login]).with_context(
                allowed_company_ids=studio.ids
            ).action_skinpro_break_glass("Isolation check")
        slc_screening = cls.env["skinpro.screening"].search(
            [("partner_id", "=", slc_client.id), ("company_id", "=", cls.slc.id)]
        )
        slc_screening.with_user(glass["sd_glass"]).with_context(
            allowed_company_ids=sd.ids
        ).read(["outcome"])
        slc_client.with_user(glass["slc_rights"]).with_context(
            allowed_company_ids=cls.slc.ids
        ).action_skinpro_export_data()
        cls._signed_chart_and_photos()
        cls._credentials_and_protocol(example)
        cls.env.flush_all()

    @classmethod
    def _signed_chart_and_photos(cls):
        """A signed chart with its addendum, its photos (a before/after pair the
        client consented to show, so in the marketing gallery) and a download."""
        session = cls.env["skinpro.treatment.session"].search(
            [("company_id", "=", cls.slc.id), ("state", "=", "done")], limit=1
        )
        client = session.partner_id
        practitioner = session.practitioner_id.with_context(
            allowed_company_ids=cls.slc.ids
        )
        session.with_user(practitioner).action_sign()
        cls.env["skinpro.session.addendum"].with_user(practitioner).create(
            {"session_id": session.id, "reason": "Isolation check", "body": "Noted."}
        )
        front = cls.env.ref("skinpro_needling.photo_angle_front")
        photos = cls.env["skinpro.photo"].create(
            [
                {
                    "partner_id": client.id,
                    "company_id": cls.slc.id,
                    # The done session takes its follow-up photo only.
                    "session_id": session.id if phase == "after" else False,
                    "angle": front.id,
                    "phase": phase,
                    "taken_on": taken_on,
                    "image": SIGNATURE,
                }
                for phase, taken_on in (
                    ("before", "2026-01-05 10:00:00"),
                    ("after", "2026-03-05 10:00:00"),
                )
            ]
        )
        client.with_user(practitioner).action_skinpro_give_marketing_consent()
        manager = users_of(
            cls.env, cls.slc, {"slc_photos": "skinpro_needling.group_studio_manager"}
        )["slc_photos"]
        photos[0].with_user(manager).with_context(
            allowed_company_ids=cls.slc.ids
        )._skinpro_download()

    @classmethod
    def _credentials_and_protocol(cls, example):
        """A credential requirement, a protocol signed by its director and a
        good-faith exam, at Salt Lake City."""
        director = users_of(
            cls.env,
            cls.slc,
            {"slc_director": "skinpro_needling.group_skinpro_medical_director"},
        )["slc_director"]
        practitioner = example.user_slc_practitioner
        cls.env["skinpro.studio.requirement"].create(
            {
                "company_id": cls.slc.id,
                "skill_id": cls.env.ref(
                    "skinpro_needling.skill_device_certification"
                ).id,
                "depth_above_mm": 2.0,
            }
        )
        protocol = cls.env["skinpro.protocol"].create(
            {
                "name": "Isolation check",
                "company_id": cls.slc.id,
                "product_tmpl_id": example.product_full_face.id,
                "max_depth_mm": 0.5,
                "medical_director_id": director.id,
                "practitioner_ids": practitioner.ids,
            }
        )
        protocol.action_send_for_signature()
        for signatory in (director, practitioner):
            protocol.with_user(signatory).with_context(
                allowed_company_ids=cls.slc.ids
            ).action_sign()
        cls.env["skinpro.good.faith.exam"].create(
            {
                "partner_id": example.client_slc_cleared.id,
                "company_id": cls.slc.id,
                "examiner": "Dr. Salt",
                "examiner_licence": "UT-0001",
            }
        )

    def models(self):
        return [
            name
            for name, model in sorted(self.env.registry.items())
            if name.startswith("skinpro.")
            and "company_id" in model._fields
            and not (model._abstract or model._transient)
        ] + self.ODOO_MODELS

    def test_salt_lake_city_has_rows_of_every_kind(self):
        # Without them, the checks below could not fail.
        for model in self.models():
            with self.subTest(model=model):
                self.assertTrue(
                    self.env[model]
                    .with_context(active_test=False)
                    .search_count([("company_id", "=", self.slc.id)]),
                )

    def test_search_and_grouping_show_nothing_of_another_studio(self):
        checked = 0
        for login, user in self.users.items():
            for name in self.models():
                model = self.env[name].with_user(user).with_context(active_test=False)
                if not model.has_access("read"):
                    with self.assertRaises(AccessError):
                        model.search([])
                    continue
                with self.subTest(login=login, model=name):
                    checked += 1
                    seen = model.search([])
                    self.assertNotIn(self.slc, seen.company_id)
                    self.assertFalse(
                        model.search_count([("company_id", "=", self.slc.id)])
                    )
                    groups = model.formatted_read_group([], ["company_id"], ["__count"])
                    self.assertNotIn(
                        self.slc.id,
                        [g["company_id"] and g["company_id"][0] for g in groups],
                    )
        self.assertGreater(checked, 20)

    def test_the_external_api_shows_nothing_of_another_studio(self):
        for login, user in self.users.items():
            api = ExternalApi(self, user)
            for name in self.models():
                if not self.env[name].with_user(user).has_access("read"):
                    continue
                with self.subTest(login=login, model=name):
                    other = [("company_id", "=", self.slc.id)]
                    self.assertEqual(api.call(name, "search_count", domain=other), 0)
                    rows = api.call(
                        name, "search_read", domain=[], fields=["company_id"]
                    )
                    self.assertNotIn(
                        self.slc.id,
                        [r["company_id"] and r["company_id"][0] for r in rows],
                    )
                    groups = api.call(
                        name,
                        "formatted_read_group",
                        domain=[],
                        groupby=["company_id"],
                        aggregates=["__count"],
                    )
                    self.assertNotIn(
                        self.slc.id,
                        [g["company_id"] and g["company_id"][0] for g in groups],
                    )
