# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SkinproRecallStudio(models.Model):
    """A recall's progress at one studio: the clients treated there with the lot
    and how many were notified, their sessions held and reviewed, and the stock
    the recall moved to the studio's quarantine."""

    _name = "skinpro.recall.studio"
    _description = "Lot recall at a studio"
    _order = "recall_id desc, company_id"
    _check_company_auto = True

    recall_id = fields.Many2one(
        "skinpro.recall",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one("res.company", string="Studio", required=True)
    state = fields.Selection(related="recall_id.state")
    lot_id = fields.Many2one(related="recall_id.lot_id")
    quantity_quarantined = fields.Float(
        string="Stock quarantined",
        digits="Product Unit of Measure",
        readonly=True,
        help="What the recall moved from the studio's stock to its quarantine.",
    )
    uom_id = fields.Many2one(related="recall_id.product_id.uom_id", string="Unit")
    session_count = fields.Integer(compute="_compute_progress", string="Sessions")
    partner_count = fields.Integer(compute="_compute_progress", string="Clients")
    notified_count = fields.Integer(
        compute="_compute_progress",
        string="Clients notified",
        help="Notices delivered to the client's mail server.",
    )
    failed_count = fields.Integer(
        compute="_compute_progress",
        string="Notices failed",
        help="Notices that bounced or could not be sent: call these clients.",
    )
    held_count = fields.Integer(compute="_compute_progress", string="Sessions held")
    reviewed_count = fields.Integer(
        compute="_compute_progress", string="Sessions reviewed"
    )

    @api.depends("recall_id")
    def _compute_progress(self):
        # Counts only: the sessions themselves are health records.
        for line in self.sudo():
            recall = line.recall_id
            sessions = recall.session_ids.filtered(
                lambda s, studio=line.company_id: s.company_id == studio
            )
            held = recall.held_session_ids.filtered(
                lambda s, studio=line.company_id: s.company_id == studio
            )
            notices = recall.notice_ids.filtered(
                lambda n, studio=line.company_id: n.company_id == studio
            )
            line.session_count = len(sessions)
            line.partner_count = len(notices)
            line.notified_count = len(
                notices.filtered(lambda n: n.mail_state == "sent")
            )
            line.failed_count = len(
                notices.filtered(lambda n: n.mail_state == "failed")
            )
            line.held_count = len(held)
            line.reviewed_count = len(held.filtered("recall_reviewed_by_id"))
