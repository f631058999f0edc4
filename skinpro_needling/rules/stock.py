# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stock cover: how long what a studio holds lasts at the pace of its sessions."""

# Use is averaged over the sessions of this many last days.
COVER_WINDOW_DAYS = 90
