# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The records a break-glass access opens, read-only, to the practitioner who
holds it: the client's screenings with their answers and clearances, her sessions
with their depth per area and photos."""

from odoo import models


class SkinproScreening(models.Model):
    _name = "skinpro.screening"
    _inherit = ["skinpro.screening", "skinpro.break.glass.mixin"]


class SkinproScreeningAnswer(models.Model):
    _name = "skinpro.screening.answer"
    _inherit = ["skinpro.screening.answer", "skinpro.break.glass.mixin"]
    _skinpro_client_path = "screening_id.partner_id"


class SkinproScreeningClearance(models.Model):
    _name = "skinpro.screening.clearance"
    _inherit = ["skinpro.screening.clearance", "skinpro.break.glass.mixin"]
    _skinpro_client_path = "screening_id.partner_id"


class SkinproTreatmentSession(models.Model):
    _name = "skinpro.treatment.session"
    _inherit = ["skinpro.treatment.session", "skinpro.break.glass.mixin"]


class SkinproSessionDepth(models.Model):
    _name = "skinpro.session.depth"
    _inherit = ["skinpro.session.depth", "skinpro.break.glass.mixin"]
    _skinpro_client_path = "session_id.partner_id"


class SkinproPhoto(models.Model):
    _name = "skinpro.photo"
    _inherit = ["skinpro.photo", "skinpro.break.glass.mixin"]
