# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import attendance as attendance_rules
from ..rules import depth as depth_rules
from .skinpro_clinical_record import form_action
from .skinpro_session_machine import REVIEW_BREACH, SESSION_MACHINE
from .skinpro_state_machine import acting

ADVERSE_EVENT_TYPES = [
    ("bleeding", "Prolonged bleeding"),
    ("infection", "Infection"),
    ("allergy", "Allergic reaction"),
    ("cold_sore", "Cold-sore flare"),
    ("pigment", "Pigment change"),
    ("scarring", "Scarring"),
    ("anaesthetic", "Anaesthetic reaction"),
    ("other", "Other"),
]


class SkinproTreatmentSession(models.Model):
    """One micro-needling session of a client at a studio: health data.

    It starts only for a client whose screening at this studio is cleared on the day,
    who re-confirmed the per-session questions, for a cosmetic treatment at depths
    below the studio's limit, and within the course's credits and spacing. It
    completes by consuming its recipe; a depth recorded at or above the studio's
    limit makes it a depth breach, which completes only once a studio manager
    reviewed it.
    """

    _name = "skinpro.treatment.session"
    _description = "Treatment session"
    _inherit = [
        "skinpro.clinical.record",
        "skinpro.session.stock",
        "skinpro.session.pos",
        "skinpro.session.supply",
        "skinpro.session.month",
    ]
    _skinpro_machine = SESSION_MACHINE
    _skinpro_figure_lookback_days = attendance_rules.REBOOK_DAYS
    _order = "planned_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    product_id = fields.Many2one(
        "product.product",
        string="Treatment",
        required=True,
        domain=[("skinpro_is_needling", "=", True)],
        check_company=True,
        tracking=True,
    )
    depth_limit_mm = fields.Float(
        string="Studio's depth limit (mm)",
        digits=(4, 2),
        compute="_compute_depth_class",
        store=True,
        precompute=True,
        help="The studio's cosmetic depth limit the session is held to: today's "
        "while it is planned, the one it started under once started.",
    )
    depth_class = fields.Selection(
        [
            (depth_rules.COSMETIC, "Cosmetic"),
            (depth_rules.MEDICAL, "Medical (referral)"),
        ],
        compute="_compute_depth_class",
        store=True,
        precompute=True,
        help="Cosmetic when the treatment's depth is below the studio's depth limit.",
    )
    course_id = fields.Many2one(
        "skinpro.course",
        domain="[('partner_id', '=', partner_id), ('company_id', '=', company_id)]",
        check_company=True,
        # A course's sessions are looked up by it (its credits, its figures).
        index="btree_not_null",
        tracking=True,
    )
    screening_id = fields.Many2one(
        "skinpro.screening",
        string="Screening relied on",
        readonly=True,
        copy=False,
        check_company=True,
        tracking=True,
    )
    planned_start = fields.Datetime(
        string="Planned for", required=True, default=fields.Datetime.now, tracking=True
    )
    duration = fields.Float(default=1.0, help="Planned duration, in hours.")
    date_start = fields.Datetime(string="Started", readonly=True, copy=False)
    date_end = fields.Datetime(string="Ended", readonly=True, copy=False)
    session_date = fields.Date(
        compute="_compute_session_date",
        store=True,
        precompute=True,
        index=True,
        help="The studio's calendar day of the session: when it ended, started or "
        "is planned. Reports group by it.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
    )
    cancelled_on = fields.Datetime(readonly=True, copy=False)
    cancellation = fields.Selection(
        [
            (attendance_rules.ON_TIME, "Cancelled in time"),
            (attendance_rules.LATE, "Late cancellation"),
            (attendance_rules.NO_SHOW, "No-show"),
            (attendance_rules.STOPPED, "Stopped once started"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
        help="How the session came to be cancelled: late when fewer than the "
        "studio's late-cancel hours were left before its planned start.",
    )
    depth_line_ids = fields.One2many(
        "skinpro.session.depth", "session_id", string="Depth per area", copy=False
    )
    max_depth_mm = fields.Float(
        string="Deepest (mm)",
        digits=(4, 2),
        compute="_compute_max_depth_mm",
        store=True,
        precompute=True,
    )
    reconfirmation_ids = fields.One2many(
        "skinpro.session.reconfirmation",
        "session_id",
        string="Re-confirmation",
        copy=False,
    )
    # The studio's visit, in order (source article).
    history_reviewed = fields.Boolean(string="History reviewed")
    before_photo = fields.Image(max_width=1920, max_height=1920, copy=False)
    anaesthetic_applied = fields.Boolean()
    aftercare_handed = fields.Boolean(
        string="Aftercare kit and instructions handed over"
    )
    finishing_product = fields.Boolean(string="Finishing product applied")
    led_microcurrent = fields.Boolean(string="LED / micro-current")
    note = fields.Html(string="Notes")
    adverse_event = fields.Boolean(tracking=True)
    adverse_event_type = fields.Selection(ADVERSE_EVENT_TYPES, tracking=True)
    adverse_event_severity = fields.Selection(
        [("mild", "Mild"), ("moderate", "Moderate"), ("severe", "Severe")],
        tracking=True,
    )
    adverse_event_description = fields.Text()
    anaesthetic_grams = fields.Float(
        string="Anaesthetic used (g)",
        digits="Product Unit of Measure",
        help="The grams actually applied; empty: the recipe's quantity.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    spacing_overridden_by_id = fields.Many2one(
        "res.users", string="Spacing override by", readonly=True, copy=False
    )
    depth_breach = fields.Boolean(
        string="Depth breach",
        readonly=True,
        copy=False,
        tracking=True,
        help="A depth at or above the studio's limit was recorded during the "
        "session: it completes only once a studio manager reviewed it.",
    )
    depth_breach_reviewed_by_id = fields.Many2one(
        "res.users", string="Depth breach reviewed by", readonly=True, copy=False
    )
    depth_breach_reviewed_on = fields.Datetime(
        string="Depth breach reviewed on", readonly=True, copy=False
    )
    depth_breach_reason = fields.Text(
        string="Depth breach review", readonly=True, copy=False
    )

    # The sessions report's pivot groups studios by month: with this index
    # PostgreSQL knows how few months there are, and aggregates in memory.
    _company_month_index = models.Index(
        "(company_id, (date_trunc('month', session_date::timestamp)::date))"
    )
    # Whether a client rebooked: their next session at the studio, by date.
    _partner_company_start_index = models.Index(
        "(partner_id, company_id, planned_start)"
    )
    # A sale at the POS looks for the client's planned session not paid yet: a
    # few rows, where the client's index holds every session of a regular.
    _unpaid_planned_index = models.Index(
        "(partner_id, company_id) WHERE state = 'planned' AND pos_order_line_id IS NULL"
    )

    @api.depends("partner_id.name", "product_id.name", "planned_start")
    def _compute_name(self):
        for session in self:
            day = session.planned_start and str(session.planned_start.date())
            parts = (session.partner_id.name, session.product_id.name, day)
            session.name = " - ".join(filter(None, parts))

    # The chain's cap is on the studio's parent: a studio is a branch of the chain.
    @api.depends(
        "product_id.skinpro_depth_mm",
        "company_id.skinpro_max_depth_mm",
        "company_id.skinpro_depth_cap_mm",
        "company_id.parent_id.skinpro_depth_cap_mm",
    )
    def _compute_depth_class(self):
        # Once started, a session keeps what was true the day it started.
        for session in self.filtered(
            lambda s: s.state == "planned" or not s.depth_class
        ):
            session.update(session._depth_today())

    def _depth_today(self):
        limit = self.company_id._skinpro_depth_limit()
        return {
            "depth_limit_mm": limit,
            "depth_class": depth_rules.depth_class(
                self.product_id.skinpro_depth_mm, limit
            ),
        }

    @api.depends("date_end", "date_start", "planned_start", "company_id")
    def _compute_session_date(self):
        for session in self:
            moment = session.date_end or session.date_start or session.planned_start
            # The studio's own time zone, so a late session counts on its own day.
            studio_tz = session.company_id.partner_id.tz or self.env.user.tz
            session.session_date = (
                moment
                and fields.Datetime.context_timestamp(
                    session.with_context(tz=studio_tz), moment
                ).date()
            )

    @api.depends("depth_line_ids.depth_mm")
    def _compute_max_depth_mm(self):
        for session in self:
            session.max_depth_mm = max(
                session.depth_line_ids.mapped("depth_mm"), default=0
            )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        # The questions to re-confirm go in with the session, unless given.
        self.env["skinpro.session.reconfirmation"]._skinpro_ask(
            self.browse(
                session.id
                for session, vals in zip(sessions, vals_list, strict=True)
                if not vals.get("reconfirmation_ids")
            )
        )
        return sessions

    # --- starting ---------------------------------------------------------------

    def action_start(self):
        for session in self:
            session._start(override_spacing=False)
        return True

    def action_start_override_spacing(self):
        """A studio manager starts a course session sooner than the spacing allows."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._(
                    "Only a studio manager may override the spacing of a course."
                )
            )
        for session in self:
            session._start(override_spacing=True)
        return True

    def _start(self, override_spacing):
        self.ensure_one()
        if self.state != "planned":
            raise UserError(self.env._("Only a planned session can start."))
        if self.sudo().pos_order_line_id.order_id.skinpro_needs_review:
            raise UserError(
                self.env._(
                    "The order that paid this session is flagged for review: a studio "
                    "manager reviews it before the session can start."
                )
            )
        today = fields.Date.context_today(self)
        screening = self.env["skinpro.screening"]._skinpro_cleared_screening(
            self.partner_id, self.company_id, today
        )
        self.reconfirmation_ids._check_all_denied()
        self._skinpro_check_recall_reviewed()
        self._skinpro_check_cartridge()
        depth = self._depth_today()
        self.company_id._skinpro_check_cosmetic(self.product_id, self.depth_line_ids)
        spacing_breach = self.course_id._check_next_session(today, override_spacing)
        with acting(self):
            self.write(
                {
                    **depth,
                    "state": "in_progress",
                    "date_start": fields.Datetime.now(),
                    "screening_id": screening.id,
                    "spacing_overridden_by_id": spacing_breach and self.env.user.id,
                }
            )
        if spacing_breach:
            self.message_post(body=spacing_breach, subtype_xmlid="mail.mt_note")

    # --- after starting -------------------------------------------------------------

    def action_done(self):
        for session in self:
            session._complete(override_shortage=False)
        return True

    def action_done_override_shortage(self):
        """A studio manager completes a session although a consumable is short."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._(
                    "Only a studio manager may complete a session short of stock."
                )
            )
        for session in self:
            session._complete(override_shortage=True)
        return True

    def _complete(self, override_shortage):
        self.ensure_one()
        if self.state != "in_progress":
            raise UserError(self.env._("Only a session in progress can be completed."))
        self._check_depth_breach_reviewed()
        self._skinpro_check_cartridge()
        values = {
            "state": "done",
            "date_end": fields.Datetime.now(),
            **self._skinpro_consume(override_shortage),
        }
        with acting(self):
            self.write(values)

    def action_cancel(self):
        if self.filtered(lambda s: s.state == "done"):
            raise UserError(
                self.env._(
                    "A completed session cannot be cancelled: its record stays as done."
                )
            )
        self._check_depth_breach_reviewed()
        now = fields.Datetime.now()
        for session in self:
            kind = attendance_rules.cancellation_kind(
                session.planned_start,
                now,
                session.company_id.skinpro_late_cancel_hours,
                started=session.state == "in_progress",
            )
            with acting(session):
                session.write(
                    {"state": "cancelled", "cancelled_on": now, "cancellation": kind}
                )
        return True

    def action_no_show(self):
        """The client did not come to a planned session whose time has passed."""
        now = fields.Datetime.now()
        for session in self:
            if session.state != "planned":
                raise UserError(
                    self.env._(
                        "%(session)s is not planned: only a planned session can be "
                        "a no-show.",
                        session=session.name,
                    )
                )
            if not attendance_rules.may_mark_no_show(session.planned_start, now):
                raise UserError(
                    self.env._(
                        "%(session)s is planned for %(start)s: a client is a no-show "
                        "only once that time has passed.",
                        session=session.name,
                        start=fields.Datetime.context_timestamp(
                            session, session.planned_start
                        ).strftime("%Y-%m-%d %H:%M"),
                    )
                )
        with acting(self):
            self.write(
                {
                    "state": "cancelled",
                    "cancelled_on": now,
                    "cancellation": attendance_rules.NO_SHOW,
                }
            )
        return True

    # --- depth breach -----------------------------------------------------------------

    def _check_depth_breach_reviewed(self):
        for session in self.filtered(
            lambda s: s.depth_breach and not s.depth_breach_reviewed_by_id
        ):
            raise UserError(
                self.env._(
                    "%(session)s recorded a depth at or above the studio's limit of "
                    "%(limit)s mm: a studio manager reviews it first (%(action)s).",
                    session=session.name,
                    limit=session.depth_limit_mm,
                    action=self.env._(REVIEW_BREACH.label),
                )
            )

    def action_review_depth_breach(self):
        """The studio manager's review of a depth breach, with the reason: the
        breach (set by the depth lines) is reviewed in its wizard."""
        self.ensure_one()
        self.env["skinpro.depth.breach.review"]._check_reviewer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(REVIEW_BREACH.label),
            "res_model": "skinpro.depth.breach.review",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_session_id": self.id},
        }

    @api.constrains("product_id")
    def _check_product_is_treatment(self):
        for session in self:
            if not session.product_id.skinpro_is_needling:
                raise ValidationError(
                    self.env._(
                        "Treatment: %(product)s is not a needling treatment.",
                        product=session.product_id.display_name,
                    )
                )

    @api.constrains("anaesthetic_grams", "duration")
    def _check_quantities(self):
        for session in self:
            if session.anaesthetic_grams < 0:
                raise ValidationError(
                    self.env._(
                        "Anaesthetic used (g): the grams applied cannot be negative."
                    )
                )
            if session.duration <= 0:
                raise ValidationError(
                    self.env._(
                        "Duration: a session is planned for more than zero hours."
                    )
                )

    @api.constrains("adverse_event", "adverse_event_type", "adverse_event_severity")
    def _check_adverse_event(self):
        for session in self.filtered("adverse_event"):
            if not (session.adverse_event_type and session.adverse_event_severity):
                raise ValidationError(
                    self.env._(
                        "An adverse event needs its Adverse Event Type and its "
                        "Adverse Event Severity."
                    )
                )

    def write(self, vals):
        new_event = vals.get("adverse_event") and self.filtered(
            lambda s: not s.adverse_event
        )
        result = super().write(vals)
        for session in new_event or []:
            session.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Follow up the adverse event"),
                user_id=session.practitioner_id.id,
                date_deadline=fields.Date.add(
                    fields.Date.context_today(session), days=1
                ),
            )
        return result

    def action_create_referral(self):
        """Refer the client for this (medical-depth) treatment."""
        self.ensure_one()
        referral = self.env["crm.lead"]._skinpro_create_referral(
            partner=self.partner_id,
            company=self.company_id,
            reason="depth",
            session=self,
            depth_mm=self.product_id.skinpro_depth_mm,
        )
        return form_action(referral)
