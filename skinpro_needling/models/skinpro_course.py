# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import course as course_rules
from ..rules import state_machine as sm

_lt = LazyTranslate(__name__)

# What the client bought: fixed once a session of the course has started.
PURCHASE = (
    "partner_id",
    "company_id",
    "product_id",
    "sessions_total",
    "min_spacing_days",
)


class SkinproCourse(models.Model):
    """A course of sessions a client bought: its session credits. Its state follows
    its sessions: once one has started, what was bought is fixed."""

    _name = "skinpro.course"
    _description = "Course of sessions"
    _inherit = ["mail.thread", "skinpro.state.machine"]
    _order = "id desc"
    _check_company_auto = True
    _skinpro_machine = sm.Machine(
        state_field="state",
        states=("open", "in_use", "completed"),
        creatable=("open",),
        deletable=("open",),
        actions=(
            sm.Action(
                "pos_payment",
                _lt("the order paid at the Point of Sale"),
                sets=("pos_order_line_id",),
            ),
        ),
        locks={
            "in_use": sm.Lock(PURCHASE),
            "completed": sm.Lock(PURCHASE),
        },
        computed=(
            "name",
            "state",
            "sessions_used",
            "sessions_left",
            "last_session_date",
        ),
    )

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Studio",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Course",
        required=True,
        domain=[("skinpro_course_sessions", ">", 0)],
        check_company=True,
    )
    sessions_total = fields.Integer(
        string="Session credits",
        compute="_compute_from_product",
        store=True,
        readonly=False,
    )
    min_spacing_days = fields.Integer(
        string="Days between sessions",
        compute="_compute_from_product",
        store=True,
        readonly=False,
    )
    pos_order_line_id = fields.Many2one(
        "pos.order.line",
        string="Paid by",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    session_ids = fields.One2many(
        "skinpro.treatment.session", "course_id", string="Sessions"
    )
    sessions_used = fields.Integer(compute="_compute_sessions", store=True)
    sessions_left = fields.Integer(compute="_compute_sessions", store=True)
    last_session_date = fields.Date(compute="_compute_sessions", store=True)
    state = fields.Selection(
        [("open", "Not started"), ("in_use", "In use"), ("completed", "Completed")],
        compute="_compute_sessions",
        store=True,
        help="Not started until a session of the course starts; completed once "
        "every credit is used.",
    )

    @api.depends("partner_id.name", "product_id.name")
    def _compute_name(self):
        for course in self:
            course.name = " - ".join(
                filter(None, [course.product_id.name, course.partner_id.name])
            )

    @api.depends("product_id")
    def _compute_from_product(self):
        for course in self:
            course.sessions_total = course.product_id.skinpro_course_sessions
            course.min_spacing_days = course.product_id.skinpro_min_spacing_days

    @api.depends("sessions_total", "session_ids.state", "session_ids.date_start")
    def _compute_sessions(self):
        for course in self:
            used = course.session_ids.filtered(
                lambda s: s.state in ("in_progress", "done")
            )
            course.sessions_used = len(used)
            course.sessions_left = course_rules.credits_left(
                course.sessions_total, len(used)
            )
            starts = used.mapped("date_start")
            course.last_session_date = max(starts).date() if starts else False
            course.state = (
                "completed"
                if used and not course.sessions_left
                else ("in_use" if used else "open")
            )

    @api.constrains("sessions_total")
    def _check_sessions_total(self):
        for course in self:
            if course.sessions_total < 1:
                raise ValidationError(
                    self.env._("Session credits: a course gives at least one session.")
                )

    def _check_next_session(self, day, override_spacing):
        """Refuses a session of the course on `day` without credit left, or too soon
        after the last one unless the spacing is overridden; returns the note of
        that override, or False."""
        if not self:
            return False
        self.ensure_one()
        if self.sessions_left < 1:
            raise UserError(
                self.env._(
                    "The course %(course)s has no session credit left (%(total)s "
                    "used).",
                    course=self.name,
                    total=self.sessions_total,
                )
            )
        last = self.last_session_date
        if course_rules.spacing_respected(day, last or None, self.min_spacing_days):
            return False
        if not override_spacing:
            raise UserError(
                self.env._(
                    "Only %(days)s days since the last session of %(course)s; the next "
                    "may start on %(date)s. A studio manager may override.",
                    days=(day - last).days,
                    course=self.name,
                    date=course_rules.earliest_next_session(
                        last, self.min_spacing_days
                    ),
                )
            )
        return Markup("<p>%s</p>") % self.env._(
            "Spacing override by %(user)s: %(days)s days since the last session, "
            "%(minimum)s required.",
            user=self.env.user.name,
            days=(day - last).days,
            minimum=self.min_spacing_days,
        )
