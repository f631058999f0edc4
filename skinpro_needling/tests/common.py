# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from pathlib import Path

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

SIGNATURE = base64.b64encode(
    (Path(__file__).parent.parent / "demo" / "consent_signature.png").read_bytes()
)


class SkinproCase(BaseCommon):
    """Two studios of the chain, clients, and helpers to screen them."""

    @classmethod
    def default_env_context(cls):
        # Studios work with tracking and chatter on: so do the tests.
        return {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chain = cls.env.ref("base.main_company")
        cls.studio_a = cls.env["res.company"].create(
            {"name": "Studio A", "parent_id": cls.chain.id, "skinpro_code": "STA"}
        )
        cls.studio_b = cls.env["res.company"].create(
            {"name": "Studio B", "parent_id": cls.chain.id, "skinpro_code": "STB"}
        )
        cls.client_a = cls.env["res.partner"].create({"name": "Client of A"})
        cls.client_b = cls.env["res.partner"].create({"name": "Client of B"})

    @classmethod
    def studio_user(cls, login, studio, *groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=",".join(("base.group_user",) + groups),
            company_id=studio.id,
            company_ids=[studio.id],
        )

    @staticmethod
    def status(client, studio):
        """The client's screening status as seen from `studio`, read afresh."""
        client.env.invalidate_all()
        return client.with_company(studio).skinpro_screening_status

    def contraindication(self, code):
        return self.env["skinpro.contraindication"].search([("code", "=", code)])

    def screening(self, client=None, studio=None, yes=(), date=None, **vals):
        """A draft screening with every question answered: no, except `yes`, a
        mapping of code to the date of the event (or None)."""
        screening = self.env["skinpro.screening"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": (studio or self.studio_a).id,
                "consent_signature": SIGNATURE,
                "date": date or fields.Date.today(),
                **vals,
            }
        )
        yes = yes if isinstance(yes, dict) else dict.fromkeys(yes)
        yes_lines = screening.answer_ids.filtered(
            lambda line: line.contraindication_id.code in yes
        )
        (screening.answer_ids - yes_lines).write({"answer": "no"})
        for line in yes_lines:
            line.write({"answer": "yes", "date": yes[line.contraindication_id.code]})
        return screening
