# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Business rules in plain Python: no Odoo import, unit-tested without a database."""
