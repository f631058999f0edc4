# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields

from ..models.skinpro_state_machine import acting
from .common import SkinproCase


class ChartCase(SkinproCase):
    """Studios A and B with a practitioner each, a studio manager, a medical
    director supervising A only, and done charts made quickly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Express micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        cls.practitioner = cls.studio_user(
            "chart_practitioner", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.colleague = cls.studio_user(
            "chart_colleague", cls.studio_a, "skinpro_needling.group_practitioner"
        )
        cls.practitioner_b = cls.studio_user(
            "chart_practitioner_b", cls.studio_b, "skinpro_needling.group_practitioner"
        )
        cls.manager = cls.studio_user(
            "chart_manager", cls.studio_a, "skinpro_needling.group_studio_manager"
        )
        cls.front_desk = cls.studio_user(
            "chart_front_desk", cls.studio_a, "skinpro_needling.group_front_desk"
        )
        cls.director = cls.studio_user(
            "chart_director",
            cls.studio_a,
            "skinpro_needling.group_skinpro_medical_director",
        )
        cls.area = cls.env["product.attribute.value"].search(
            [("attribute_id.skinpro_kind", "=", "area")], limit=1
        )
        # Past the first charts of a practitioner new at the studio, unless a test
        # says otherwise.
        (cls.studio_a | cls.studio_b).skinpro_review_first_charts = 0

    def done_chart(self, practitioner=None, studio=None, ended=None, **vals):
        """A session of `practitioner` done at `ended` (default: an hour ago), with
        a depth line: what action_done leaves, without the stock."""
        practitioner = practitioner or self.practitioner
        studio = studio or self.studio_a
        ended = ended or fields.Datetime.now() - timedelta(hours=1)
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": self.client_a.id,
                "company_id": studio.id,
                "product_id": self.treatment.id,
                "practitioner_id": practitioner.id,
                "planned_start": ended - timedelta(hours=1),
            }
        )
        with acting(session), acting(session.depth_line_ids):
            session.write(
                {
                    "state": "done",
                    "date_start": ended - timedelta(hours=1),
                    "date_end": ended,
                    "sign_deadline": ended
                    + timedelta(hours=studio.skinpro_chart_sign_hours),
                    "note": "<p>Tolerated well.</p>",
                    "depth_line_ids": [
                        fields.Command.create(
                            {"area_id": self.area.id, "depth_mm": 0.5}
                        )
                    ],
                    **vals,
                }
            )
        return session

    def signed_chart(self, **vals):
        session = self.done_chart(**vals)
        session.with_user(session.practitioner_id).action_sign()
        return session
