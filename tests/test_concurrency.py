# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What happens when two requests do the same thing at the same moment: two real
transactions on the test database, in two threads, each run as Odoo runs a request
(retried when PostgreSQL reports a concurrent update) and committed. Their records
stay in the throw-away test database.

- two sessions completing for a studio's last cartridge: one completes, the other
  reports the shortage, the stock never goes negative;
- a screening confirmed twice at once (a double click, two practitioners): one
  confirmation, one line of it in the chatter;
- the same POS order synced twice at once (a POS retrying while its first call still
  runs): one order, one session, and after the session one consumption;
- two studios' resupply reserving the central warehouse's last kit: one gets it, the
  other waits for stock; nothing is reserved twice;
- a lot recalled while two studios consume it: no session consumes it once the
  recall committed, the recall lists every session that did, every unit is used
  or quarantined once."""

import threading

import pytest


@pytest.fixture
def registry(request):
    """The Odoo registry of the test database, outside any test transaction."""
    if not request.config.getoption("--odoo-database", None):
        pytest.skip(
            "needs Odoo 19.0 and PostgreSQL: run ./skinpro test with ODOO_SRC set to "
            "an Odoo 19.0 source tree (or after ./skinpro demo)"
        )
    from odoo.modules.registry import Registry

    return Registry(request.config.getoption("--odoo-database"))


def committed_setup(registry):
    """A studio holding one cartridge, and two clients' sessions in progress."""
    from odoo import SUPERUSER_ID, api, fields

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        chain = env.ref("base.main_company")
        studio = env["res.company"].create(
            {
                "name": "Race studio",
                "parent_id": chain.id,
                "skinpro_code": "RACE",
                "email": "race@studio.example",
                "country_id": chain.country_id.id,
            }
        )
        studio.action_skinpro_setup_studio()
        cartridge = env["product.product"].create(
            {"name": "Race cartridge", "is_storable": True, "type": "consu"}
        )
        treatment = env["product.product"].create(
            {
                "name": "Race treatment",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
                "skinpro_recipe_ids": [
                    (
                        0,
                        0,
                        {
                            "kind": "cartridge",
                            "component_id": cartridge.id,
                            "quantity": 1,
                        },
                    )
                ],
            }
        )
        env["stock.quant"]._update_available_quantity(
            cartridge, studio.skinpro_warehouse_id.lot_stock_id, 1
        )
        signature = env.ref("skinpro_needling.screening_slc_cleared").consent_signature
        sessions = env["skinpro.treatment.session"]
        for name in ("Racer one", "Racer two"):
            client = env["res.partner"].create({"name": name})
            screening = env["skinpro.screening"].create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "consent_signature": signature,
                    "date": fields.Date.today(),
                }
            )
            screening.answer_ids.write({"answer": "no"})
            screening.action_confirm()
            session = sessions.create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "product_id": treatment.id,
                }
            )
            session.reconfirmation_ids.write({"answer": "no"})
            session.action_start()
            sessions |= session
        cr.commit()
        return sessions.ids, cartridge.id, studio.skinpro_warehouse_id.lot_stock_id.id


