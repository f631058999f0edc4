# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import skinpro_month_report_wizard
from . import skinpro_depth_breach_review
from . import skinpro_break_glass_request
from . import skinpro_review_return
