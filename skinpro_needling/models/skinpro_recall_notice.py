# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

DELIVERED = ("sent",)
FAILED = ("bounce", "exception", "canceled")


class SkinproRecallNotice(models.Model):
    """The notice of a recall to one client, mailed from its studio with the
    template "Recall: notice to the client" (no health detail); Odoo tracks its
    delivery on the notice's chatter."""

    _name = "skinpro.recall.notice"
    _description = "Lot recall notice to a client"
    _inherit = ["mail.thread"]
    _check_company_auto = True
    _order = "recall_id desc, company_id, id"
    _rec_name = "partner_id"

    recall_id = fields.Many2one(
        "skinpro.recall",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        readonly=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Studio", required=True, readonly=True
    )
    lot_id = fields.Many2one(related="recall_id.lot_id")
    product_id = fields.Many2one(related="recall_id.product_id")
    reason = fields.Text(related="recall_id.reason")
    mail_state = fields.Selection(
        [("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
        string="Delivery",
        compute="_compute_mail_state",
    )

    @api.depends("message_ids.notification_ids.notification_status")
    def _compute_mail_state(self):
        for notice in self:
            statuses = (
                notice.sudo()
                .message_ids.notification_ids.filtered(
                    lambda n, client=notice.partner_id: n.res_partner_id == client
                )
                .mapped("notification_status")
            )
            if any(status in DELIVERED for status in statuses):
                notice.mail_state = "sent"
            elif statuses and all(status in FAILED for status in statuses):
                notice.mail_state = "failed"
            else:
                notice.mail_state = "queued"
