# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import skinpro_report_session
from . import skinpro_report_session_month
from . import skinpro_report_screening
from . import skinpro_report_referral
from . import skinpro_report_consumption
from . import skinpro_report_stock_cover
from . import skinpro_report_shelf
from . import skinpro_report_funnel
from . import skinpro_report_chart_compliance
from . import skinpro_report_practitioner_month
from . import studio_month_report
from . import studio_month_report_charts
from . import health_record_report
from . import skinpro_marketing_gallery
