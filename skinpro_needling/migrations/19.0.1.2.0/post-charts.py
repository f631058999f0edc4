# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Charts done before signing existed: no deadline (so no overdue activity and
nothing against their practitioner), nothing to review; they may still be signed."""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE skinpro_treatment_session
               SET review_state = 'none', sign_deadline = NULL
             WHERE state = 'done' AND signed_on IS NULL
            """
        )
    )
    _logger.info("%s charts done before signing existed: no deadline", cr.rowcount)
