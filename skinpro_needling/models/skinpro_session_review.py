# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import chart_review
from .skinpro_state_machine import acting

_logger = logging.getLogger(__name__)

DIRECTOR = "skinpro_needling.group_skinpro_medical_director"


class SkinproSessionReview(models.AbstractModel):
    """The medical director's review of signed charts: those that must be
    reviewed are queued when signed, a sample of the others each day by the
    system; the director approves (counter-signs) or returns them."""

    _name = "skinpro.session.review"
    _description = "Chart reviewed by a medical director"

    review_state = fields.Selection(
        [
            ("none", "Not for review"),
            ("queued", "To review"),
            ("approved", "Approved"),
            ("returned", "Returned"),
        ],
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    review_reason = fields.Selection(
        [
            (chart_review.ADVERSE_EVENT, "Adverse event"),
            (chart_review.DEPTH_BREACH, "Depth breach"),
            (chart_review.RECALL_HOLD, "Hold after a recall"),
            (chart_review.NEW_PRACTITIONER, "Practitioner new at the studio"),
            (chart_review.SAMPLE, "Random sample"),
        ],
        readonly=True,
        copy=False,
    )
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewed by", readonly=True, copy=False
    )
    reviewed_on = fields.Datetime(readonly=True, copy=False)
    queued_on = fields.Datetime(
        string="Queued for review on", readonly=True, copy=False
    )
    review_comment = fields.Text(readonly=True, copy=False)
    review_returned_count = fields.Integer(
        string="Times returned", readonly=True, copy=False
    )

    def _skinpro_queue_signed(self, resign):
        """Queue a chart just signed: again after its return, at once when it
        must be reviewed."""
        self.ensure_one()
        if resign:
            if self.review_state == "returned":
                self._skinpro_set_review({"review_state": "queued"})
                self._skinpro_activities_done(
                    "skinpro_needling.mail_activity_chart_returned"
                )
            return
        reason = self._skinpro_mandatory_reason()
        if reason:
            self._skinpro_set_review(
                {
                    "review_state": "queued",
                    "review_reason": reason,
                    "queued_on": fields.Datetime.now(),
                }
            )

    def _skinpro_mandatory_reason(self):
        session = self.sudo()
        done_before = self.sudo().search_count(
            [
                ("company_id", "=", session.company_id.id),
                ("practitioner_id", "=", session.practitioner_id.id),
                ("state", "=", "done"),
                ("date_end", "<", session.date_end),
            ]
        )
        return chart_review.mandatory_reason(
            adverse_event=session.adverse_event,
            depth_breach=session.depth_breach,
            recall_hold=bool(session.recall_id),
            practitioner_charts_before=done_before,
            first_charts=session.company_id.skinpro_review_first_charts,
        )

    def _skinpro_set_review(self, values):
        # The review's fields are the system's and the reviewer's actions' alone;
        # the reviewer has no write access to the chart itself.
        with acting(self):
            self.sudo().write(values)

    # --- the sample ---------------------------------------------------------------

    @api.model
    def _cron_skinpro_draw_review_sample(self):
        """Top up, for this month and the last, each practitioner's reviewed
        charts at each studio to the studio's target, by a reproducible draw."""
        today = fields.Date.context_today(self)
        this_month = today.replace(day=1)
        for month in (this_month - relativedelta(months=1), this_month):
            self._skinpro_draw_review_sample(month)

    @api.model
    def _skinpro_draw_review_sample(self, month):
        sessions = self.sudo().search(
            [
                ("state", "=", "done"),
                ("signed_on", "!=", False),
                ("session_date", ">=", month),
                ("session_date", "<", month + relativedelta(months=1)),
            ]
        )
        groups = {}
        for session in sessions:
            key = (session.company_id, session.practitioner_id)
            groups.setdefault(key, []).append(session.id)
        drawn = self.browse()
        for (studio, practitioner), ids in groups.items():
            charts = sessions.browse(ids)
            target = chart_review.sample_target(
                len(charts), studio.skinpro_review_percent
            )
            queued = charts.filtered(lambda s: s.review_state != "none")
            seed = chart_review.sample_seed(studio.id, practitioner.id, month)
            ids = chart_review.draw_sample(
                (charts - queued).ids, len(queued), target, seed
            )
            sample = self.browse(ids).sudo()
            if not sample:
                continue
            sample._skinpro_set_review(
                {
                    "review_state": "queued",
                    "review_reason": chart_review.SAMPLE,
                    "queued_on": fields.Datetime.now(),
                }
            )
            note = self.env._(
                "Drawn for the medical director's review: sample of %(month)s for "
                "%(practitioner)s at %(studio)s, %(count)s of %(total)s signed "
                "charts to reach %(target)s (seed %(seed)s).",
                month=month.strftime("%Y-%m"),
                practitioner=practitioner.name,
                studio=studio.name,
                count=len(sample),
                total=len(charts),
                target=target,
                seed=seed,
            )
            for session in sample:
                session.message_post(body=note, subtype_xmlid="mail.mt_note")
            _logger.info("%s: %s", note, sample.ids)
            drawn |= sample
        return drawn

    # --- the review ---------------------------------------------------------------

    def _skinpro_check_reviewer(self):
        if not self.env.user.has_group(DIRECTOR):
            raise UserError(
                self.env._("Only a medical director reviews signed charts.")
            )
        # The record rules: the studios the director supervises.
        self.check_access("read")
        for session in self:
            if session.review_state != "queued":
                raise UserError(
                    self.env._(
                        "%(session)s is not waiting for review.",
                        session=session.display_name,
                    )
                )
            if session.practitioner_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(session)s is your own chart: another medical director "
                        "reviews it.",
                        session=session.display_name,
                    )
                )

    def action_review_approve(self):
        """The medical director counter-signs the chart."""
        self._skinpro_check_reviewer()
        for session in self:
            session._skinpro_set_review(
                {
                    "review_state": "approved",
                    "reviewer_id": self.env.user.id,
                    "reviewed_on": fields.Datetime.now(),
                }
            )
            session.sudo().message_post(
                body=self.env._(
                    "Chart approved (counter-signed) by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_review_return(self, comment=None):
        """The medical director returns the chart to its practitioner, asking for
        more: with a comment, from the wizard."""
        if not comment:
            self._skinpro_check_reviewer()
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Return the chart"),
                "res_model": "skinpro.review.return",
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "new",
                "context": {"default_session_id": self.id},
            }
        self._skinpro_check_reviewer()
        activity_type = self.env.ref("skinpro_needling.mail_activity_chart_returned")
        for session in self:
            session._skinpro_set_review(
                {
                    "review_state": "returned",
                    "reviewer_id": self.env.user.id,
                    "reviewed_on": fields.Datetime.now(),
                    "review_comment": comment,
                    "review_returned_count": session.review_returned_count + 1,
                }
            )
            session.sudo().message_post(
                body=self.env._(
                    "Chart returned by %(user)s: %(comment)s",
                    user=self.env.user.name,
                    comment=comment,
                ),
                subtype_xmlid="mail.mt_note",
            )
            session.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Answer the medical director by an addendum"),
                note=comment,
                user_id=session.practitioner_id.id,
            )
        return True
