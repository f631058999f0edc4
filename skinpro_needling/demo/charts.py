# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import SQL

from ..rules import chart_review

# The demo's charts signed late, and the adverse events of the last weeks: which
# of the history's sessions, by their rank.
LATE_EVERY = 17
ADVERSE_EVENTS = (
    ("allergy", "mild", "Redness and itching on the cheeks for two days."),
    ("bleeding", "moderate", "Pinpoint bleeding on the forehead beyond the hour."),
)


class DemoCharts:
    """The history's charts as the medical director finds them: signed by their
    practitioner (some late, the last three days' not yet), two adverse events
    in the last weeks, the sample of the last two months drawn (each chart the
    night after it was signed), the first half of last month's queue worked
    (approved, one returned), the rest and this month's waiting."""

    def __init__(self, env):
        self.env = env

    def generate(self, today):
        Session = self.env["skinpro.treatment.session"]
        now = fields.Datetime.now()
        history = Session.search([("state", "=", "done")], order="date_end, id")
        self._sign(history, now)
        self._adverse_events(history, today)
        self.env.invalidate_all()
        for session in history.filtered("signed_on"):
            self.env.cr.execute(
                SQL(
                    "UPDATE skinpro_treatment_session SET signature_digest = %s "
                    "WHERE id = %s",
                    session._skinpro_chart_digest(),
                    session.id,
                )
            )
        self.env.invalidate_all()
        this_month = today.replace(day=1)
        last_month = this_month - relativedelta(months=1)
        for month in (last_month, this_month):
            Session._skinpro_draw_review_sample(month)
        self.env.cr.execute(
            SQL(
                """
                UPDATE skinpro_treatment_session
                   SET queued_on = LEAST(signed_on + interval '1 day', %s)
                 WHERE review_state = 'queued'
                """,
                now,
            )
        )
        self.env.invalidate_all()
        self._work_last_month(last_month, this_month, now)
        Session._cron_skinpro_chart_deadline()

    def _sign(self, history, now):
        for rank, session in enumerate(history):
            deadline = chart_review.sign_deadline(
                session.date_end, session.company_id.skinpro_chart_sign_hours
            )
            if deadline > now:
                signed_on = None
            elif rank % LATE_EVERY == 0:
                signed_on = deadline + timedelta(days=1)
            else:
                signed_on = session.date_end + timedelta(hours=6)
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE skinpro_treatment_session
                       SET sign_deadline = %s, signed_on = %s,
                           signed_by_id = CASE WHEN %s IS NULL THEN NULL
                                               ELSE practitioner_id END
                     WHERE id = %s
                    """,
                    deadline,
                    signed_on,
                    signed_on,
                    session.id,
                )
            )

    def _adverse_events(self, history, today):
        practitioner = self.env.ref("skinpro_needling.user_slc_practitioner")
        recent = history.filtered(
            lambda s: (
                s.practitioner_id == practitioner
                and today - timedelta(days=40) <= s.session_date < today.replace(day=1)
            )
        )
        for session, (kind, severity, text) in zip(
            recent[::7], ADVERSE_EVENTS, strict=False
        ):
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE skinpro_treatment_session
                       SET adverse_event = TRUE, adverse_event_type = %s,
                           adverse_event_severity = %s,
                           adverse_event_description = %s,
                           review_state = 'queued', review_reason = %s,
                           queued_on = signed_on
                     WHERE id = %s
                    """,
                    kind,
                    severity,
                    text,
                    chart_review.ADVERSE_EVENT,
                    session.id,
                )
            )

    def _work_last_month(self, last_month, this_month, now):
        director = self.env.ref("skinpro_needling.user_medical_director")
        queue = self.env["skinpro.treatment.session"].search(
            [
                ("review_state", "=", "queued"),
                ("session_date", ">=", last_month),
                ("session_date", "<", this_month),
                ("company_id", "in", director.company_ids.ids),
            ],
            order="session_date, id",
        )
        worked = queue[: len(queue) // 2 + 1]
        if not worked:
            return
        worked[0].with_user(director).action_review_return(
            comment="Which lot of cartridges was used? The chart names none."
        )
        worked[1:].with_user(director).action_review_approve()
        # Reviewed a few days after being queued, as a director's week goes.
        self.env.cr.execute(
            SQL(
                """
                UPDATE skinpro_treatment_session
                   SET reviewed_on = LEAST(
                           queued_on + (2 + id %% 4) * interval '1 day', %s)
                 WHERE id IN %s
                """,
                now,
                tuple(worked.ids),
            )
        )
