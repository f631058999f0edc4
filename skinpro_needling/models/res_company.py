# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import datetime

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..demo.history import DemoHistory
from ..rules import attendance as attendance_rules
from ..rules import credentials as credential_rules
from ..rules import depth as depth_rules


class ResCompany(models.Model):
    """A studio is a branch of the chain's company (Odoo 18 branches)."""

    _inherit = "res.company"

    skinpro_code = fields.Char(
        string="Studio code",
        size=5,
        help="Short code of the studio, used for its warehouse and locations.",
    )
    skinpro_is_studio = fields.Boolean(
        string="Is a studio",
        compute="_compute_skinpro_is_studio",
        store=True,
        help="A studio is a branch of the chain's company.",
    )
    skinpro_max_depth_mm = fields.Float(
        string="Maximum cosmetic depth (mm)",
        digits=(4, 2),
        default=1.5,
        help="The deepest needling this studio may perform as cosmetic work under its "
        "jurisdiction's law. A treatment at or above it is referred to a medical "
        "provider. 0 means cosmetic needling is not offered here.",
    )
    skinpro_depth_cap_mm = fields.Float(
        string="Chain depth cap (mm)",
        digits=(4, 2),
        default=1.5,
        help="Set on the chain's company: no studio's cosmetic limit may exceed it.",
    )
    skinpro_limit_source = fields.Char(
        string="Legal source of the limit",
        help="The law or rule the studio's limit comes from, e.g. "
        "Utah Admin. Code R156-11a-611(5).",
    )
    skinpro_limit_review_date = fields.Date(
        string="Limit to be reviewed on",
        help="Rules change: the date by which the limit and its source are checked "
        "again.",
    )
    skinpro_screening_validity_days = fields.Integer(
        string="Screening valid for (days)",
        default=30,
        help="Set on the chain's company: how long a confirmed screening stays valid.",
    )
    skinpro_retention_years = fields.Integer(
        string="Archive screenings after (years)",
        default=0,
        help="Set on the chain's company: screenings dated more than this many years "
        "ago are archived each night (0: never). Sessions, stock moves, POS orders "
        "and accounting are kept as they are.",
    )
    skinpro_break_glass_hours = fields.Integer(
        string="Break-glass access lasts (hours)",
        default=24,
        help="Set on the chain's company: how long a practitioner reads a client's "
        "record held by another studio after asking for break-glass access.",
    )
    skinpro_forecast_days = fields.Integer(
        string="Booked sessions looked ahead (days)",
        default=14,
        help="Sessions remaining and shortfalls count the sessions booked in this "
        "many next days.",
    )
    skinpro_chart_sign_hours = fields.Integer(
        string="Sign charts within (hours)",
        default=72,
        help="A done session's chart is signed by its practitioner within this many "
        "hours of its end; later, it is overdue.",
    )
    skinpro_review_percent = fields.Float(
        string="Charts reviewed each month (%)",
        default=10.0,
        help="The share of each practitioner's signed charts of a month the medical "
        "director reviews: those always reviewed count, a random sample of the "
        "others makes up the rest.",
    )
    skinpro_review_first_charts = fields.Integer(
        string="First charts reviewed",
        default=10,
        help="Every chart of a practitioner new at the studio is reviewed until "
        "they have done this many sessions here.",
    )
    skinpro_late_cancel_hours = fields.Integer(
        string="Late cancellation within (hours)",
        default=attendance_rules.DEFAULT_LATE_CANCEL_HOURS,
        help="A client's cancellation made fewer than this many hours before the "
        "session's planned start counts as late in the chain's figures.",
    )
    skinpro_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Studio warehouse",
        compute="_compute_skinpro_warehouse_id",
    )
    skinpro_pos_config_ids = fields.One2many(
        "pos.config", "company_id", string="Points of sale"
    )

    skinpro_expiring_quant_count = fields.Integer(
        string="Lots to use first",
        compute="_compute_skinpro_expiring_quant_count",
        help="Consumable lots in the studio past their expiry alert date.",
    )

    def _skinpro_expiring_quant_domain(self):
        self.ensure_one()
        return [
            ("product_id.skinpro_is_consumable", "=", True),
            ("location_id", "child_of", self.skinpro_warehouse_id.lot_stock_id.id),
            ("quantity", ">", 0),
            ("lot_id.alert_date", "<=", fields.Datetime.now()),
        ]

    def _compute_skinpro_expiring_quant_count(self):
        for company in self:
            company.skinpro_expiring_quant_count = (
                self.env["stock.quant"]
                .sudo()
                .search_count(company._skinpro_expiring_quant_domain())
                if company.skinpro_warehouse_id
                else 0
            )

    def action_skinpro_expiring_lots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "skinpro_needling.stock_quant_action_skinpro_consumables"
        )
        action["domain"] = self._skinpro_expiring_quant_domain()
        action["name"] = self.env._("%(studio)s: lots to use first", studio=self.name)
        return action

    @api.constrains(
        "skinpro_max_depth_mm",
        "skinpro_depth_cap_mm",
        "skinpro_screening_validity_days",
        "skinpro_retention_years",
        "skinpro_break_glass_hours",
        "parent_id",
    )
    def _check_skinpro_depth_limits(self):
        for company in self:
            for fname in ("skinpro_max_depth_mm", "skinpro_depth_cap_mm"):
                value = company[fname]
                if not depth_rules.within_pen_range(value):
                    raise ValidationError(
                        self.env._(
                            "%(label)s of %(company)s must lie between 0 and "
                            "%(max)s mm, not %(value)s mm.",
                            label=self._fields[fname]._description_string(self.env),
                            company=company.name,
                            max=depth_rules.PEN_MAX_DEPTH_MM,
                            value=value,
                        )
                    )
            if company.skinpro_break_glass_hours < 1:
                raise ValidationError(
                    self.env._(
                        "Break-glass access lasts (hours) of %(company)s must be at "
                        "least 1.",
                        company=company.name,
                    )
                )
            if company.skinpro_retention_years < 0:
                raise ValidationError(
                    self.env._(
                        "Archive screenings after (years) of %(company)s cannot be "
                        "negative: 0 keeps them all.",
                        company=company.name,
                    )
                )
            if company.skinpro_screening_validity_days < 1:
                raise ValidationError(
                    self.env._(
                        "Screening valid for (days) of %(company)s must be at least "
                        "1: a screening stays valid for at least one day.",
                        company=company.name,
                    )
                )
            cap = company._skinpro_chain().skinpro_depth_cap_mm
            for studio in company | company.child_ids:
                if studio.parent_id and studio.skinpro_max_depth_mm > cap:
                    raise ValidationError(
                        self.env._(
                            "Maximum cosmetic depth (mm) of %(studio)s "
                            "(%(limit)s mm) exceeds the chain's hard cap of "
                            "%(cap)s mm: lower the studio's limit or raise the "
                            "Chain depth cap (mm).",
                            studio=studio.name,
                            limit=studio.skinpro_max_depth_mm,
                            cap=cap,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered("parent_id")._skinpro_copy_parent_costs()
        return companies

    def _skinpro_copy_parent_costs(self):
        """A product's cost is each company's, and Odoo gives a new company none:
        a new studio would value its stock, and what its sessions consume, at 0.
        It starts at its parent's cost of each product it may use, from the
        beginning of time in Odoo's cost history; its receipts then move it as
        the product's costing method says (average, FIFO)."""
        Product = self.env["product.product"].sudo().with_context(active_test=False)
        for studio in self:
            parent = studio.parent_id
            costs = defaultdict(list)
            for product in Product.with_company(parent).search(
                [
                    ("company_id", "in", [False, *parent.parent_ids.ids]),
                    ("standard_price", "!=", 0),
                ]
            ):
                costs[product.standard_price].append(product.id)
            for cost, product_ids in costs.items():
                Product.browse(product_ids).with_company(studio).with_context(
                    valuation_date=datetime.min
                ).write({"standard_price": cost})

    @api.constrains(
        "skinpro_chart_sign_hours",
        "skinpro_review_percent",
        "skinpro_review_first_charts",
    )
    def _check_skinpro_chart_rules(self):
        for company in self:
            if (
                company.skinpro_chart_sign_hours <= 0
                or not 0 <= company.skinpro_review_percent <= 100
                or company.skinpro_review_first_charts < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(studio)s: charts are signed within more than zero hours, "
                        "and reviewed at 0 to 100 percent, after at least zero first "
                        "charts.",
                        studio=company.name,
                    )
                )

    def _skinpro_chain(self):
        """The chain's company, whose policy (depth cap, screening validity) a
        studio's users follow without having access to the chain's company."""
        self.ensure_one()
        return self.sudo().root_id

    def _skinpro_depth_limit(self):
        """The depth from which needling is medical at this studio today."""
        self.ensure_one()
        return depth_rules.effective_limit(
            self.skinpro_max_depth_mm, self._skinpro_chain().skinpro_depth_cap_mm
        )

    def _skinpro_depth_class(self, depth_mm):
        """`cosmetic` when a treatment of `depth_mm` may be performed at this studio
        today, else `medical` (referral only)."""
        return depth_rules.depth_class(depth_mm, self._skinpro_depth_limit())

    def _skinpro_check_cosmetic(self, treatment, depth_lines):
        """Refuses a session of `treatment` at this studio today when the treatment
        is medical here, or a depth already recorded reaches the limit."""
        limit = self._skinpro_depth_limit()
        if (
            self._skinpro_depth_class(treatment.skinpro_depth_mm)
            != depth_rules.COSMETIC
        ):
            raise UserError(
                self.env._(
                    "%(treatment)s (%(depth)s mm) is medical at %(studio)s, whose "
                    "cosmetic limit is below %(limit)s mm: refer the client to a "
                    "medical provider.",
                    treatment=treatment.display_name,
                    depth=treatment.skinpro_depth_mm,
                    studio=self.name,
                    limit=limit,
                )
            )
        too_deep = depth_lines.filtered(lambda line: line.depth_mm >= limit)
        if too_deep:
            raise UserError(
                self.env._(
                    "Recorded depth at or above the studio's limit of %(limit)s mm: "
                    "%(areas)s.",
                    limit=limit,
                    areas=", ".join(
                        f"{line.area_id.name} {line.depth_mm} mm" for line in too_deep
                    ),
                )
            )

    def _skinpro_staff(self, group_xmlid):
        """The studio's users holding a role, directly or through another role."""
        self.ensure_one()
        return (
            self.env.ref(group_xmlid)
            .sudo()
            .all_user_ids.filtered(lambda user: self in user.company_ids)
        )

    @api.depends("parent_id")
    def _compute_skinpro_is_studio(self):
        for company in self:
            company.skinpro_is_studio = bool(company.parent_id)

    def _compute_skinpro_warehouse_id(self):
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "in", self.ids)], order="sequence, id"
        )
        for company in self:
            company.skinpro_warehouse_id = warehouses.filtered(
                lambda w, c=company: w.company_id == c
            )[:1]

    def action_skinpro_setup_studio(self):
        """Give each studio what it needs to open: its own warehouse and a POS.

        Idempotent: a studio that already has a warehouse or a POS keeps it.
        """
        for studio in self:
            if not studio.parent_id:
                raise UserError(
                    self.env._(
                        "%(company)s is not a studio: create studios as branches "
                        "of the chain's company.",
                        company=studio.name,
                    )
                )
            if not studio.skinpro_code:
                raise UserError(
                    self.env._(
                        "Set the studio code of %(company)s before setting it up.",
                        company=studio.name,
                    )
                )
            if not studio.account_fiscal_country_id:
                raise UserError(
                    self.env._(
                        "Set the country of %(company)s before setting it up: its "
                        "point of sale needs the studio's fiscal country.",
                        company=studio.name,
                    )
                )
            studio._skinpro_check_senders()
            env = self.with_company(studio).env
            warehouse = studio.skinpro_warehouse_id
            if warehouse and warehouse.code != studio.skinpro_code:
                # Odoo may have made one from the company's name; name it by code.
                warehouse.code = studio.skinpro_code
            if not warehouse:
                warehouse = env["stock.warehouse"].create(
                    {
                        "name": studio.name,
                        "code": studio.skinpro_code,
                        "company_id": studio.id,
                        "partner_id": studio.partner_id.id,
                    }
                )
                studio.invalidate_recordset(["skinpro_warehouse_id"])
            # Sessions take the lots to be removed first, through Odoo's reservation.
            warehouse.lot_stock_id.removal_strategy_id = self.env.ref(
                "product_expiry.removal_fefo"
            )
            studio._skinpro_resupply_from_central(warehouse)
            if not studio.skinpro_pos_config_ids:
                env["pos.config"].create(
                    {
                        "name": self.env._("%(studio)s front desk", studio=studio.name),
                        "company_id": studio.id,
                        "journal_id": env["account.journal"]
                        ._ensure_company_account_journal()
                        .id,
                        "payment_method_ids": studio._skinpro_payment_methods().ids,
                        "warehouse_id": warehouse.id,
                        "picking_type_id": warehouse.pos_type_id.id,
                        # The register shows the studio's catalogue, nothing else.
                        "limit_categories": True,
                        "iface_available_categ_ids": [
                            Command.set(self._skinpro_pos_categories().ids)
                        ],
                    }
                )
        return True

    def _skinpro_pos_categories(self):
        """The POS categories of a studio's catalogue: treatments, courses and
        aftercare retail."""
        return (
            self.env.ref("skinpro_needling.pos_category_treatments")
            | self.env.ref("skinpro_needling.pos_category_courses")
            | self.env.ref("skinpro_needling.pos_category_aftercare")
        )

    @api.model
    def _skinpro_generate_demo_history(self):
        """The demo chain's last twelve months, run by the demo data only
        (demo/skinpro_history_demo.xml): private, so that no external call
        reaches its bulk inserts."""
        DemoHistory(self.env).generate()

    def _skinpro_check_senders(self):
        """Receipts and messages leave from the studio's address (Odoo's POS receipt
        falls back to the cashier's): both must exist before the register opens,
        or a mail fails at the counter with no sender."""
        self.ensure_one()
        if not self.email:
            raise UserError(
                self.env._(
                    "Set the email of %(company)s before setting it up: its point "
                    "of sale mails receipts from it.",
                    company=self.name,
                )
            )
        staff = self._skinpro_staff("skinpro_needling.group_front_desk")
        missing = staff.filtered(lambda user: not user.email)
        if missing:
            raise UserError(
                self.env._(
                    "Set the email of %(users)s before setting up %(company)s: "
                    "their messages and receipts are sent from it.",
                    users=", ".join(missing.mapped("name")),
                    company=self.name,
                )
            )

    def _skinpro_resupply_from_central(self, warehouse):
        """The chain's central warehouse (its company's first) resupplies the studio's
        through Odoo's resupply route, across the branch boundary."""
        chain = self._skinpro_chain()
        central = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", chain.id)], order="sequence, id", limit=1)
        )
        if central and central not in warehouse.resupply_wh_ids:
            warehouse.sudo().with_context(
                allowed_company_ids=[self.id, chain.id]
            ).resupply_wh_ids = [Command.link(central.id)]

    def _skinpro_payment_methods(self):
        """Cash and card payment methods of the studio itself (a POS accepts no
        other company's methods); the card method books on the chain's bank journal."""
        self.ensure_one()
        env = self.with_company(self).env
        methods = env["pos.payment.method"].search([("company_id", "=", self.id)])
        if not methods.filtered("is_cash_count"):
            chain = self._skinpro_chain()
            methods |= env["pos.config"]._create_cash_payment_method(
                {
                    "name": self.env._("Cash %(studio)s", studio=self.name),
                    "show_on_dashboard": False,
                    # Cash control books counting differences on the chain's accounts.
                    "profit_account_id": (
                        chain.default_cash_difference_income_account_id.id
                    ),
                    "loss_account_id": (
                        chain.default_cash_difference_expense_account_id.id
                    ),
                }
            )
        if not methods.filtered(lambda m: m.journal_id.type == "bank"):
            bank_journal = env["account.journal"].search(
                [
                    *env["account.journal"]._check_company_domain(self),
                    ("type", "=", "bank"),
                ],
                limit=1,
            )
            if not bank_journal:
                raise UserError(
                    self.env._(
                        "The chain has no bank journal for card payments: install "
                        "a chart of accounts first."
                    )
                )
            methods |= env["pos.payment.method"].create(
                {
                    "name": self.env._("Card"),
                    "journal_id": bank_journal.id,
                    "company_id": self.id,
                }
            )
        return methods

    # --- credentials: a studio's requirements, and whom they admit ------------------
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
