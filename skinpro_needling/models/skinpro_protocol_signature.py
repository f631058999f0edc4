# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm

_lt = LazyTranslate(__name__)


class SkinproProtocolSignature(models.Model):
    """A practitioner's signature of a protocol: made by *Sign*, never by hand."""

    _name = "skinpro.protocol.signature"
    _description = "Protocol signature"
    _inherit = ["skinpro.state.machine"]
    _check_company_auto = True
    _order = "signed_on, id"
    _skinpro_parent_field = "protocol_id"
    _skinpro_machine = sm.Machine(
        state_field=None,
        states=(),
        creatable=("signing",),
        deletable=(),
        actions=(
            sm.Action(
                "action_sign",
                _lt("Sign"),
                sources=("signing",),
                sets=("user_id", "signed_on"),
            ),
        ),
        locks={
            "signing": sm.Lock(sm.ALL),
            "active": sm.Lock(sm.ALL),
        },
    )

    protocol_id = fields.Many2one(
        "skinpro.protocol",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="protocol_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Practitioner", required=True)
    signed_on = fields.Datetime(required=True)
