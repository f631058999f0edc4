# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A client treated at studio A (screened, treated with a lot since recalled,
referred, with her next session booked) and the users of both studios who must
or must not learn it."""

from datetime import timedelta

from odoo import Command

from .common import StockedStudiosCase

# A name no other record holds: wherever it shows, the client shows.
CLIENT_NAME = "Philippa Quenneville-Orsk"


class PrivacyCase(StockedStudiosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_a.write(
            {"name": CLIENT_NAME, "email": "philippa@example.com", "phone": "555-0142"}
        )
        cls.provider = cls.env["res.partner"].create(
            {"name": "Dr. Referral Provider", "skinpro_is_medical_provider": True}
        )
        cls.users = {
            # Export allowed: the sweep tries that door too.
            login: cls.studio_user(login, studio, group, "base.group_allow_export")
            for login, studio, group in (
                ("a_practitioner", cls.studio_a, "skinpro_needling.group_practitioner"),
                ("a_manager", cls.studio_a, "skinpro_needling.group_studio_manager"),
                ("a_inventory", cls.studio_a, "skinpro_needling.group_inventory"),
                ("a_front_desk", cls.studio_a, "skinpro_needling.group_front_desk"),
                ("b_practitioner", cls.studio_b, "skinpro_needling.group_practitioner"),
                ("b_manager", cls.studio_b, "skinpro_needling.group_studio_manager"),
                ("b_inventory", cls.studio_b, "skinpro_needling.group_inventory"),
                ("b_front_desk", cls.studio_b, "skinpro_needling.group_front_desk"),
            )
        }
        cls.users["chain_manager"] = cls.env["res.users"].create(
            {
                "name": "Chain manager",
                "login": "privacy_chain",
                "company_id": cls.chain.id,
                "company_ids": [
                    Command.set((cls.chain | cls.studio_a | cls.studio_b).ids)
                ],
                "group_ids": [
                    Command.link(cls.env.ref("base.group_user").id),
                    Command.link(cls.env.ref("base.group_allow_export").id),
                    Command.link(
                        cls.env.ref("skinpro_needling.group_chain_manager").id
                    ),
                ],
            }
        )

    def treat_client_a(self):
        """Screened and treated at studio A with a lot, referred, her next session
        booked, and the lot recalled."""
        self.lot = self.env["stock.lot"].create(
            {
                "name": "C-PRIVACY",
                "product_id": self.cartridge.id,
                "company_id": False,
                "expiration_date": self.now + timedelta(days=20),
            }
        )
        for studio, prefix in ((self.studio_a, "A"), (self.studio_b, "B")):
            self.stock_studio(studio, prefix)
            self.env["stock.quant"]._update_available_quantity(
                self.cartridge,
                studio.skinpro_warehouse_id.lot_stock_id,
                4,
                lot_id=self.lot,
            )
        self.session_a = self.started_session(self.studio_a, self.client_a)
        self.session_a.write({"note": "Mild redness, settled."})
        self.session_a.action_done()
        self.screening_a = self.session_a.screening_id
        self.next_a = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": self.studio_a.id,
                "product_id": self.treatment.id,
                "planned_start": self.now + timedelta(days=7),
            }
        )
        refer = self.screening(client=self.client_a, yes=["suspicious_lesion"])
        refer.action_confirm()
        self.referral_a = self.env["crm.lead"].browse(
            refer.action_create_referral()["res_id"]
        )
        self.referral_a.skinpro_provider_id = self.provider
        self.recall = self.lot.with_user(
            self.users["a_inventory"]
        ).action_skinpro_recall("Sterility of the pouches not assured")
