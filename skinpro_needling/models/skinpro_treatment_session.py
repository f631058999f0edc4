# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import Command, _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..rules import course as course_rules
from ..rules import depth as depth_rules
from ..rules import recipe as recipe_rules
from ..rules import screening as screening_rules
from .skinpro_clinical_record import form_action

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
    below the studio's limit, and within the course's credits and spacing.
    """

    _name = "skinpro.treatment.session"
    _description = "Treatment session"
    _inherit = ["skinpro.clinical.record"]
    _client_open_state = "planned"
    _order = "planned_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    product_id = fields.Many2one(
        "product.product",
        string="Treatment",
        required=True,
        domain=[("skinpro_is_needling", "=", True)],
        tracking=True,
    )
    depth_class = fields.Selection(
        [
            (depth_rules.COSMETIC, "Cosmetic"),
            (depth_rules.MEDICAL, "Medical (referral)"),
        ],
        compute="_compute_depth_class",
        help="Cosmetic when the treatment's depth is below this studio's limit.",
    )
    course_id = fields.Many2one(
        "skinpro.course",
        domain="[('partner_id', '=', partner_id), ('company_id', '=', company_id)]",
        check_company=True,
        tracking=True,
    )
    screening_id = fields.Many2one(
        "skinpro.screening",
        string="Screening relied on",
        readonly=True,
        check_company=True,
        tracking=True,
    )
    planned_start = fields.Datetime(
        string="Planned for", required=True, default=fields.Datetime.now, tracking=True
    )
    duration = fields.Float(default=1.0, help="Planned duration, in hours.")
    planned_stop = fields.Datetime(compute="_compute_planned_stop")
    date_start = fields.Datetime(string="Started", readonly=True, copy=False)
    date_end = fields.Datetime(string="Ended", readonly=True, copy=False)
    session_date = fields.Date(
        compute="_compute_session_date",
        store=True,
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
    depth_line_ids = fields.One2many(
        "skinpro.session.depth", "session_id", string="Depth per area", copy=False
    )
    max_depth_mm = fields.Float(
        string="Deepest (mm)",
        digits=(4, 2),
        compute="_compute_max_depth_mm",
        store=True,
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
    aftercare_kit_id = fields.Many2one(
        "product.product",
        string="Aftercare kit",
        readonly=True,
        copy=False,
        help="The kit the front desk handed over with the paid order.",
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
    consumption_picking_id = fields.Many2one(
        "stock.picking", string="Consumption", readonly=True, copy=False
    )
    consumed_lot_ids = fields.Many2many(
        "stock.lot",
        "skinpro_session_consumed_lot_rel",
        "session_id",
        "lot_id",
        string="Lots used",
        readonly=True,
        copy=False,
        tracking=True,
    )
    revenue = fields.Monetary(
        compute="_compute_revenue",
        store=True,
        currency_field="currency_id",
        help="This session's share of the POS line that paid for it.",
    )
    consumables_cost = fields.Monetary(
        readonly=True,
        copy=False,
        currency_field="currency_id",
        help="What the consumables cost when they left the studio's stock.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    shortage_overridden_by_id = fields.Many2one(
        "res.users", string="Shortage override by", readonly=True, copy=False
    )
    pos_order_line_id = fields.Many2one(
        "pos.order.line", string="Paid by", readonly=True, copy=False, index=True
    )
    spacing_overridden_by_id = fields.Many2one(
        "res.users", string="Spacing override by", readonly=True, copy=False
    )

    def init(self):
        # The sessions report's pivot groups studios by month: with this index
        # PostgreSQL knows how few months there are, and aggregates in memory.
        tools.create_index(
            self.env.cr,
            "skinpro_treatment_session_company_month_index",
            self._table,
            ["company_id", "(date_trunc('month', session_date::timestamp)::date)"],
        )
        return super().init()

    @api.depends("partner_id.name", "product_id.name", "planned_start")
    def _compute_name(self):
        for session in self:
            session.name = " - ".join(
                filter(
                    None,
                    [
                        session.partner_id.name,
                        session.product_id.name,
                        session.planned_start and str(session.planned_start.date()),
                    ],
                )
            )

    @api.depends("planned_start", "duration")
    def _compute_planned_stop(self):
        for session in self:
            session.planned_stop = session.planned_start and fields.Datetime.add(
                session.planned_start, minutes=int(session.duration * 60)
            )

    @api.depends("product_id", "company_id")
    def _compute_depth_class(self):
        for session in self:
            session.depth_class = (
                session.product_id.skinpro_depth_class(session.company_id)
                if session.product_id and session.company_id
                else False
            )

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

    @api.depends("pos_order_line_id.price_subtotal", "pos_order_line_id.qty")
    def _compute_revenue(self):
        for session in self:
            line = session.pos_order_line_id
            session.revenue = line.price_subtotal / line.qty if line.qty else 0

    @api.depends("depth_line_ids.depth_mm")
    def _compute_max_depth_mm(self):
        for session in self:
            session.max_depth_mm = max(
                session.depth_line_ids.mapped("depth_mm"), default=0
            )

    @api.model_create_multi
    def create(self, vals_list):
        # The questions to re-confirm go in with the session: one create, no write.
        questions = self.env["skinpro.contraindication"].search(
            [("reconfirm_each_session", "=", True)]
        )
        reconfirmations = [
            Command.create({"contraindication_id": question.id})
            for question in questions
        ]
        vals_list = [
            vals
            if vals.get("reconfirmation_ids")
            else dict(vals, reconfirmation_ids=reconfirmations)
            for vals in vals_list
        ]
        return super().create(vals_list)

    # --- starting ---------------------------------------------------------------

    def action_start(self):
        for session in self:
            session._start(override_spacing=False)
        return True

    def action_start_override_spacing(self):
        """A studio manager starts a course session sooner than the spacing allows."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                _("Only a studio manager may override the spacing of a course.")
            )
        for session in self:
            session._start(override_spacing=True)
        return True

    def _start(self, override_spacing):
        self.ensure_one()
        if self.state != "planned":
            raise UserError(_("Only a planned session can start."))
        if self.sudo().pos_order_line_id.order_id.skinpro_needs_review:
            raise UserError(
                _(
                    "The order that paid this session is flagged for review: a studio "
                    "manager reviews it before the session can start."
                )
            )
        screening = self._check_screening()
        self._check_reconfirmation()
        self._check_depth()
        spacing_breach = self._check_course(override_spacing)
        self.write(
            {
                "state": "in_progress",
                "date_start": fields.Datetime.now(),
                "screening_id": screening.id,
                "spacing_overridden_by_id": spacing_breach and self.env.user.id,
            }
        )
        if spacing_breach:
            self.message_post(body=spacing_breach, subtype_xmlid="mail.mt_note")

    def _check_screening(self):
        """The client's screening at this studio, cleared and valid today."""
        today = fields.Date.context_today(self)
        screening = (
            self.env["res.partner"]
            .with_company(self.company_id)
            ._skinpro_current_screenings([self.partner_id.id])
            .get(self.partner_id.id)
        )
        if not screening:
            raise UserError(
                _(
                    "%(client)s has no confirmed screening at %(studio)s: screen the "
                    "client first.",
                    client=self.partner_id.name,
                    studio=self.company_id.name,
                )
            )
        status = screening_rules.status_on(
            screening.outcome, today, screening.valid_until, screening.deferred_until
        )
        reasons = ", ".join(screening.outcome_reason_ids.mapped("name"))
        messages = {
            screening_rules.NONE: _(
                "The screening of %(client)s expired on %(date)s: screen the client "
                "again.",
                client=self.partner_id.name,
                date=screening.valid_until,
            ),
            screening_rules.DEFERRED: _(
                "%(client)s is deferred until %(date)s (%(reasons)s).",
                client=self.partner_id.name,
                date=screening.deferred_until,
                reasons=reasons,
            ),
            screening_rules.REFER: _(
                "%(client)s is referred to a medical provider (%(reasons)s): the "
                "studio cannot treat the client.",
                client=self.partner_id.name,
                reasons=reasons,
            ),
            screening_rules.CLEARANCE_REQUIRED: _(
                "%(client)s needs a physician's clearance first, for: %(reasons)s.",
                client=self.partner_id.name,
                reasons=reasons,
            ),
        }
        if status in messages:
            raise UserError(messages[status])
        return screening

    def _check_reconfirmation(self):
        unanswered = self.reconfirmation_ids.filtered(lambda r: not r.answer)
        if unanswered:
            raise UserError(
                _(
                    "Ask the client again before the session: %(questions)s",
                    questions="; ".join(unanswered.mapped("question")),
                )
            )
        yes = self.reconfirmation_ids.filtered(lambda r: r.answer == "yes")
        if yes:
            raise UserError(
                _(
                    "The client answered yes to %(questions)s since the screening: "
                    "screen the client again before treating.",
                    questions="; ".join(yes.mapped("question")),
                )
            )

    def _check_depth(self):
        limit = depth_rules.effective_limit(
            self.company_id.skinpro_max_depth_mm,
            self.company_id._skinpro_chain().skinpro_depth_cap_mm,
        )
        if self.depth_class != depth_rules.COSMETIC:
            raise UserError(
                _(
                    "%(treatment)s (%(depth)s mm) is medical at %(studio)s, whose "
                    "cosmetic limit is below %(limit)s mm: refer the client to a "
                    "medical provider.",
                    treatment=self.product_id.display_name,
                    depth=self.product_id.skinpro_depth_mm,
                    studio=self.company_id.name,
                    limit=limit,
                )
            )
        too_deep = self.depth_line_ids.filtered(lambda line: line.depth_mm >= limit)
        if too_deep:
            raise UserError(
                _(
                    "Recorded depth at or above the studio's limit of %(limit)s mm: "
                    "%(areas)s.",
                    limit=limit,
                    areas=", ".join(
                        f"{line.area_id.name} {line.depth_mm} mm" for line in too_deep
                    ),
                )
            )

    def _check_course(self, override_spacing):
        """Refuses a session without credit; returns the note of a spacing override,
        or False."""
        course = self.course_id
        if not course:
            return False
        if course.sessions_left < 1:
            raise UserError(
                _(
                    "The course %(course)s has no session credit left (%(total)s "
                    "used).",
                    course=course.name,
                    total=course.sessions_total,
                )
            )
        today = fields.Date.context_today(self)
        last = course.last_session_date
        if course_rules.spacing_respected(today, last or None, course.min_spacing_days):
            return False
        earliest = course_rules.earliest_next_session(last, course.min_spacing_days)
        if not override_spacing:
            raise UserError(
                _(
                    "Only %(days)s days since the last session of %(course)s; the next "
                    "may start on %(date)s. A studio manager may override.",
                    days=(today - last).days,
                    course=course.name,
                    date=earliest,
                )
            )
        return Markup("<p>%s</p>") % _(
            "Spacing override by %(user)s: %(days)s days since the last session, "
            "%(minimum)s required.",
            user=self.env.user.name,
            days=(today - last).days,
            minimum=course.min_spacing_days,
        )

    # --- after starting -------------------------------------------------------------

    def action_done(self):
        for session in self:
            session._complete(override_shortage=False)
        return True

    def action_done_override_shortage(self):
        """A studio manager completes a session although a consumable is short."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                _("Only a studio manager may complete a session short of stock.")
            )
        for session in self:
            session._complete(override_shortage=True)
        return True

    def _complete(self, override_shortage):
        self.ensure_one()
        if self.state != "in_progress":
            raise UserError(_("Only a session in progress can be completed."))
        shortages = self._consume(override_shortage)
        self.write(
            {
                "state": "done",
                "date_end": fields.Datetime.now(),
                "shortage_overridden_by_id": shortages and self.env.user.id,
            }
        )

    def _recipe_needs(self):
        """{consumable: quantity} one session of this variant uses."""
        needs = {}
        for line in self.product_id.product_tmpl_id.skinpro_recipe_ids:
            if line.variant_id and line.variant_id != self.product_id:
                continue
            quantity = line.quantity
            if line.kind == "anaesthetic" and self.anaesthetic_grams:
                # The grams actually applied, in the anaesthetic's own unit.
                quantity = self.env.ref("uom.product_uom_gram")._compute_quantity(
                    self.anaesthetic_grams, line.component_id.uom_id
                )
            needs[line.component_id] = needs.get(line.component_id, 0) + quantity
        return needs

    def _consume(self, override_shortage):
        """Move the recipe out of the studio's stock, lot by lot (FEFO, never an
        expired lot), and record the lots. Returns the shortages {consumable: qty}."""
        needs = self._recipe_needs()
        if not needs:
            return {}
        warehouse = self.company_id.skinpro_warehouse_id
        if not warehouse:
            raise UserError(
                _(
                    "%(studio)s has no warehouse: set the studio up first.",
                    studio=self.company_id.name,
                )
            )
        Quant = self.env["stock.quant"].sudo()
        quants = Quant.search(
            [
                ("product_id", "in", [p.id for p in needs]),
                ("location_id", "child_of", warehouse.lot_stock_id.id),
                ("quantity", ">", 0),
            ]
        )
        if quants:
            # Sessions completing at once for the same stock wait for each other here.
            self.env.cr.execute(
                "SELECT id FROM stock_quant WHERE id IN %s FOR UPDATE",
                [tuple(quants.ids)],
            )
            quants.invalidate_recordset(["quantity", "reserved_quantity"])
            quants = quants.exists()  # a concurrent session may have emptied some
        now = fields.Datetime.now()
        allocations, shortages = {}, {}
        for component, needed in needs.items():
            stock = [
                recipe_rules.Stock(
                    q,
                    q.quantity - q.reserved_quantity,
                    q.lot_id.expiration_date or None,
                )
                for q in quants
                if q.product_id == component
            ]
            allocations[component], missing = recipe_rules.allocate_fefo(
                stock, needed, now
            )
            if missing > 0:
                shortages[component] = missing
        if shortages and not override_shortage:
            raise UserError(
                _(
                    "%(studio)s is short of %(items)s: restock, or a studio manager "
                    "may complete the session anyway.",
                    studio=self.company_id.name,
                    items=", ".join(
                        f"{qty:g} {c.uom_id.name} {c.name}"
                        for c, qty in shortages.items()
                    ),
                )
            )
        self._move_out(warehouse, allocations)
        for component, missing in shortages.items():
            self._notify_shortage(component, missing)
        return shortages

    def _move_out(self, warehouse, allocations):
        picking_type = warehouse._skinpro_consumption_type()
        destination = picking_type.default_location_dest_id
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": destination.id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                }
            )
        )
        for component, takes in allocations.items():
            if not takes:
                continue
            move = (
                self.env["stock.move"]
                .sudo()
                .create(
                    {
                        "name": self.name,
                        "product_id": component.id,
                        "product_uom": component.uom_id.id,
                        "product_uom_qty": sum(qty for _quant, qty in takes),
                        "price_unit": self._unit_cost(component),
                        "picking_id": picking.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
            )
            move._action_confirm()
            move.move_line_ids.unlink()
            move.write(
                {
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": component.id,
                                "product_uom_id": component.uom_id.id,
                                "lot_id": quant.lot_id.id,
                                "location_id": quant.location_id.id,
                                "location_dest_id": destination.id,
                                "quantity": qty,
                                "picked": True,
                            }
                        )
                        for quant, qty in takes
                    ],
                    "picked": True,
                }
            )
        if picking.move_ids:
            picking.move_ids._action_done()
        self.write(
            {
                "consumption_picking_id": picking.id,
                "consumables_cost": sum(
                    move.quantity * move.price_unit for move in picking.move_ids
                ),
                "consumed_lot_ids": [
                    Command.set(
                        [
                            q.lot_id.id
                            for takes in allocations.values()
                            for q, _qty in takes
                            if q.lot_id
                        ]
                    )
                ],
            }
        )

    def _unit_cost(self, component):
        """The consumable's cost now, for the reports: the studio's own cost, else
        the chain's, which buys for its studios."""
        # The chain may be outside the user's companies: costs are read as the
        # system, and only the figure leaves this method.
        component = component.sudo()
        return (
            component.with_company(self.company_id).standard_price
            or component.with_company(self.company_id._skinpro_chain()).standard_price
        )

    def _notify_shortage(self, component, missing):
        """The inventory team of the studio is told what to restock."""
        inventory = self.env.ref("skinpro_needling.group_inventory").users.filtered(
            lambda u: self.company_id in u.company_ids
        )
        component.product_tmpl_id.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_(
                "Restock %(product)s at %(studio)s: %(missing)s %(uom)s short",
                product=component.name,
                studio=self.company_id.name,
                missing=f"{missing:g}",
                uom=component.uom_id.name,
            ),
            user_id=(inventory[:1] or self.env.user).id,
        )

    def action_cancel(self):
        if self.filtered(lambda s: s.state == "done"):
            raise UserError(
                _("A completed session cannot be cancelled: its record stays as done.")
            )
        self.write({"state": "cancelled"})
        return True

    @api.constrains("product_id")
    def _check_product_is_treatment(self):
        for session in self:
            if not session.product_id.skinpro_is_needling:
                raise ValidationError(
                    _(
                        "Treatment: %(product)s is not a needling treatment.",
                        product=session.product_id.display_name,
                    )
                )

    @api.constrains("anaesthetic_grams", "duration")
    def _check_quantities(self):
        for session in self:
            if session.anaesthetic_grams < 0:
                raise ValidationError(
                    _("Anaesthetic used (g): the grams applied cannot be negative.")
                )
            if session.duration <= 0:
                raise ValidationError(
                    _("Duration: a session is planned for more than zero hours.")
                )

    @api.constrains("adverse_event", "adverse_event_type", "adverse_event_severity")
    def _check_adverse_event(self):
        for session in self.filtered("adverse_event"):
            if not (session.adverse_event_type and session.adverse_event_severity):
                raise ValidationError(
                    _(
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
                summary=_("Follow up the adverse event"),
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
