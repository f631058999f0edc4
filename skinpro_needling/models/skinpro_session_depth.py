# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import depth as depth_rules
from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)


class SkinproSessionDepth(models.Model):
    """The depth actually used on one area during a session. One at or above the
    studio's limit, recorded while the session is in progress, is evidence: kept
    as recorded, and its session becomes a depth breach."""

    _name = "skinpro.session.depth"
    _description = "Depth used per area"
    _inherit = ["skinpro.state.machine"]
    _check_company_auto = True
    _order = "id"
    _skinpro_parent_field = "session_id"
    _skinpro_machine = sm.Machine(
        state_field=None,
        states=(),
        creatable=("planned", "in_progress"),
        deletable=("planned", "in_progress"),
        actions=(
            sm.Action(
                "record",
                _lt("recording the depth during the session"),
                sources=("in_progress",),
                sets=("is_breach",),
            ),
        ),
        locks={
            "planned": sm.Lock(("session_id",)),
            "in_progress": sm.Lock(("session_id",)),
            "done": sm.Lock(sm.ALL),
            "cancelled": sm.Lock(sm.ALL),
            "signed": sm.Lock(sm.ALL),
            "evidence": sm.Lock(sm.ALL),
        },
    )

    session_id = fields.Many2one(
        "skinpro.treatment.session",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    area_id = fields.Many2one(
        "product.attribute.value",
        required=True,
        domain=[("attribute_id.skinpro_kind", "=", "area")],
    )
    depth_mm = fields.Float(string="Depth (mm)", digits=(4, 2), required=True)
    is_breach = fields.Boolean(
        string="At or above the limit",
        readonly=True,
        copy=False,
        help="Recorded during the session at or above the studio's limit: kept as "
        "evidence.",
    )

    def _skinpro_state(self):
        self.ensure_one()
        return "evidence" if self.is_breach else super()._skinpro_state()

    def _skinpro_state_label(self, state):
        if state == "evidence":
            return self.env._("a depth breach, kept as evidence")
        return super()._skinpro_state_label(state)

    @api.constrains("depth_mm")
    def _check_depth_mm(self):
        for line in self:
            # A depth used on an area: within the pens' range, and not none.
            if not (line.depth_mm > 0 and depth_rules.within_pen_range(line.depth_mm)):
                raise ValidationError(
                    self.env._(
                        "Depth (mm) on %(area)s: %(depth)s mm is outside the pens' "
                        "range (above 0, up to %(max)s mm).",
                        area=line.area_id.name,
                        depth=line.depth_mm,
                        max=depth_rules.PEN_MAX_DEPTH_MM,
                    )
                )

    # Depth is clinical evidence: each change is logged on the session, with its
    # author and time, like a tracked field.
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        for line in lines:
            line.session_id._message_log(
                body=self.env._(
                    "Depth on %(area)s: %(depth)s mm",
                    area=line.area_id.name,
                    depth=f"{line.depth_mm:.2f}",
                )
            )
        lines._skinpro_mark_breaches()
        return lines

    def write(self, vals):
        before = {line: (line.area_id.name, line.depth_mm) for line in self}
        result = super().write(vals)
        for line, (area, depth) in before.items():
            if (area, depth) != (line.area_id.name, line.depth_mm):
                line.session_id._message_log(
                    body=self.env._(
                        "Depth on %(area)s: %(old)s mm → %(new_area)s: %(new)s mm",
                        area=area,
                        old=f"{depth:.2f}",
                        new_area=line.area_id.name,
                        new=f"{line.depth_mm:.2f}",
                    )
                )
        self._skinpro_mark_breaches()
        return result

    def _skinpro_mark_breaches(self):
        """A depth at or above the limit the session started under, recorded while
        it is in progress, is never silently accepted."""
        breaches = self.filtered(
            lambda line: (
                not line.is_breach
                and line.session_id.state == "in_progress"
                and line.depth_mm >= line.session_id.depth_limit_mm
            )
        )
        if not breaches:
            return
        with acting(breaches):
            breaches.write({"is_breach": True})
        for session in breaches.session_id:
            breaches.filtered(
                lambda line, s=session: line.session_id == s
            )._skinpro_report_breach()

    def _skinpro_report_breach(self):
        """These lines of one session reach its limit: the session becomes a depth
        breach, put before the studio manager."""
        session = self.session_id
        with acting(session):
            session.write(
                {
                    "depth_breach": True,
                    "depth_breach_reviewed_by_id": False,
                    "depth_breach_reviewed_on": False,
                    "depth_breach_reason": False,
                }
            )
        activity_type = self.env.ref("skinpro_needling.mail_activity_depth_breach")
        if activity_type in session.activity_ids.activity_type_id:
            return
        managers = session.company_id._skinpro_staff(
            "skinpro_needling.group_studio_manager"
        )
        session.activity_schedule(
            activity_type_id=activity_type.id,
            summary=self.env._(
                "Review the depth breach of %(session)s", session=session.name
            ),
            note=self.env._(
                "Recorded at or above the studio's limit of %(limit)s mm: %(areas)s.",
                limit=session.depth_limit_mm,
                areas=", ".join(
                    f"{line.area_id.name} {line.depth_mm} mm" for line in self
                ),
            ),
            user_id=(managers[:1] or session.practitioner_id).id,
        )

    def unlink(self):
        for line in self:
            line.session_id._message_log(
                body=self.env._(
                    "Depth on %(area)s removed (was %(depth)s mm)",
                    area=line.area_id.name,
                    depth=f"{line.depth_mm:.2f}",
                )
            )
        return super().unlink()
