# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import random
from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.tools import SQL

from ..rules import attendance
from .charts import DemoCharts

FIRST_NAMES = [
    "Abigail",
    "Aiden",
    "Amara",
    "Beatrice",
    "Caleb",
    "Chloe",
    "Dylan",
    "Eleanor",
    "Ezra",
    "Fiona",
    "Gabriel",
    "Hazel",
    "Isaac",
    "Iris",
    "Jack",
    "Jade",
    "Kai",
    "Leah",
    "Leo",
    "Lily",
    "Mila",
    "Nora",
    "Owen",
    "Piper",
    "Quinn",
    "Ruby",
    "Sadie",
    "Theo",
    "Uma",
    "Violet",
    "Wyatt",
    "Zoe",
]
LAST_NAMES = [
    "Adams",
    "Baker",
    "Bennett",
    "Brooks",
    "Campbell",
    "Diaz",
    "Ellis",
    "Fischer",
    "Garcia",
    "Hayes",
    "Ito",
    "Kim",
    "Lopez",
    "Murphy",
    "Nakamura",
    "Olsen",
    "Patel",
    "Quinn",
    "Rivera",
    "Sato",
    "Turner",
    "Vega",
    "Walsh",
    "Young",
]

# Per studio: new clients a month (by month, oldest first), done sessions a month,
# the share of new clients referred, the depths performed, and the months in which
# the studio ran out of cartridges (no restock the month before), and the sessions
# booked a day for the next BOOKED_DAYS days; the hours a session takes, the
# anaesthetic applied against the recipe's, the days a provider takes to accept a
# referral, the share of clients who bought a course of three with their first
# session, and the share of appointments missed or cancelled late.
PROFILES = {
    # Growing: more new clients and sessions every month.
    "SLC": {
        "clients": lambda m: 5 + m,
        "sessions": lambda m: 6 + 3 * m,
        "refer": 0.05,
        "depths": (0.5, 0.75, 1.0),
        "stock_outs": (),
        "booked": 3,
        "duration": 1.0,
        "anaesthetic": 1.0,
        "accept_days": 9,
        "courses": 0.25,
        "no_show": 0.03,
        "late_cancel": 0.05,
    },
    # Steady, but cartridges ran out twice: few sessions those months.
    "PHX": {
        "clients": lambda m: 8,
        "sessions": lambda m: 3 if m in (4, 9) else 14,
        "refer": 0.15,
        "depths": (0.25,),
        "stock_outs": (4, 9),
        "booked": 1,
        "duration": 0.75,
        "anaesthetic": 1.5,
        "accept_days": 4,
        "courses": 0.6,
        "no_show": 0.1,
        "late_cancel": 0.02,
    },
    # No cosmetic needling under California's rules: most clients are referred.
    "SAN": {
        "clients": lambda m: 6,
        "sessions": lambda m: 0,
        "refer": 0.7,
        "depths": (),
        "stock_outs": (),
        "booked": 0,
        "duration": 1.0,
        "anaesthetic": 1.0,
        "accept_days": 12,
        "courses": 0,
        "no_show": 0,
        "late_cancel": 0,
    },
}
MONTHS = 12
BOOKED_DAYS = 14
# The inventory counts at the end of last month that found fewer on the shelf than
# the studio's records say: per studio, the consumable and how many were missing.
SHORT_COUNTS = {"SLC": ("skinpro_needling.consumable_cartridge", 4)}


