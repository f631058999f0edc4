# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SkinproRecallStudio(models.Model):
    """A recall's progress at one studio: the clients treated there with the lot
    and how many were notified, their sessions held and reviewed, and the stock
    the recall moved to the studio's quarantine.

    Who was treated is health data: the lists of clients and sessions are the
    studio's own, read by its clinical roles only; everyone else of the recall
    (inventory staff, chain managers) reads the counts."""

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
    partner_ids = fields.Many2many(
        "res.partner",
        "skinpro_recall_studio_partner_rel",
        "recall_studio_id",
        "partner_id",
        string="Clients treated with it",
        readonly=True,
        check_company=True,
        groups="skinpro_needling.group_practitioner",
    )
    session_ids = fields.Many2many(
        "skinpro.treatment.session",
        "skinpro_recall_studio_session_rel",
        "recall_studio_id",
        "session_id",
        string="Sessions that used the lot",
        readonly=True,
        check_company=True,
        groups="skinpro_needling.group_practitioner",
    )
    held_session_ids = fields.Many2many(
        "skinpro.treatment.session",
        "skinpro_recall_studio_held_session_rel",
        "recall_studio_id",
        "session_id",
        string="Sessions held for review",
        readonly=True,
        check_company=True,
        groups="skinpro_needling.group_practitioner",
    )
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

    def _read_group_groupby(self, alias, groupby_spec, query):
        # Odoo checks a field's groups when grouping by it, except a many2many's:
        # the lists of clients and sessions are the clinicians' alone.
        fname = groupby_spec.split(":")[0].split(".")[0]
        if fname in self._fields:
            self._check_field_access(self._fields[fname], "read")
        return super()._read_group_groupby(alias, groupby_spec, query)

    @api.depends("session_ids", "held_session_ids", "recall_id.notice_ids")
    def _compute_progress(self):
        # Counts only: the lists themselves are health records.
        for line in self.sudo():
            held = line.held_session_ids
            notices = line.recall_id.notice_ids.filtered(
                lambda n, studio=line.company_id: n.company_id == studio
            )
            line.session_count = len(line.session_ids)
            line.partner_count = len(notices)
            line.notified_count = len(
                notices.filtered(lambda n: n.mail_state == "sent")
            )
            line.failed_count = len(
                notices.filtered(lambda n: n.mail_state == "failed")
            )
            line.held_count = len(held)
            line.reviewed_count = len(held.filtered("recall_reviewed_by_id"))
