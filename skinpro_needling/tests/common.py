# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class SkinproCase(BaseCommon):
    """Two studios of the chain and a user of each role, for the tests."""

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
