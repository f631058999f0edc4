# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SkinproClinicalRecord(models.AbstractModel):
    """What screenings and sessions share: a client, seen at a studio by a
    practitioner, with every change of these in the chatter, and a state machine
    that only their actions move."""

    _name = "skinpro.clinical.record"
    _description = "Client record at a studio"
    _inherit = ["mail.thread", "mail.activity.mixin", "skinpro.state.machine"]
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    practitioner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )

    @api.constrains("partner_id")
    def _check_client_active(self):
        # Only a record in its first state, still being prepared: a done one keeps
        # its archived client.
        for record in self.filtered(
            lambda r: r._skinpro_state() == r._skinpro_machine.creatable[0]
        ):
            if not record.partner_id.active:
                raise ValidationError(
                    self.env._(
                        "Client: %(client)s is archived. Restore the client first.",
                        client=record.partner_id.display_name,
                    )
                )


def form_action(record):
    """The window action that opens `record`'s form."""
    record.ensure_one()
    return {
        "type": "ir.actions.act_window",
        "res_model": record._name,
        "res_id": record.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }
