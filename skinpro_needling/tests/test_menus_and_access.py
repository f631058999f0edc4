# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SkinproCase


@tagged("post_install", "-at_install")
class TestMenusAndAccess(SkinproCase):
    def visible_menus(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        return {menu.get("xmlid") for menu in menus.values()}

    def test_menus_follow_the_roles(self):
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        practitioner = self.studio_user(
            "pr", self.studio_a, "skinpro_needling.group_practitioner"
        )
        chain_manager = self.studio_user(
            "cm", self.studio_a, "skinpro_needling.group_chain_manager"
        )
        plain = self.studio_user("plain", self.studio_a)
        root = "skinpro_needling.menu_skinpro_root"
        screenings = "skinpro_needling.menu_skinpro_screening"
        studios = "skinpro_needling.menu_skinpro_studios"
        self.assertIn(root, self.visible_menus(front_desk))
        self.assertIn(
            "skinpro_needling.menu_skinpro_client_list", self.visible_menus(front_desk)
        )
        self.assertNotIn(screenings, self.visible_menus(front_desk))
        self.assertNotIn(
            "skinpro_needling.menu_skinpro_sessions", self.visible_menus(front_desk)
        )
        self.assertIn(
            "skinpro_needling.menu_skinpro_sessions", self.visible_menus(practitioner)
        )
        self.assertIn(root, self.visible_menus(practitioner))
        self.assertIn(screenings, self.visible_menus(practitioner))
        self.assertNotIn(studios, self.visible_menus(practitioner))
        self.assertIn(studios, self.visible_menus(chain_manager))
        self.assertNotIn(root, self.visible_menus(plain))

    def test_every_menu_action_of_the_addon_opens(self):
        menus = (
            self.env["ir.ui.menu"]
            .search([])
            .filtered(
                lambda m: m.get_external_id()[m.id].startswith("skinpro_needling.")
            )
        )
        self.assertTrue(menus)
        for menu in menus.filtered("action"):
            action = menu.action
            if action._name == "ir.actions.server":
                # A server action prepares the figures, then opens its window.
                action = action.run()
                model = action["res_model"]
            else:
                model = action.res_model
            self.assertTrue(
                self.env[model].get_views([(False, "list"), (False, "form")])
            )

    def test_front_desk_cannot_read_screenings_practitioner_can(self):
        screening = self.env["skinpro.screening"].create(
            {"partner_id": self.client_a.id, "company_id": self.studio_a.id}
        )
        front_desk = self.studio_user(
            "fd", self.studio_a, "skinpro_needling.group_front_desk"
        )
        inventory = self.studio_user(
            "inv", self.studio_a, "skinpro_needling.group_inventory"
        )
        practitioner = self.studio_user(
            "pr", self.studio_a, "skinpro_needling.group_practitioner"
        )
        for user in (front_desk, inventory):
            with self.assertRaises(AccessError):
                screening.with_user(user).read(["partner_id"])
        self.assertEqual(
            screening.with_user(practitioner).read(["partner_id"])[0]["partner_id"][0],
            self.client_a.id,
        )
