# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..rules import credentials as credential_rules


class ResCompany(models.Model):
    """A studio's credential requirements, and whom they admit."""

    _inherit = "res.company"

    skinpro_requirement_ids = fields.One2many(
        "skinpro.studio.requirement",
        "company_id",
        string="Credentials required",
        help="What a practitioner holds, on the session's day, to needle at each "
        "depth at this studio. None: the studio gates nobody.",
    )
    skinpro_requires_good_faith_exam = fields.Boolean(
        string="Requires a good-faith exam",
        help="A client's session starts only with a good-faith exam by a licensed "
        "examiner, approved by the studio manager, of the last twelve months "
        "(California's rule).",
    )
    skinpro_requires_protocol = fields.Boolean(
        string="Requires signed protocols",
        help="Each treatment needs a protocol signed by the medical director and by "
        "the practitioner who performs it, current on the session's day.",
    )

    skinpro_gates_practitioners = fields.Boolean(
        string="Gates practitioners",
        compute="_compute_skinpro_gates_practitioners",
        store=True,
        help="The studio requires credentials or protocols of its practitioners: "
        "stored, so that a studio that gates nobody costs its sessions nothing.",
    )

    @api.depends("skinpro_requirement_ids", "skinpro_requires_protocol")
    def _compute_skinpro_gates_practitioners(self):
        for studio in self:
            studio.skinpro_gates_practitioners = bool(
                studio.skinpro_requirement_ids or studio.skinpro_requires_protocol
            )

    def _skinpro_credentials_held(self, user, skills):
        """user's certificates of skills as this studio's employee:
        {hr.skill: [(valid_from, valid_to)]}. HR data: read as superuser, the
        caller says only what is missing."""
        self.ensure_one()
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "=", user.id), ("company_id", "=", self.id)])
        )
        held = {}
        for line in employees.employee_skill_ids:
            if line.is_certification and line.skill_id in skills:
                held.setdefault(line.skill_id, []).append(
                    (line.valid_from, line.valid_to)
                )
        return held

    def _skinpro_practitioner_verdict(self, user, product, today, day):
        """(refusals, warnings), in words, of user performing product on day,
        booked today: the credentials the depth requires, and the signed protocol
        where the studio requires one. A warning is what user holds today and
        lacks on day (see rules.credentials)."""
        self.ensure_one()
        studio = self.sudo()
        depth_mm = product.skinpro_depth_mm
        refusals, warnings = [], []
        skills = studio.skinpro_requirement_ids._skinpro_required_for(depth_mm)
        if skills:
            held = self._skinpro_credentials_held(user, skills)
            gap_refusals, gap_warnings = credential_rules.planning_verdict(
                skills, held, today, day
            )
            refusals += [self._skinpro_describe_gap(gap) for gap in gap_refusals]
            warnings += [self._skinpro_describe_gap(gap) for gap in gap_warnings]
        if studio.skinpro_requires_protocol:
            protocols = (
                self.env["skinpro.protocol"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", self.id),
                        ("product_tmpl_id", "=", product.product_tmpl_id.id),
                        ("state", "=", "active"),
                    ]
                )
            )
            if not protocols._skinpro_covers(user, depth_mm, day):
                text = self.env._(
                    "no protocol for %(treatment)s up to %(depth)s mm signed by the "
                    "medical director and %(practitioner)s, current on %(day)s",
                    treatment=product.product_tmpl_id.name,
                    depth=depth_mm,
                    practitioner=user.name,
                    day=day,
                )
                covered_today = protocols._skinpro_covers(user, depth_mm, today)
                (warnings if covered_today else refusals).append(text)
        return refusals, warnings

    def _skinpro_describe_gap(self, gap):
        name = gap.credential.sudo().name
        if gap.reason == credential_rules.EXPIRED:
            return self.env._(
                "%(credential)s expired on %(day)s", credential=name, day=gap.since
            )
        if gap.reason == credential_rules.NOT_YET_VALID:
            return self.env._(
                "%(credential)s valid only from %(day)s", credential=name, day=gap.since
            )
        return self.env._("%(credential)s missing", credential=name)

    def action_skinpro_employ_practitioners(self):
        """Give each practitioner of these studios an employee there, who holds
        their credentials: the studio manager records them without HR rights."""
        user = self.env.user
        managers = ("skinpro_needling.group_studio_manager", "hr.group_hr_user")
        allowed = any(user.has_group(group) for group in managers) and not (
            self - user.company_ids
        )
        if not (self.env.su or allowed):
            raise AccessError(
                self.env._(
                    "Only a studio manager of these studios, or HR, makes their "
                    "practitioners employees."
                )
            )
        practitioners = self.env.ref("skinpro_needling.group_practitioner").sudo()
        Employee = self.env["hr.employee"].sudo()
        for studio in self.filtered("parent_id"):
            users = practitioners.all_user_ids.filtered(
                lambda user, studio=studio: (
                    studio in user.company_ids and not user.share
                )
            )
            employed = Employee.search(
                [("user_id", "in", users.ids), ("company_id", "=", studio.id)]
            ).user_id
            Employee.create(
                [
                    {"name": user.name, "user_id": user.id, "company_id": studio.id}
                    for user in users - employed
                ]
            )
        return True
