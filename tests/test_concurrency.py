# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two sessions completing at the same moment for a studio's last cartridge: two real
transactions on the test database, in two threads. One completes; the other reports
the shortage (after Odoo retries it on PostgreSQL's concurrent-update error, as it
retries any request); the stock never goes negative."""

import threading

import pytest


@pytest.fixture
def registry(request):
    """The Odoo registry of the test database, outside any test transaction."""
    if not request.config.getoption("--odoo-database", None):
        pytest.skip(
            "needs Odoo 18.0 and PostgreSQL: run ./skinpro test with ODOO_SRC set to "
            "an Odoo 18.0 source tree (or after ./skinpro demo)"
        )
    import odoo

    return odoo.modules.registry.Registry(odoo.tools.config["db_name"])


def committed_setup(registry):
    """A studio holding one cartridge, and two clients' sessions in progress."""
    from odoo import SUPERUSER_ID, api, fields

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        chain = env.ref("base.main_company")
        studio = env["res.company"].create(
            {"name": "Race studio", "parent_id": chain.id, "skinpro_code": "RACE"}
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
