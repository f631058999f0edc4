# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cosmetic or medical: the class of a needling depth at a studio."""

COSMETIC = "cosmetic"
MEDICAL = "medical"

# The pens' range (SkinPen labelling: 0 to 2.5 mm): no depth, limit or cap lies
# outside it.
PEN_MAX_DEPTH_MM = 2.5


def within_pen_range(depth_mm):
    return 0 <= depth_mm <= PEN_MAX_DEPTH_MM


def effective_limit(studio_limit_mm, chain_cap_mm):
    """The depth from which needling is medical at a studio: its jurisdiction's limit,
    never above the chain's hard cap. 0 means cosmetic needling is not offered."""
    return min(studio_limit_mm, chain_cap_mm)


def depth_class(depth_mm, limit_mm):
    """Cosmetic strictly below the studio's effective limit, medical at or above it."""
    return COSMETIC if 0 < depth_mm < limit_mm else MEDICAL