def test_two_sessions_race_for_the_last_cartridge(registry):
    from odoo import SUPERUSER_ID, api
    from odoo.exceptions import UserError
    from odoo.service.model import retrying

    session_ids, cartridge_id, location_id = committed_setup(registry)
    start = threading.Barrier(2)
    outcomes = {}

    def complete(session_id):
        """As the web client's click runs it: in its own transaction, retried by
        Odoo when PostgreSQL reports a concurrent update."""
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            session = env["skinpro.treatment.session"].browse(session_id)
            start.wait(timeout=30)
            try:
                retrying(session.action_done, env)
                cr.commit()
                outcomes[session_id] = "done"
            except UserError as error:
                cr.rollback()
                outcomes[session_id] = str(error)

    threads = [threading.Thread(target=complete, args=(sid,)) for sid in session_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(o == "done" for o in outcomes.values()) == [False, True], outcomes
    refused = next(o for o in outcomes.values() if o != "done")
    assert "short of 1 Units Race cartridge" in refused
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        quants = env["stock.quant"].search(
            [("product_id", "=", cartridge_id), ("location_id", "=", location_id)]
        )
        assert sum(quants.mapped("quantity")) == 0
        assert all(q >= 0 for q in quants.mapped("quantity"))
        states = env["skinpro.treatment.session"].browse(session_ids).mapped("state")
        assert sorted(states) == ["done", "in_progress"]


def race(registry, *calls):
    """Run each call(env) in its own transaction at the same moment, as Odoo runs a
    request; returns what each one returned, or the message of its UserError."""
    from odoo import SUPERUSER_ID, api
    from odoo.exceptions import UserError
    from odoo.service.model import retrying

    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.cr.execute("SELECT 1")  # the transaction's snapshot starts here
            start.wait(timeout=30)
            try:
                outcomes[index] = retrying(lambda: call(env), env)
                cr.commit()
            except UserError as error:
                cr.rollback()
                outcomes[index] = str(error)

    threads = [
        threading.Thread(target=run, args=(index, call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def committed(registry, build):
    """build(env) in a committed transaction; returns what it returned."""
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        result = build(api.Environment(cr, SUPERUSER_ID, {}))
        cr.commit()
        return result


def own_studio(env, code):
    """A studio of its own (the demo's studios keep their hand-counted figures),
    offering a 0.5 mm treatment whose cartridge is in stock."""
    studio = env["res.company"].create(
        {
            "name": f"Studio {code}",
            "parent_id": env.ref("base.main_company").id,
            "skinpro_code": code,
            "email": f"{code.lower()}@studio.example",
            "skinpro_max_depth_mm": 1.0,
            "country_id": env.ref("base.main_company").country_id.id,
        }
    )
    studio.action_skinpro_setup_studio()
    cartridge = env["product.product"].create(
        {"name": f"{code} cartridge", "is_storable": True, "type": "consu"}
    )
    treatment = env["product.product"].create(
        {
            "name": f"{code} treatment 0.5 mm",
            "type": "service",
            "skinpro_is_needling": True,
            "skinpro_depth_mm": 0.5,
            "available_in_pos": True,
            "skinpro_recipe_ids": [
                (0, 0, {"kind": "cartridge", "component_id": cartridge.id})
            ],
        }
    )
    env["stock.quant"]._update_available_quantity(
        cartridge, studio.skinpro_warehouse_id.lot_stock_id, 5
    )
    return studio, treatment


def cleared_client(env, studio, name):
    from odoo import fields

    client = env["res.partner"].create({"name": name})
    screening = env["skinpro.screening"].create(
        {
            "partner_id": client.id,
            "company_id": studio.id,
            "consent_signature": env.ref(
                "skinpro_needling.screening_slc_cleared"
            ).consent_signature,
            "date": fields.Date.today(),
        }
    )
    screening.answer_ids.write({"answer": "no"})
    return client, screening


def test_a_screening_confirmed_twice_at_once_is_confirmed_once(registry):
    def build(env):
        studio, _treatment = own_studio(env, "DBL")
        _client, screening = cleared_client(env, studio, "Double click")
        return screening.id

    screening_id = committed(registry, build)

    def confirm(env):
        return env["skinpro.screening"].browse(screening_id).action_confirm()

    assert race(registry, confirm, confirm) == [True, True]

    def confirmations(env):
        screening = env["skinpro.screening"].browse(screening_id)
        tracked = screening.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        return screening.state, len(tracked)

    assert committed(registry, confirmations) == ("confirmed", 1)


def test_the_same_pos_order_synced_twice_at_once_is_saved_once(registry):
    from odoo.addons.skinpro_needling.tests.pos_payload import pos_order_payload

    def build(env):
        studio, treatment = own_studio(env, "TWICE")
        client, screening = cleared_client(env, studio, "Twice synced")
        screening.action_confirm()
        config = studio.skinpro_pos_config_ids[:1]
        if not config.current_session_id:
            config.with_company(studio).open_ui()
        return pos_order_payload(config.current_session_id, client, treatment)

    payload = committed(registry, build)

    def sync(env):
        result = env["pos.order"].sync_from_ui([dict(payload)])
        return result["pos.order"][0]["id"]

    first, second = race(registry, sync, sync)
    assert first == second, (first, second)

    def complete(env):
        order = env["pos.order"].search([("uuid", "=", payload["uuid"])])
        session = order.lines.skinpro_session_ids
        session.reconfirmation_ids.write({"answer": "no"})
        session.action_start()
        session.action_done()
        return len(order), len(session), session.consumption_picking_id

    orders, sessions, picking = committed(registry, complete)
    assert (orders, sessions, len(picking)) == (1, 1, 1)
    # Synced once more afterwards: still the same order, nothing consumed again.
    assert race(registry, sync) == [first]

    def consumptions(env):
        order = env["pos.order"].search([("uuid", "=", payload["uuid"])])
        sessions = order.lines.skinpro_session_ids
        return len(order), len(sessions), len(sessions.consumption_picking_id)

    assert committed(registry, consumptions) == (1, 1, 1)


def test_two_studios_resupply_from_the_last_central_kit(registry):
    def build(env):
        chain = env.ref("base.main_company")
        central = env["stock.warehouse"].search(
            [("company_id", "=", chain.id)], order="sequence, id", limit=1
        )
        kit = env["product.product"].create(
            {"name": "Last kit", "is_storable": True, "type": "consu"}
        )
        orderpoints = env["stock.warehouse.orderpoint"]
        for code in ("RSA", "RSB"):
            studio = env["res.company"].create(
                {
                    "name": f"Resupply {code}",
                    "parent_id": chain.id,
                    "skinpro_code": code,
                    "email": f"{code.lower()}@studio.example",
                    "country_id": chain.country_id.id,
                }
            )
            studio.action_skinpro_setup_studio()
            warehouse = studio.skinpro_warehouse_id
            orderpoints |= orderpoints.create(
                {
                    "product_id": kit.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "company_id": studio.id,
                    "route_id": warehouse.resupply_route_ids[:1].id,
                    "product_min_qty": 1,
                    "product_max_qty": 1,
                }
            )
        env["stock.quant"]._update_available_quantity(kit, central.lot_stock_id, 1)
        return orderpoints.ids, kit.id, central.lot_stock_id.id

    orderpoint_ids, kit_id, central_stock_id = committed(registry, build)

    def replenish(orderpoint_id):
        # What the studio's "Order once" or the nightly scheduler does.
        def call(env):
            env["stock.warehouse.orderpoint"].browse(orderpoint_id).action_replenish()
            return "replenished"

        return call

    outcomes = race(registry, *(replenish(op) for op in orderpoint_ids))
    assert outcomes == ["replenished", "replenished"], outcomes

    def stock(env):
        quants = env["stock.quant"].search(
            [("product_id", "=", kit_id), ("location_id", "=", central_stock_id)]
        )
        moves = env["stock.move"].search(
            [("product_id", "=", kit_id), ("location_id", "=", central_stock_id)]
        )
        return (
            sum(quants.mapped("quantity")),
            sum(quants.mapped("reserved_quantity")),
            sum(moves.mapped("product_uom_qty")),
            sum(moves.mapped("quantity")),
        )

    # Both studios asked for a kit; the one in stock is reserved once, the other
    # kit waits for the central warehouse's next delivery.
    assert committed(registry, stock) == (1, 1, 2, 1)


@pytest.mark.parametrize("recall_delay", [0, 3])
def test_a_recall_while_two_studios_consume_the_lot(registry, recall_delay):
    """Two studios complete a session with the same cartridge lot while inventory
    staff recall it: whichever commits first (the recall, or, when it starts its
    work a little later in its transaction, the consumptions), no session consumes
    the lot once the recall committed, the recall lists every session that did,
    and every cartridge is either used by a session or in a quarantine, once."""
    import time
    from datetime import timedelta
    from uuid import uuid4

    from odoo import fields

    run = uuid4().hex[:4].upper()

    def build(env):
        lot = None
        sessions = []
        studios = []
        cartridge = None
        for code in (f"RA{run}", f"RB{run}"):
            studio, treatment = own_studio(env, code)
            if cartridge is None:
                cartridge = treatment.skinpro_recipe_ids.component_id
                cartridge.write({"tracking": "lot"})
                lot = env["stock.lot"].create(
                    {
                        "name": "RACE-RECALL",
                        "product_id": cartridge.id,
                        "company_id": False,
                        "expiration_date": fields.Datetime.now() + timedelta(days=20),
                    }
                )
            else:
                treatment.skinpro_recipe_ids.component_id = cartridge
            stock = studio.skinpro_warehouse_id.lot_stock_id
            other = env["stock.lot"].create(
                {
                    "name": f"{code}-LATER",
                    "product_id": cartridge.id,
                    "company_id": False,
                    "expiration_date": fields.Datetime.now() + timedelta(days=300),
                }
            )
            # own_studio's untracked cartridges go: lots only, the recalled one first.
            env["stock.quant"]._update_available_quantity(cartridge, stock, -5)
            env["stock.quant"]._update_available_quantity(
                cartridge, stock, 3, lot_id=lot
            )
            env["stock.quant"]._update_available_quantity(
                cartridge, stock, 3, lot_id=other
            )
            client, screening = cleared_client(env, studio, f"Client {code}")
            screening.action_confirm()
            session = env["skinpro.treatment.session"].create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "product_id": treatment.id,
                }
            )
            session.reconfirmation_ids.write({"answer": "no"})
            session.action_start()
            sessions.append(session.id)
            studios.append(studio.id)
        inventory = env["res.users"].create(
            {
                "name": "Race inventory",
                "login": f"race_inventory_{run}",
                "company_id": studios[0],
                "company_ids": [(6, 0, studios)],
                "group_ids": [
                    (4, env.ref("base.group_user").id),
                    (4, env.ref("skinpro_needling.group_inventory").id),
                ],
            }
        )
        return lot.id, sessions, studios, inventory.id

    lot_id, session_ids, _studios, inventory_id = committed(registry, build)

    def complete(session_id):
        def call(env):
            env["skinpro.treatment.session"].browse(session_id).action_done()
            return "done"

        return call

    def recall(env):
        time.sleep(recall_delay)
        lot = env["stock.lot"].browse(lot_id).with_user(inventory_id)
        return lot.action_skinpro_recall("Race: sterility not assured").id

    outcomes = race(
        registry, complete(session_ids[0]), complete(session_ids[1]), recall
    )
    assert outcomes[:2] == ["done", "done"], outcomes
    assert isinstance(outcomes[2], int), outcomes

    def after(env):
        lot = env["stock.lot"].browse(lot_id)
        recall = env["skinpro.recall"].browse(outcomes[2])
        sessions = env["skinpro.treatment.session"].browse(session_ids)
        used_lot = sessions.filtered(lambda s: lot in s.consumed_lot_ids)
        quants = env["stock.quant"].search([("lot_id", "=", lot_id)])
        in_stock = sum(
            q.quantity
            for q in quants
            if not q.location_id.skinpro_quarantine
            and q.location_id.usage == "internal"
        )
        quarantined = sum(
            q.quantity for q in quants if q.location_id.skinpro_quarantine
        )
        return {
            "states": sessions.mapped("state"),
            "used_lot": used_lot.ids,
            "listed": recall.session_ids.ids,
            "in_stock": in_stock,
            "quarantined": quarantined,
            "recalled": lot.skinpro_recalled,
            "moves_after_recall": env["stock.move.line"].search_count(
                [
                    ("lot_id", "=", lot_id),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "inventory"),
                    ("date", ">", recall.date),
                    ("move_id.is_inventory", "=", False),
                ]
            ),
        }

    result = committed(registry, after)
    assert result["states"] == ["done", "done"], result
    assert result["recalled"], result
    # Every session that consumed the lot is listed: none consumed it afterwards.
    assert sorted(result["used_lot"]) == sorted(result["listed"]), result
    assert result["moves_after_recall"] == 0, result
    # Nothing lost or doubled: 6 cartridges, each used once or quarantined.
    assert result["in_stock"] == 0, result
    assert result["quarantined"] + len(result["used_lot"]) == 6, result
    if recall_delay:
        # Its snapshot taken before they committed, the recall, started later,
        # still finds both sessions done with the lot.
        assert len(result["used_lot"]) == 2, result
