# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SkinproCase


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
        groups = as_a.read_group([], ["company_id"], ["company_id"])
        self.assertEqual([g["company_id"][0] for g in groups], [self.studio_a.id])
        with self.assertRaises(AccessError):
            other.with_user(practitioner_a).read(["partner_id"])
        with self.assertRaises(AccessError):
            other.with_user(practitioner_a).write({"date": "2026-01-01"})
