# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

from ..rules import depth as depth_rules


class PosConfig(models.Model):
    """What the front desk's POS asks the server about needling, always for the
    studio the POS belongs to."""

    _inherit = "pos.config"

    def _skinpro_studio_env(self):
        """This POS's studio as the current company; refused to a user who may not
        open this POS or work for its studio."""
        self.ensure_one()
        self.check_access("read")
        return self.with_company(self.company_id).env

    @api.readonly
    def skinpro_screening_statuses(self, partner_ids):
        """The derived screening status of these clients at this studio today."""
        env = self._skinpro_studio_env()
        partners = env["res.partner"].browse(partner_ids).exists()
        partners = partners._filtered_access("read")
        return [
            {
                "id": partner.id,
                "skinpro_screening_status": partner.skinpro_screening_status,
                "skinpro_screening_valid_until": partner.skinpro_screening_valid_until,
            }
            for partner in partners
        ]

    @api.readonly
    def skinpro_referral_providers(self):
        self._skinpro_studio_env()
        providers = (
            self.env["res.partner"]
            .sudo()
            .search([("skinpro_is_medical_provider", "=", True)], order="name")
        )
        return [
            {"id": p.id, "name": p.name, "speciality": p.skinpro_speciality or ""}
            for p in providers
        ]

    def skinpro_create_referral(self, partner_id, product_id, provider_id):
        """Refer the client to `provider_id` for a treatment this studio may not
        perform (medical depth). Returns the referral's name."""
        env = self._skinpro_studio_env()
        studio = self.company_id
        partner = env["res.partner"].browse(partner_id).exists()
        product = env["product.product"].browse(product_id).exists()
        provider = (
            env["res.partner"]
            .sudo()
            .browse(provider_id)
            .exists()
            .filtered("skinpro_is_medical_provider")
        )
        if not partner:
            raise UserError(self.env._("Select the client to refer."))
        partner.check_access("read")
        if not provider:
            raise UserError(
                self.env._("Choose the medical provider to refer the client to.")
            )
        if not (
            product.skinpro_is_needling
            and product.skinpro_depth_class(studio) == depth_rules.MEDICAL
        ):
            raise UserError(
                self.env._(
                    "%(treatment)s can be performed at %(studio)s: sell it, do not "
                    "refer it.",
                    treatment=product.display_name or self.env._("This product"),
                    studio=studio.name,
                )
            )
        referral = env["crm.lead"]._skinpro_create_referral(
            partner=partner,
            company=studio,
            reason="depth",
            depth_mm=product.skinpro_depth_mm,
            provider=provider,
        )
        referral.sudo().message_post(
            body=self.env._(
                "Referred from the POS %(pos)s by %(user)s for %(treatment)s.",
                pos=self.name,
                user=env.user.name,
                treatment=product.display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return referral.sudo().name