class DemoHistory:
    """Twelve months of the demo chain's past, written in bulk: clients with their
    consultation and screening, referrals, sessions with the consumables they used,
    and the monthly restocking from the central warehouse. Deterministic (a fixed
    seed, dates counted back from today).

    Demo data, not a model: only the demo file runs it, at install, through
    `res.company._skinpro_generate_demo_history`, a private method that no
    external call reaches."""

    def __init__(self, env):
        self.env = env

    def generate(self):
        rng = random.Random(2026)
        today = fields.Date.context_today(self.env.user)
        ref = self.env.ref
        studios = {
            "SLC": ref("skinpro_needling.studio_salt_lake"),
            "PHX": ref("skinpro_needling.studio_phoenix"),
            "SAN": ref("skinpro_needling.studio_san_diego"),
        }
        practitioners = {
            "SLC": ref("skinpro_needling.user_slc_practitioner"),
            "PHX": ref("base.user_admin"),
            "SAN": ref("base.user_admin"),
        }
        names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES]
        rng.shuffle(names)
        self._part_time_calendar(studios["SLC"], practitioners["SLC"])
        for code, studio in studios.items():
            self._generate_studio(rng, today, code, studio, practitioners[code], names)
        self._date_opening_counts(today)
        self._insert_short_counts(today, studios)
        self._balance_opening_counts(today)
        self.env.invalidate_all()
        self._ship_from_central()
        DemoCharts(self.env).generate(today)
        self.env["skinpro.report.practitioner.month"]._skinpro_refresh_hours()

    def _date_opening_counts(self, today):
        """The demo's stock was counted in (demo/skinpro_inventory_demo.xml) before
        this history: those counts are the chain's initial inventory, a year ago,
        before the first month of the history."""
        opened = self._stamp(today - timedelta(days=30 * MONTHS + 1), 7)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH opening AS (
                    UPDATE stock_move SET date = %(opened)s
                     WHERE is_inventory AND state = 'done' RETURNING id)
                UPDATE stock_move_line SET date = %(opened)s
                 WHERE move_id IN (SELECT id FROM opening)
                """,
                opened=opened,
            )
        )

    def _insert_short_counts(self, today, studios):
        """The counts of SHORT_COUNTS, on the last day of last month: the count's
        difference leaves the studio's stock for its inventory loss location,
        valued at the studio's cost, as Odoo books an inventory adjustment."""
        day = today.replace(day=1) - timedelta(days=1)
        for code, (xmlid, missing) in SHORT_COUNTS.items():
            studio = studios[code]
            product = self.env.ref(xmlid).with_company(studio)
            self._insert(
                "stock_move",
                [
                    {
                        "company_id": studio.id,
                        "product_id": product.id,
                        "product_uom": product.uom_id.id,
                        "product_uom_qty": missing,
                        "product_qty": missing,
                        "quantity": missing,
                        "price_unit": product.standard_price,
                        "value": missing * product.standard_price,
                        "location_id": studio.skinpro_warehouse_id.lot_stock_id.id,
                        "location_dest_id": product.property_stock_inventory.id,
                        "state": "done",
                        "picked": True,
                        "is_inventory": True,
                        "is_out": True,
                        "procure_method": "make_to_stock",
                        "reference": "Physical Inventory",
                        "date": self._stamp(day, 18),
                    }
                ],
            )

    def _balance_opening_counts(self, today):
        """The history's moves were written around the shelf, which holds what the
        demo's counts put there: the initial inventory of each warehouse is what
        makes every product's moves add up to what the shelf holds today, so that
        charted use reconciles with the shelf month after month."""
        opened = self._stamp(today - timedelta(days=30 * MONTHS + 1), 7)
        self.env.flush_all()
        for warehouse in self.env["stock.warehouse"].search([]):
            inside = SQL(
                "SELECT id FROM stock_location WHERE usage = 'internal' "
                "AND parent_path LIKE %s",
                f"{warehouse.view_location_id.parent_path}%",
            )
            self.env.cr.execute(
                SQL(
                    """
                    WITH held AS (
                        SELECT product_id, SUM(quantity) AS quantity
                          FROM stock_quant WHERE location_id IN (%(inside)s)
                         GROUP BY product_id),
                    booked AS (
                        SELECT product_id,
                               SUM(CASE WHEN location_dest_id IN (%(inside)s)
                                        THEN quantity ELSE -quantity END) AS quantity
                          FROM stock_move
                         WHERE state = 'done'
                           AND (location_id IN (%(inside)s))
                               <> (location_dest_id IN (%(inside)s))
                         GROUP BY product_id)
                    SELECT product_id,
                           COALESCE(held.quantity, 0) - COALESCE(booked.quantity, 0)
                      FROM held FULL JOIN booked USING (product_id)
                     WHERE COALESCE(held.quantity, 0) <> COALESCE(booked.quantity, 0)
                    """,
                    inside=inside,
                )
            )
            for product_id, missing in self.env.cr.fetchall():
                self._add_to_opening_count(warehouse, product_id, missing, opened)

    def _add_to_opening_count(self, warehouse, product_id, quantity, opened):
        product = self.env["product.product"].browse(product_id)
        product = product.with_company(warehouse.company_id)
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_move
                   SET quantity = quantity + %(quantity)s,
                       product_qty = product_qty + %(quantity)s,
                       product_uom_qty = product_uom_qty + %(quantity)s,
                       value = COALESCE(value, 0) + %(quantity)s * %(cost)s
                 WHERE id = (SELECT id FROM stock_move
                              WHERE is_inventory AND state = 'done'
                                AND product_id = %(product)s
                                AND location_dest_id = %(stock)s
                              ORDER BY date, id LIMIT 1)
                RETURNING id
                """,
                quantity=quantity,
                cost=product.standard_price,
                product=product.id,
                stock=warehouse.lot_stock_id.id,
            )
        )
        counted = self.env.cr.fetchone()
        if counted:
            # Its first line (a lot, for cartridges) holds the difference.
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE stock_move_line
                       SET quantity = quantity + %(quantity)s,
                           quantity_product_uom = quantity_product_uom + %(quantity)s
                     WHERE id = (SELECT id FROM stock_move_line WHERE move_id = %(move)s
                                  ORDER BY id LIMIT 1)
                    """,
                    quantity=quantity,
                    move=counted[0],
                )
            )
            return
        self._insert(
            "stock_move",
            [
                {
                    "company_id": warehouse.company_id.id,
                    "product_id": product.id,
                    "product_uom": product.uom_id.id,
                    "product_uom_qty": quantity,
                    "product_qty": quantity,
                    "quantity": quantity,
                    "price_unit": product.standard_price,
                    "value": quantity * product.standard_price,
                    "location_id": product.property_stock_inventory.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "state": "done",
                    "picked": True,
                    "is_inventory": True,
                    "is_in": True,
                    "procure_method": "make_to_stock",
                    "reference": "Physical Inventory",
                    "date": opened,
                }
            ],
        )

    def _part_time_calendar(self, studio, practitioner):
        """Salt Lake City's practitioner works four days a week; Phoenix's work the
        studio's hours."""
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Salt Lake City: Tuesday to Friday",
                "company_id": studio.id,
                "tz": studio.partner_id.tz or "America/Denver",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": day,
                            "day_period": period,
                            "hour_from": hour_from,
                            "hour_to": hour_from + 4,
                        }
                    )
                    for day in ("1", "2", "3", "4")
                    for period, hour_from in (("morning", 9), ("afternoon", 13))
                ],
            }
        )
        self.env["resource.resource"].create(
            {
                "name": practitioner.name,
                "user_id": practitioner.id,
                "calendar_id": calendar.id,
                "company_id": studio.id,
            }
        )

    def _ship_from_central(self):
        """Today, Salt Lake City's cartridges are on their way: its reordering rule
        asked the central warehouse, which has shipped them; the studio receives."""
        orderpoint = self.env.ref("skinpro_needling.orderpoint_slc_cartridge")
        orderpoint.action_replenish()
        central = self.env.ref("stock.warehouse0")
        delivery = (
            self.env["stock.move"]
            .search(
                [
                    ("orderpoint_id", "=", orderpoint.id),
                    ("location_id", "=", central.lot_stock_id.id),
                ]
            )
            .picking_id
        )
        delivery.move_ids.picked = True
        delivery.button_validate()

    def _day_in_month(self, rng, today, month):
        """A day of month `month` (0: a year ago, 11: the last 30 days)."""
        first = today - timedelta(days=30 * (MONTHS - month))
        return first + timedelta(days=rng.randrange(30))

    def _generate_studio(self, rng, today, code, studio, practitioner, names):
        profile = PROFILES[code]
        ref = self.env.ref
        clients = []
        for month in range(MONTHS):
            for _index in range(profile["clients"](month)):
                clients.append(
                    {
                        "name": names.pop(),
                        "day": self._day_in_month(rng, today, month),
                        "refer": rng.random() < profile["refer"],
                        "by_depth": rng.random() < 0.5,
                        "clearance": rng.random() < 0.08,
                    }
                )
        partners = self.env["res.partner"].create(
            [
                {
                    "name": client["name"],
                    "ref": f"{code}-{number:04d}",
                    "email": client["name"].lower().replace(" ", ".") + "@example.com",
                    "company_id": studio.id,
                }
                for number, client in enumerate(clients, start=1)
            ]
        )
        for client, partner in zip(clients, partners, strict=True):
            client["partner_id"] = partner.id
        self._insert_leads(studio, practitioner, clients)
        self._insert_screenings(studio, practitioner, clients)
        self._insert_referrals(rng, studio, practitioner, clients)
        cleared = [c for c in clients if c["outcome"] == "cleared" and not c["refer"]]
        variants = ref("skinpro_needling.product_full_face").product_variant_ids
        by_depth = {v.skinpro_depth_mm: v for v in variants}
        sessions = []
        for month in range(MONTHS):
            start = today - timedelta(days=30 * (MONTHS - month))
            pool = [c for c in cleared if c["day"] < start + timedelta(days=30)]
            for _index in range(profile["sessions"](month) if pool else 0):
                client = rng.choice(pool)
                day = max(
                    client["day"] + timedelta(days=1),
                    self._day_in_month(rng, today, month),
                )
                if day >= today:
                    day = today - timedelta(days=1)
                sessions.append(
                    {
                        "client": client,
                        "day": day,
                        "variant": by_depth[rng.choice(profile["depths"])],
                    }
                )
        self._redeem_courses(code, studio, practitioner, sessions)
        self._insert_sessions(studio, practitioner, sessions, profile)
        self._insert_missed(code, today, studio, practitioner, sessions)
        self._insert_restocking(today, studio, sessions, profile["stock_outs"])
        self._book_upcoming(code, today, studio, practitioner, cleared, by_depth)

    def _book_upcoming(self, code, today, studio, practitioner, clients, by_depth):
        """The sessions booked for the next days, booked as the front desk books
        them: their recipes are the studio's forecasted demand."""
        profile = PROFILES[code]
        rng = random.Random(code)
        if not (clients and profile["booked"]):
            return
        Session = self.env["skinpro.treatment.session"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        Session.create(
            [
                {
                    "partner_id": rng.choice(clients)["partner_id"],
                    "company_id": studio.id,
                    "practitioner_id": practitioner.id,
                    "product_id": by_depth[rng.choice(profile["depths"])].id,
                    "planned_start": self._stamp(
                        today + timedelta(days=day), 16 + slot * 2
                    ),
                }
                for day in range(1, BOOKED_DAYS + 1)
                for slot in range(profile["booked"])
            ]
        )

    def _insert(self, table, rows):
        """INSERT rows (dicts of the same keys) into table; their new ids."""
        if not rows:
            return []
        columns = list(rows[0])
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) VALUES %s RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(column) for column in columns),
                SQL(", ").join(
                    SQL("(%s)", SQL(", ").join(row[column] for column in columns))
                    for row in rows
                ),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _stamp(self, day, hour=10):
        return datetime.combine(day, time(hour))

    def _insert_leads(self, studio, practitioner, clients):
        team = self.env.ref("sales_team.crm_team_1")
        stage = self.env["crm.stage"].search(
            [("team_ids", "in", [False, team.id])], order="sequence", limit=1
        )
        self._insert(
            "crm_lead",
            [
                {
                    "name": f"Consultation: {client['name']}",
                    "type": "lead",
                    "active": True,
                    "partner_id": client["partner_id"],
                    "contact_name": client["name"],
                    "company_id": studio.id,
                    "user_id": practitioner.id,
                    "team_id": team.id,
                    "stage_id": stage.id,
                    "probability": 10,
                    "create_date": self._stamp(client["day"] - timedelta(days=3)),
                    "write_date": self._stamp(client["day"] - timedelta(days=3)),
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
                for client in clients
            ],
        )

    def _insert_screenings(self, studio, practitioner, clients):
        contraindications = self.env["skinpro.contraindication"].search(
            [("active", "=", True)]
        )
        absolute = contraindications.filtered(lambda c: c.severity == "absolute")[:1]
        clearance = contraindications.filtered(lambda c: c.severity == "clearance")[:1]
        validity = studio._skinpro_chain().skinpro_screening_validity_days
        rows = []
        for client in clients:
            outcome = (
                "refer"
                if client["refer"] and not client["by_depth"]
                else "clearance_required"
                if client["clearance"]
                else "cleared"
            )
            client["outcome"] = outcome
            rows.append(
                {
                    "name": f"{client['name']} - {client['day']}",
                    "partner_id": client["partner_id"],
                    "company_id": studio.id,
                    "practitioner_id": practitioner.id,
                    "state": "confirmed",
                    "outcome": outcome,
                    "date": client["day"],
                    "valid_until": client["day"] + timedelta(days=validity),
                    "active": True,
                    "confirmed_on": self._stamp(client["day"]),
                    "create_date": self._stamp(client["day"]),
                    "write_date": self._stamp(client["day"]),
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
            )
        ids = self._insert("skinpro_screening", rows)
        answers = []
        for client, screening_id in zip(clients, ids, strict=True):
            client["screening_id"] = screening_id
            yes = {"refer": absolute, "clearance_required": clearance}.get(
                client["outcome"]
            )
            answers += [
                {
                    "screening_id": screening_id,
                    "company_id": studio.id,
                    "contraindication_id": contraindication.id,
                    "sequence": contraindication.sequence,
                    "answer": "yes" if contraindication == yes else "no",
                    "date": client["day"] if contraindication == yes else None,
                }
                for contraindication in contraindications
            ]
        self._insert("skinpro_screening_answer", answers)

    def _insert_referrals(self, rng, studio, practitioner, clients):
        ref = self.env.ref
        team = ref("skinpro_needling.crm_team_medical_referrals")
        providers = ref("skinpro_needling.provider_hart") | ref(
            "skinpro_needling.provider_desert_clinic"
        )
        stages = [
            ref(f"skinpro_needling.crm_stage_referral_{name}")
            for name in ("to_send", "sent", "accepted", "treated", "declined")
        ]
        # The days the providers took to accept, drawn apart from the history's
        # own sequence.
        accept_days = PROFILES[studio.skinpro_code]["accept_days"]
        accepting = random.Random(f"{studio.skinpro_code}-accepted")
        rows = []
        for client in clients:
            if not client["refer"]:
                continue
            # The older the referral, the further it went.
            age = (fields.Date.context_today(self.env.user) - client["day"]).days
            stage = (
                stages[4]
                if rng.random() < 0.1
                else stages[3]
                if age > 60
                else stages[2]
                if age > 21
                else stages[rng.randrange(2)]
            )
            by_depth = client["outcome"] != "refer"
            rows.append(
                {
                    "name": f"Referral: {client['name']}",
                    "type": "opportunity",
                    "active": True,
                    "partner_id": client["partner_id"],
                    "company_id": studio.id,
                    "user_id": practitioner.id,
                    "team_id": team.id,
                    "stage_id": stage.id,
                    "probability": 100 if stage == stages[3] else 50,
                    "skinpro_is_referral": True,
                    "skinpro_provider_id": rng.choice(providers).id,
                    "skinpro_referral_reason": "depth"
                    if by_depth
                    else "contraindication",
                    "skinpro_depth_requested_mm": 1.5 if by_depth else None,
                    "skinpro_screening_id": client["screening_id"],
                    "create_date": self._stamp(client["day"], 11),
                    "write_date": self._stamp(client["day"], 11),
                    "date_last_stage_update": self._stamp(
                        client["day"]
                        + timedelta(days=accept_days + accepting.randrange(5)),
                        11,
                    )
                    if stage in stages[2:4]
                    else self._stamp(client["day"], 11),
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
            )
        self._insert("crm_lead", rows)

    def _recipes(self, studio, variants):
        """{variant: [(consumable, quantity, unit cost)]} at this studio."""
        return {
            variant: [
                (
                    line.component_id,
                    line.quantity,
                    line.component_id.with_company(studio).standard_price,
                )
                for line in variant.skinpro_recipe_ids
            ]
            for variant in variants
        }

    def _redeem_courses(self, code, studio, practitioner, sessions):
        """A share of the clients bought a course of three with their first
        session: their first three sessions redeem it."""
        rng = random.Random(f"{code}-courses")
        product = self.env.ref("skinpro_needling.product_full_face_course")
        total = product.skinpro_course_sessions
        by_client = {}
        for session in sorted(sessions, key=lambda session: session["day"]):
            by_client.setdefault(session["client"]["partner_id"], []).append(session)
        rows, redeemed = [], []
        for own in by_client.values():
            if rng.random() >= PROFILES[code]["courses"]:
                continue
            used = own[:total]
            rows.append(
                {
                    "name": f"{product.name} - {own[0]['client']['name']}",
                    "partner_id": own[0]["client"]["partner_id"],
                    "company_id": studio.id,
                    "product_id": product.id,
                    "sessions_total": total,
                    "min_spacing_days": product.skinpro_min_spacing_days,
                    "sessions_used": len(used),
                    "sessions_left": total - len(used),
                    "last_session_date": used[-1]["day"],
                    "state": "completed" if len(used) == total else "in_use",
                    "create_date": self._stamp(used[0]["day"], 9),
                    "write_date": self._stamp(used[-1]["day"], 11),
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
            )
            redeemed.append(used)
        for course_id, used in zip(
            self._insert("skinpro_course", rows), redeemed, strict=True
        ):
            for session in used:
                session["course_id"] = course_id

    def _insert_missed(self, code, today, studio, practitioner, sessions):
        """Appointments the clients missed or cancelled late, a few days before
        one they kept."""
        profile = PROFILES[code]
        rng = random.Random(f"{code}-missed")
        limit = studio._skinpro_depth_limit()
        rows = []
        for session in sessions:
            roll = rng.random()
            if roll < profile["no_show"]:
                kind = attendance.NO_SHOW
            elif roll < profile["no_show"] + profile["late_cancel"]:
                kind = attendance.LATE
            else:
                continue
            client = session["client"]
            day = session["day"] - timedelta(days=rng.randrange(2, 10))
            if day <= client["day"] or day >= today:
                continue
            planned = self._stamp(day, 15)
            rows.append(
                {
                    "name": f"{client['name']} - {session['variant'].display_name}"
                    f" - {day}",
                    "partner_id": client["partner_id"],
                    "company_id": studio.id,
                    "practitioner_id": practitioner.id,
                    "product_id": session["variant"].id,
                    "state": "cancelled",
                    "review_state": "none",
                    "cancellation": kind,
                    "cancelled_on": planned
                    if kind == attendance.NO_SHOW
                    else planned - timedelta(hours=rng.randrange(1, 20)),
                    "depth_class": "cosmetic",
                    "depth_limit_mm": limit,
                    "max_depth_mm": 0,
                    "revenue": 0,
                    "session_date": day,
                    "planned_start": planned,
                    "duration": PROFILES[code]["duration"],
                    "create_date": self._stamp(day - timedelta(days=7)),
                    "write_date": planned,
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
            )
        self._insert("skinpro_treatment_session", rows)

    def _insert_sessions(self, studio, practitioner, sessions, profile):
        if not sessions:
            return
        warehouse = studio.skinpro_warehouse_id
        picking_type = self.env["stock.picking.type"].search(
            [("warehouse_id", "=", warehouse.id), ("sequence_code", "=", "TC")],
            limit=1,
        )
        recipes = self._recipes(
            studio,
            self.env["product.product"].union(*(s["variant"] for s in sessions)),
        )
        limit = studio._skinpro_depth_limit()
        pickings = self._insert(
            "stock_picking",
            [
                {
                    "name": f"{warehouse.code}/TC/H{number:05d}",
                    "picking_type_id": picking_type.id,
                    "location_id": picking_type.default_location_src_id.id,
                    "location_dest_id": picking_type.default_location_dest_id.id,
                    "company_id": studio.id,
                    "state": "done",
                    "move_type": "direct",
                    "scheduled_date": self._stamp(session["day"], 11),
                    "date_done": self._stamp(session["day"], 11),
                    "create_date": self._stamp(session["day"], 11),
                    "write_date": self._stamp(session["day"], 11),
                }
                for number, session in enumerate(sessions, start=1)
            ],
        )
        moves = []
        rows = []
        for session, picking_id in zip(sessions, pickings, strict=True):
            cost = 0.0
            anaesthetic = 0.0
            for product, quantity, unit_cost in recipes[session["variant"]]:
                if product.uom_id == self.env.ref("uom.product_uom_gram"):
                    quantity *= profile["anaesthetic"]
                    anaesthetic += quantity
                cost += quantity * unit_cost
                moves.append(
                    {
                        "picking_id": picking_id,
                        "picking_type_id": picking_type.id,
                        "company_id": studio.id,
                        "product_id": product.id,
                        "product_uom": product.uom_id.id,
                        "product_uom_qty": quantity,
                        "product_qty": quantity,
                        "quantity": quantity,
                        "price_unit": unit_cost,
                        "value": quantity * unit_cost,
                        "location_id": picking_type.default_location_src_id.id,
                        "location_dest_id": picking_type.default_location_dest_id.id,
                        "state": "done",
                        "picked": True,
                        "is_out": True,
                        "procure_method": "make_to_stock",
                        "reference": f"{warehouse.code}/TC",
                        "date": self._stamp(session["day"], 11),
                    }
                )
            client = session["client"]
            rows.append(
                {
                    "name": f"{client['name']} - {session['variant'].display_name}"
                    f" - {session['day']}",
                    "partner_id": client["partner_id"],
                    "company_id": studio.id,
                    "practitioner_id": practitioner.id,
                    "product_id": session["variant"].id,
                    "screening_id": client["screening_id"],
                    "consumption_picking_id": picking_id,
                    "state": "done",
                    "review_state": "none",
                    "depth_class": "cosmetic",
                    "depth_limit_mm": limit,
                    "max_depth_mm": session["variant"].skinpro_depth_mm,
                    "anaesthetic_grams": anaesthetic,
                    "revenue": session["variant"].lst_price,
                    "consumables_cost": cost,
                    "session_date": session["day"],
                    "planned_start": self._stamp(session["day"]),
                    "date_start": self._stamp(session["day"]),
                    "date_end": self._stamp(session["day"], 11),
                    "duration": profile["duration"],
                    "course_id": session.get("course_id"),
                    "history_reviewed": True,
                    "anaesthetic_applied": True,
                    "aftercare_handed": True,
                    "create_date": self._stamp(session["day"]),
                    "write_date": self._stamp(session["day"], 11),
                    "create_uid": practitioner.id,
                    "write_uid": practitioner.id,
                }
            )
        self._insert("stock_move", moves)
        records = self.env["skinpro.treatment.session"].browse(
            self._insert("skinpro_treatment_session", rows)
        )
        # A transfer is named by its session, as a live one is: no client's name.
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_picking SET origin = named.origin
                  FROM unnest(%s::int[], %s::varchar[]) AS named(id, origin)
                 WHERE stock_picking.id = named.id
                """,
                pickings,
                [session._skinpro_stock_reference() for session in records],
            )
        )

    def _insert_restocking(self, today, studio, sessions, stock_outs):
        """At the start of each month, the central warehouse sends what the studio
        used the month before; not before a month the studio ran out."""
        warehouse = studio.skinpro_warehouse_id
        central = self.env.ref("stock.warehouse0")
        used = {}
        for session in sessions:
            month = MONTHS - 1 - (today - session["day"]).days // 30
            for product, quantity, _cost in self._recipes(studio, session["variant"])[
                session["variant"]
            ]:
                key = (month, product)
                used[key] = used.get(key, 0) + quantity
        picking_type = warehouse.in_type_id
        for month in range(1, MONTHS):
            if month in stock_outs:
                continue
            lines = [
                (p, q)
                for (m, p), q in sorted(
                    used.items(), key=lambda item: (item[0][0], item[0][1].id)
                )
                if m == month - 1
            ]
            if not lines:
                continue
            day = today - timedelta(days=30 * (MONTHS - month))
            (picking_id,) = self._insert(
                "stock_picking",
                [
                    {
                        "name": f"{warehouse.code}/IN/H{month:05d}",
                        "origin": central.name,
                        "picking_type_id": picking_type.id,
                        "location_id": central.lot_stock_id.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                        "company_id": studio.id,
                        "state": "done",
                        "move_type": "direct",
                        "scheduled_date": self._stamp(day, 8),
                        "date_done": self._stamp(day, 8),
                        "create_date": self._stamp(day, 8),
                        "write_date": self._stamp(day, 8),
                    }
                ],
            )
            self._insert(
                "stock_move",
                [
                    {
                        "picking_id": picking_id,
                        "picking_type_id": picking_type.id,
                        "company_id": studio.id,
                        "product_id": product.id,
                        "product_uom": product.uom_id.id,
                        "product_uom_qty": quantity,
                        "product_qty": quantity,
                        "quantity": quantity,
                        "location_id": central.lot_stock_id.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                        "state": "done",
                        "picked": True,
                        "procure_method": "make_to_stock",
                        "reference": f"{warehouse.code}/IN/H{month:05d}",
                        "date": self._stamp(day, 8),
                    }
                    for product, quantity in lines
                ],
            )
