# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""First expired, first out, never an expired lot: without Odoo."""

from datetime import datetime

from skinpro_rules.recipe import Stock, allocate_fefo

NOW = datetime(2026, 6, 1, 12, 0)


def test_takes_the_lot_expiring_first():
    stock = [
        Stock("late", 10, datetime(2027, 1, 1)),
        Stock("early", 10, datetime(2026, 9, 1)),
    ]
    assert allocate_fefo(stock, 4, NOW) == ([("early", 4)], 0)


def test_spreads_over_lots_in_expiry_order():
    stock = [Stock("b", 3, datetime(2026, 8, 1)), Stock("a", 2, datetime(2026, 7, 1))]
    assert allocate_fefo(stock, 4, NOW) == ([("a", 2), ("b", 2)], 0)


def test_never_an_expired_lot_even_when_it_is_the_only_one():
    stock = [Stock("expired", 100, datetime(2026, 5, 31))]
    assert allocate_fefo(stock, 1, NOW) == ([], 1)


def test_lots_without_expiry_come_last_and_shortage_is_reported():
    stock = [Stock("none", 1, None), Stock("dated", 1, datetime(2026, 12, 1))]
    assert allocate_fefo(stock, 3, NOW) == ([("dated", 1), ("none", 1)], 1)


def test_empty_lots_are_skipped():
    stock = [
        Stock("empty", 0, datetime(2026, 7, 1)),
        Stock("full", 5, datetime(2026, 8, 1)),
    ]
    assert allocate_fefo(stock, 1, NOW) == ([("full", 1)], 0)
