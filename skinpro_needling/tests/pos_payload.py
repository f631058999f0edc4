# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order the POS sends to `pos.order.sync_from_ui`, shared by the POS tests and
the benchmarks. It imports nothing of Odoo, so a benchmark can load it outside test
mode, or in a process that talks to Odoo over HTTP only."""

import time
from uuid import uuid4


def order_payload(
    *,
    session_id,
    user_id,
    pricelist_id,
    payment_method_id,
    partner_id,
    product_id,
    price,
    uid=None,
):
    """A paid order of one line as the POS sends it, from plain values."""
    uid = uid or str(uuid4())
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    line = {
        "product_id": product_id,
        "qty": 1,
        "price_unit": price,
        "price_subtotal": price,
        "price_subtotal_incl": price,
        "discount": 0,
        "tax_ids": [[6, False, []]],
        "uuid": str(uuid4()),
    }
    payment = {"amount": price, "name": now, "payment_method_id": payment_method_id}
    return {
        "name": f"Order {uid[:8]}",
        "uuid": uid,
        "session_id": session_id,
        "partner_id": partner_id,
        "user_id": user_id,
        "pricelist_id": pricelist_id,
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


def pos_order_payload(session, partner, product, uid=None):
    """A paid order of one `product` line at the POS `session`, sold by the
    session's current user."""
    config = session.config_id
    return order_payload(
        session_id=session.id,
        user_id=session.env.uid,
        pricelist_id=config.pricelist_id.id,
        payment_method_id=config.payment_method_ids[:1].id,
        partner_id=partner and partner.id,
        product_id=product.id,
        price=product.list_price,
        uid=uid,
    )
