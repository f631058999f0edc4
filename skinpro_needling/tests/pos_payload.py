# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order the POS sends to `pos.order.sync_from_ui`, shared by the POS tests and
the sync benchmark. It imports nothing of Odoo's test framework, so the benchmark can
load it outside test mode."""

from uuid import uuid4

from odoo import fields


def pos_order_payload(session, partner, product, uid=None):
    """A paid order of one `product` line as the POS sends it to `sync_from_ui`."""
    price = product.list_price
    now = fields.Datetime.to_string(fields.Datetime.now())
    line = {
        "product_id": product.id,
        "qty": 1,
        "price_unit": price,
        "price_subtotal": price,
        "price_subtotal_incl": price,
        "discount": 0,
        "tax_ids": [[6, False, []]],
        "uuid": str(uuid4()),
    }
    payment = {
        "amount": price,
        "name": now,
        "payment_method_id": session.config_id.payment_method_ids[:1].id,
    }
    return {
        "name": f"Order {uuid4().hex[:8]}",
        "uuid": uid or str(uuid4()),
        "session_id": session.id,
        "partner_id": partner and partner.id,
        "user_id": session.env.uid,
        "pricelist_id": session.config_id.pricelist_id.id,
        "fiscal_position_id": False,
        "sequence_number": 1,
        "date_order": now,
        "to_invoice": False,
        "state": "paid",
        "amount_paid": price,
        "amount_total": price,
        "amount_tax": 0,
        "amount_return": 0,
        "last_order_preparation_change": "{}",
        "lines": [[0, 0, line]],
        "payment_ids": [[0, 0, payment]],
    }
