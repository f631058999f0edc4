# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class SkinproPortalAttempt(models.Model):
    """A submission or a refused link on the clients' portal pages: what limits the
    submissions per address and per form (in the database, so every worker counts
    the same), and the log of refused links. Never an answer, never a token."""

    _name = "skinpro.portal.attempt"
    _description = "Portal attempt"
    _order = "id desc"

    kind = fields.Selection(
        [("submitted", "Submission"), ("refused", "Refused link")],
        required=True,
        readonly=True,
    )
    reason = fields.Char(readonly=True)
    ip_address = fields.Char(string="Address", readonly=True, index=True)
    res_model = fields.Char(string="Document model", readonly=True)
    res_id = fields.Integer(string="Document ID", readonly=True)
    company_id = fields.Many2one("res.company", string="Studio", readonly=True)

    # Per address (a studio's Wi-Fi is one address for many clients; behind a
    # reverse proxy, Odoo needs proxy_mode to see it) and per form, in a window:
    # more is refused until it passes.
    _skinpro_limit_address = 30
    _skinpro_limit_form = 10
    _skinpro_window = timedelta(minutes=15)

    @api.model
    def _skinpro_limited(self, ip_address, res_model, res_id):
        """Whether this address, or this form, sent too much lately."""
        since = fields.Datetime.now() - self._skinpro_window
        Attempt = self.sudo()
        by_address = Attempt.search_count(
            [("ip_address", "=", ip_address), ("create_date", ">=", since)]
        )
        by_form = Attempt.search_count(
            [
                ("kind", "=", "submitted"),
                ("res_model", "=", res_model),
                ("res_id", "=", res_id),
                ("create_date", ">=", since),
            ]
        )
        return (
            by_address >= self._skinpro_limit_address
            or by_form >= self._skinpro_limit_form
        )

    @api.model
    def _skinpro_log(
        self, kind, ip_address, res_model, res_id, reason="", company=None
    ):
        if kind == "refused":
            _logger.warning(
                "Client portal: refused %s %s from %s (%s)",
                res_model,
                res_id,
                ip_address,
                reason,
            )
        return self.sudo().create(
            {
                "kind": kind,
                "reason": reason,
                "ip_address": ip_address,
                "res_model": res_model,
                "res_id": res_id,
                "company_id": company.id if company else False,
            }
        )

    @api.autovacuum
    def _gc_old_attempts(self):
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=90))]
        ).unlink()
