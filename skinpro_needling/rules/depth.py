# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cosmetic or medical: the class of a needling depth at a studio."""

COSMETIC = "cosmetic"
MEDICAL = "medical"


def effective_limit(studio_limit_mm, chain_cap_mm):
    """The depth from which needling is medical at a studio: its jurisdiction's limit,
    never above the chain's hard cap. 0 means cosmetic needling is not offered."""
    return min(studio_limit_mm, chain_cap_mm)


def depth_class(depth_mm, studio_limit_mm, chain_cap_mm):
    """Cosmetic strictly below the studio's effective limit, medical at or above it."""
    limit = effective_limit(studio_limit_mm, chain_cap_mm)
    return COSMETIC if 0 < depth_mm < limit else MEDICAL
