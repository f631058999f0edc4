# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a session consumes, and from which lots: first expired, first out; never a lot
that has expired."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Stock:
    """Quantity on hand of one lot of a consumable at a studio."""

    lot: object
    quantity: float
    expires: object = None  # a datetime, or None for a lot that does not expire


def allocate_fefo(stock, needed, now):
    """[(lot, quantity)] taking `needed` from the lots expiring first, skipping
    expired lots, and the quantity still missing (0 when there was enough)."""
    usable = sorted(
        (s for s in stock if s.quantity > 0 and (s.expires is None or s.expires > now)),
        key=lambda s: (s.expires is None, s.expires or now),
    )
    allocation, missing = [], needed
    for lot in usable:
        if missing <= 0:
            break
        take = min(lot.quantity, missing)
        allocation.append((lot.lot, take))
        missing -= take
    return allocation, max(missing, 0)
