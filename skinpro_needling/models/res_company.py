# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
    skinpro_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Studio warehouse",
        compute="_compute_skinpro_warehouse_id",
    )
    skinpro_pos_config_ids = fields.One2many(
        "pos.config", "company_id", string="Points of sale"
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
                    _(
                        "%(company)s is not a studio: create studios as branches "
                        "of the chain's company.",
                        company=studio.name,
                    )
                )
            if not studio.skinpro_code:
                raise UserError(
                    _(
                        "Set the studio code of %(company)s before setting it up.",
                        company=studio.name,
                    )
                )
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
            if not studio.skinpro_pos_config_ids:
                env["pos.config"].create(
                    {
                        "name": _("%(studio)s front desk", studio=studio.name),
                        "company_id": studio.id,
                        "journal_id": env["account.journal"]
                        ._ensure_company_account_journal()
                        .id,
                        "payment_method_ids": studio._skinpro_payment_methods().ids,
                        "warehouse_id": warehouse.id,
                        "picking_type_id": warehouse.pos_type_id.id,
                    }
                )
        return True

    def _skinpro_payment_methods(self):
        """Cash and card payment methods of the studio itself (a POS accepts no
        other company's methods); the card method books on the chain's bank journal."""
        self.ensure_one()
        env = self.with_company(self).env
        methods = env["pos.payment.method"].search([("company_id", "=", self.id)])
        if not methods.filtered("is_cash_count"):
            methods |= env["pos.config"]._create_cash_payment_method(
                {
                    "name": _("Cash %(studio)s", studio=self.name),
                    "show_on_dashboard": False,
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
                    _(
                        "The chain has no bank journal for card payments: install "
                        "a chart of accounts first."
                    )
                )
            methods |= env["pos.payment.method"].create(
                {
                    "name": _("Card"),
                    "journal_id": bank_journal.id,
                    "company_id": self.id,
                }
            )
        return methods
