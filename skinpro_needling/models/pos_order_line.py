# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .skinpro_state_machine import acting


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    skinpro_session_ids = fields.One2many(
        "skinpro.treatment.session", "pos_order_line_id", string="Sessions"
    )
    skinpro_course_ids = fields.One2many(
        "skinpro.course", "pos_order_line_id", string="Courses"
    )

    def _skinpro_book(self):
        """A course gives its credits; a treatment links to the client's planned
        session at this studio, or plans a new one."""
        self.ensure_one()
        order = self.order_id
        if self.product_id.skinpro_course_sessions:
            Course = self.env["skinpro.course"].sudo()
            with acting(Course):
                Course.create(
                    {
                        "partner_id": order.partner_id.id,
                        "company_id": order.company_id.id,
                        "product_id": self.product_id.id,
                        "pos_order_line_id": self.id,
                    }
                )
            return
        # The paid order is the record of this booking: no creation note or follower
        # on each session, which would cost the POS's sync for nothing.
        Session = (
            self.env["skinpro.treatment.session"]
            .sudo()
            .with_context(
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                tracking_disable=True,
            )
        )
        planned = Session.search(
            [
                ("partner_id", "=", order.partner_id.id),
                ("company_id", "=", order.company_id.id),
                ("product_id", "=", self.product_id.id),
                ("state", "=", "planned"),
                ("pos_order_line_id", "=", False),
            ],
            order="planned_start",
            limit=int(self.qty),
        )
        # The front desk hands the recipe's aftercare kit over with the paid order.
        handed = {
            "pos_order_line_id": self.id,
            "aftercare_handed": True,
            "aftercare_kit_id": self.product_id.skinpro_aftercare_kit_id.id,
            "pos_stock_due": True,
        }
        # The new sessions' questions are the session's own, from the catalogue:
        # created with it, as the action does.
        questions = self.env["skinpro.session.reconfirmation"]
        with acting(planned), acting(questions):
            planned.write(handed)
            Session.create(
                [
                    {
                        "partner_id": order.partner_id.id,
                        "company_id": order.company_id.id,
                        "product_id": self.product_id.id,
                        "practitioner_id": order.user_id.id,
                        **handed,
                    }
                    for _unit in range(int(self.qty) - len(planned))
                ]
            )

    @api.model
    def get_existing_lots(self, company_id, config_id, product_id):
        # The register never offers a recalled lot.
        lots = super().get_existing_lots(company_id, config_id, product_id)
        recalled = set(
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("id", "in", [lot["id"] for lot in lots]),
                    ("skinpro_recalled", "=", True),
                ]
            )
            .ids
        )
        return [lot for lot in lots if lot["id"] not in recalled]
