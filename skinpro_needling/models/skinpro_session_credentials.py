# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SkinproTreatmentSession(models.Model):
    """Who may needle a session: the practitioner holds, on the session's day,
    every credential the studio requires for the treatment's depth, and the
    signed protocol where the studio requires one. Booking, starting and
    completing check it, whichever door they come by."""

    # A part of the session of its own, like its stock and sale parts.
    _inherit = "skinpro.treatment.session"  # pylint: disable=consider-merging-classes-inherited

    practitioner_id = fields.Many2one(
        domain="[('id', 'in', skinpro_eligible_practitioner_ids)]"
    )
    skinpro_eligible_practitioner_ids = fields.Many2many(
        "res.users",
        string="Eligible practitioners",
        compute="_compute_skinpro_eligible_practitioner_ids",
        help="The studio's users who hold what the treatment's depth requires "
        "there on the session's day.",
    )
    skinpro_credential_warning = fields.Char(
        string="Credential warning",
        compute="_compute_skinpro_credential_warning",
        help="A credential the practitioner holds today lapses before the "
        "session: its start will be refused unless it is renewed.",
    )

    def _skinpro_credential_verdict(self, user=None, day=None):
        """(refusals, warnings) for user (the practitioner) on day (the session's)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self.company_id._skinpro_practitioner_verdict(
            user or self.practitioner_id,
            self.product_id,
            today,
            day or self.session_date or today,
        )

    @api.depends("company_id", "product_id", "planned_start")
    def _compute_skinpro_eligible_practitioner_ids(self):
        Users = self.env["res.users"].sudo()
        for session in self:
            users = Users.search(
                [("share", "=", False), ("company_ids", "in", session.company_id.ids)]
            )
            if session.product_id and session.company_id.skinpro_gates_practitioners:
                users = users.filtered(
                    lambda user, session=session: (
                        not session._skinpro_credential_verdict(user)[0]
                    )
                )
            session.skinpro_eligible_practitioner_ids = users

    @api.depends(
        "company_id", "product_id", "planned_start", "practitioner_id", "state"
    )
    def _compute_skinpro_credential_warning(self):
        for session in self:
            warnings = (
                session.state == "planned"
                and session.company_id.skinpro_gates_practitioners
                and session.practitioner_id
                and session.product_id
                and session._skinpro_credential_verdict()[1]
            )
            session.skinpro_credential_warning = bool(warnings) and self.env._(
                "On the session's day (%(day)s) %(practitioner)s will lack: %(gaps)s. "
                "Its start will be refused unless renewed.",
                day=session.session_date,
                practitioner=session.practitioner_id.name,
                gaps="; ".join(warnings),
            )

    def _skinpro_booked_by_till(self):
        """Whether the session's practitioner is the cashier of the paid order that
        booked it: a placeholder, which a paid order never fails on."""
        self.ensure_one()
        order = self.sudo().pos_order_line_id.order_id
        return bool(order) and order.user_id == self.practitioner_id

    @api.constrains("practitioner_id", "product_id", "company_id", "planned_start")
    def _check_skinpro_credentials_booked(self):
        for session in self.filtered(
            lambda s: (
                s.state == "planned"
                and s.company_id.skinpro_gates_practitioners
                and not s._skinpro_booked_by_till()
            )
        ):
            refusals = session._skinpro_credential_verdict()[0]
            if refusals:
                raise ValidationError(
                    self.env._(
                        "Practitioner: %(practitioner)s may not perform %(treatment)s "
                        "at %(studio)s on %(day)s: %(gaps)s.",
                        practitioner=session.practitioner_id.name,
                        treatment=session.product_id.display_name,
                        studio=session.company_id.name,
                        day=session.session_date,
                        gaps="; ".join(refusals),
                    )
                )

    def _skinpro_check_credentials_today(self):
        if not self.company_id.skinpro_gates_practitioners:
            return
        today = fields.Date.context_today(self)
        refusals = self._skinpro_credential_verdict(day=today)[0]
        if refusals:
            raise UserError(
                self.env._(
                    "%(practitioner)s may not perform %(treatment)s at %(studio)s "
                    "today (%(day)s): %(gaps)s.",
                    practitioner=self.practitioner_id.name,
                    treatment=self.product_id.display_name,
                    studio=self.company_id.name,
                    day=today,
                    gaps="; ".join(refusals),
                )
            )

    def _start(self, override_spacing):
        self.ensure_one()
        if self.state == "planned":
            self._skinpro_check_credentials_today()
            self.env["skinpro.good.faith.exam"]._skinpro_check_examined(
                self.partner_id, self.company_id, fields.Date.context_today(self)
            )
        return super()._start(override_spacing)

    def _complete(self, override_shortage):
        self.ensure_one()
        if self.state == "in_progress":
            self._skinpro_check_credentials_today()
        return super()._complete(override_shortage)

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._skinpro_note_credential_warning()
        return sessions

    def write(self, vals):
        result = super().write(vals)
        if {"practitioner_id", "product_id", "company_id", "planned_start"} & set(vals):
            self._skinpro_note_credential_warning()
        return result

    def _skinpro_note_credential_warning(self):
        """The booking warns, in the session's chatter, whichever door it came by."""
        for session in self.filtered("skinpro_credential_warning"):
            session.message_post(
                body=session.skinpro_credential_warning, subtype_xmlid="mail.mt_note"
            )
        for session in self.filtered(
            lambda s: (
                s.state == "planned"
                and s.company_id.skinpro_gates_practitioners
                and s._skinpro_booked_by_till()
            )
        ):
            refusals = session._skinpro_credential_verdict()[0]
            if refusals:
                session.message_post(
                    body=self.env._(
                        "Booked by the paid order with %(practitioner)s, who may not "
                        "perform it: %(gaps)s. Assign an eligible practitioner before "
                        "the session starts.",
                        practitioner=session.practitioner_id.name,
                        gaps="; ".join(refusals),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
