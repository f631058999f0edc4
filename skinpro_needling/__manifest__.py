# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Micro-needling for Skincare Studio Chains",
    "summary": "Screen clients, keep cosmetic needling within each studio's legal "
    "depth, refer deeper work, and track consumables per studio",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/skinpro-studio/skinpro_needling",
    "author": "SkinPro Studio",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["point_of_sale", "crm", "stock", "product_expiry"],
    "data": [
        "security/skinpro_groups.xml",
        "security/ir.model.access.csv",
        "security/skinpro_rules.xml",
        "data/skinpro_contraindication_data.xml",
        "data/skinpro_product_data.xml",
        "data/skinpro_crm_data.xml",
        "data/skinpro_stock_data.xml",
        "data/skinpro_cron_data.xml",
        "report/skinpro_health_record_report.xml",
        "views/skinpro_screening_views.xml",
        "views/skinpro_treatment_session_views.xml",
        "views/product_views.xml",
        "views/crm_lead_views.xml",
        "views/skinpro_inventory_views.xml",
        "views/pos_order_views.xml",
        "views/skinpro_contraindication_views.xml",
        "views/res_partner_views.xml",
        "views/res_company_views.xml",
        "views/skinpro_report_views.xml",
        "wizards/skinpro_month_report_wizard_views.xml",
        "views/skinpro_menus.xml",
        "report/skinpro_screening_report.xml",
        "report/skinpro_studio_month_report.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "skinpro_needling/static/src/pos/**/*",
        ],
        "web.assets_tests": [
            "skinpro_needling/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/skinpro_chain_demo.xml",
        "demo/skinpro_screening_demo.xml",
        "demo/skinpro_treatment_demo.xml",
        "demo/skinpro_inventory_demo.xml",
    ],
}
