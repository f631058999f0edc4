# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


def on_primary(method):
    """Not read-only: the web client's dispatcher takes the first `_readonly` it
    finds along the class hierarchy, Odoo's own (True) unless this one says no."""
    method._readonly = False
    return method


class SkinproBreakGlassMixin(models.AbstractModel):
    """A record a break-glass access opens: a client's screening, answer,
    clearance, session or depth line. Its read rule lets in the records of the
    clients the user holds an open access to (`skinpro_glass_open`, searched at
    each query against the time of that query), and of those who shared their
    record with one of the user's studios from their portal; each read by a
    break-glass access is logged."""

    _name = "skinpro.break.glass.mixin"
    _description = "Record opened by a break-glass access"
    # The path from the record to its client.
    _skinpro_client_path = "partner_id"

    skinpro_glass_open = fields.Boolean(
        compute="_compute_skinpro_glass_open",
        search="_search_skinpro_glass_open",
        string="Open by break-glass or shared",
    )

    def _skinpro_open_grants(self):
        return (
            self.env["skinpro.break.glass"]
            .sudo()
            .search([("user_id", "=", self.env.uid), ("is_open", "=", True)])
        )

    @api.depends_context("uid")
    def _compute_skinpro_glass_open(self):
        clients = self._skinpro_open_grants().partner_id
        for record in self:
            client = record.sudo().mapped(self._skinpro_client_path)
            record.skinpro_glass_open = bool(
                client & clients or client.skinpro_shared_with_ids & self.env.companies
            )

    def _search_skinpro_glass_open(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        grants = (
            self.env["skinpro.break.glass"]
            .sudo()
            ._search(
                [
                    ("user_id", "=", self.env.uid),
                    ("expires_on", ">", fields.Datetime.now()),
                ]
            )
        )
        # And the clients who shared their record with one of the user's studios.
        shared = (
            self.env["res.partner"]
            .sudo()
            ._search([("skinpro_shared_with_ids", "in", self.env.companies.ids)])
        )
        path = self._skinpro_client_path
        if (True in value) == (operator == "in"):
            return [
                "|",
                (path, "in", grants.subselect("partner_id")),
                (path, "in", shared.subselect("id")),
            ]
        return [
            (path, "not in", grants.subselect("partner_id")),
            (path, "not in", shared.subselect("id")),
        ]

    # The reads that may go through a break-glass access are logged, so they run
    # on the primary: these overrides are not read-only (Odoo's are).
    @api.model
    @on_primary
    def web_search_read(self, domain, specification, *args, **kwargs):
        return super().web_search_read(domain, specification, *args, **kwargs)

    @on_primary
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @on_primary
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    @api.model
    @on_primary
    def web_read_group(self, domain, groupby, *args, **kwargs):
        return super().web_read_group(domain, groupby, *args, **kwargs)

    @api.model
    @on_primary
    def web_name_search(self, name, specification, *args, **kwargs):
        return super().web_name_search(name, specification, *args, **kwargs)

    @on_primary
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields, load)
        self._skinpro_log_glass_reads(fields)
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._skinpro_log_glass_reads(fields_to_export)
        return result

    def _skinpro_log_glass_reads(self, fnames):
        """Log the records read outside the user's studios, by the access that
        let them in."""
        if self.env.su or not self:
            return
        records = self.sudo()
        outside = records.filtered(
            lambda r: r.company_id and r.company_id not in self.env.user.company_ids
        )
        if not outside:
            return
        grants = self._skinpro_open_grants()
        logs = []
        for record in outside:
            client = record.mapped(self._skinpro_client_path)
            grant = grants.filtered(lambda g, c=client: g.partner_id == c)[:1]
            if grant:
                logs.append(
                    {
                        "grant_id": grant.id,
                        "user_id": self.env.uid,
                        "res_model": self._name,
                        "res_model_name": self.env["ir.model"]._get(self._name).name,
                        "res_id": record.id,
                        "company_id": record.company_id.id,
                        "fields_read": ", ".join(fnames or [])[:250],
                    }
                )
        if not logs:
            return
        if not self.env.cr.readonly:
            self.env["skinpro.break.glass.read"].sudo().create(logs)
            return
        # The web client's lists and forms read in read-only transactions (on a
        # replica when there is one): the log is written on the primary, in a
        # transaction of its own, kept whatever becomes of the read.
        with self.env.registry.cursor(readonly=False) as cr:
            env = api.Environment(cr, self.env.uid, {})
            env["skinpro.break.glass.read"].sudo().create(logs)
