# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import json
from datetime import timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tools import SQL

from odoo.addons.base.tests.common import BaseCommon

SIGNATURE = base64.b64encode(
    (Path(__file__).parent.parent / "demo" / "consent_signature.png").read_bytes()
)


def users_of(env, studio, groups_by_login):
    """{login: user} of the studio, each with its role; the password is the login."""
    return {
        login: new_test_user(
            env,
            login=login,
            groups=f"base.group_user,{groups}",
            company_id=studio.id,
            company_ids=studio.ids,
        )
        for login, groups in groups_by_login.items()
    }


def without_demo_history(env):
    """Take the generated history out of the demo chain, inside the test's
    transaction, leaving the records the demo files make one by one, which the
    tests count by hand. The history's clients are numbered, e.g. SLC-0001."""
    clients = env["res.partner"].search([("ref", "=like", "___-____")])
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            WITH sessions AS (
                DELETE FROM skinpro_treatment_session
                 WHERE partner_id = ANY(%(clients)s)
             RETURNING consumption_picking_id
            ), moves AS (
                DELETE FROM stock_move
                 WHERE picking_id IN (SELECT consumption_picking_id FROM sessions)
            ), pickings AS (
                DELETE FROM stock_picking
                 WHERE id IN (SELECT consumption_picking_id FROM sessions)
            ), leads AS (
                DELETE FROM crm_lead WHERE partner_id = ANY(%(clients)s)
            )
            DELETE FROM skinpro_screening WHERE partner_id = ANY(%(clients)s)
            """,
            clients=clients.ids,
        )
    )
    env.invalidate_all()


class ExternalApi:
    """Odoo 19.0's external API (JSON-2) as an integration calls it: with the
    user's own API key, against the running test server."""

    def __init__(self, case, user):
        self.case = case
        self.key = (
            case.env["res.users.apikeys"]
            .with_user(user)
            ._generate(
                scope="rpc",
                name="integration",
                expiration_date=fields.Datetime.add(fields.Datetime.now(), days=1),
            )
        )

    def call(self, model, method, **params):
        """The decoded answer, or the response itself when the server refuses."""
        response = self.case.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps(params),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.key}",
                "X-Odoo-Database": self.case.env.cr.dbname,
            },
        )
        return response.json() if response.ok else response


def table_digests(env, tables):
    """{table: (row count, digest of every row)}, once everything pending, the
    chatter's tracking included, is written: equal digests, unchanged tables.
    Rows are taken in the order of their text, so that a relation table without
    an id is digested too."""
    env.cr.flush()
    digests = {}
    for table in tables:
        env.cr.execute(
            SQL(
                "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text))"
                " FROM %s t",
                SQL.identifier(table),
            )
        )
        digests[table] = env.cr.fetchone()
    return digests


class SkinproCase(BaseCommon):
    """Two studios of the chain, clients, and helpers to screen them."""

    @classmethod
    def default_env_context(cls):
        # Studios work with tracking and chatter on: so do the tests.
        return {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chain = cls.env.ref("base.main_company")
        cls.studio_a, cls.studio_b = cls.env["res.company"].create(
            [
                {
                    "name": name,
                    "parent_id": cls.chain.id,
                    "skinpro_code": code,
                    "email": f"{code.lower()}@studio.example",
                }
                | cls.chain_country()
                for name, code in (("Studio A", "STA"), ("Studio B", "STB"))
            ]
        )
        cls.client_a = cls.env["res.partner"].create({"name": "Client of A"})
        cls.client_b = cls.env["res.partner"].create({"name": "Client of B"})

    @classmethod
    def chain_country(cls):
        """A studio's country, which its point of sale needs: the chain's."""
        return {"country_id": cls.env.ref("base.main_company").country_id.id}

    @classmethod
    def studio_user(cls, login, studio, *groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=",".join(("base.group_user",) + groups),
            company_id=studio.id,
            company_ids=[studio.id],
        )

    @staticmethod
    def status(client, studio):
        """The client's screening status as seen from `studio`, read afresh."""
        client.env.invalidate_all()
        return client.with_company(studio).skinpro_screening_status

    def contraindication(self, code):
        return self.env["skinpro.contraindication"].search([("code", "=", code)])

    def screening(self, client=None, studio=None, yes=(), date=None, **vals):
        """A draft screening with every question answered: no, except `yes`, a
        mapping of code to the date of the event (or None)."""
        screening = self.env["skinpro.screening"].create(
            {
                "partner_id": (client or self.client_a).id,
                "company_id": (studio or self.studio_a).id,
                "consent_signature": SIGNATURE,
                "date": date or fields.Date.today(),
                **vals,
            }
        )
        yes = yes if isinstance(yes, dict) else dict.fromkeys(yes)
        yes_lines = screening.answer_ids.filtered(
            lambda line: line.contraindication_id.code in yes
        )
        (screening.answer_ids - yes_lines).write({"answer": "no"})
        for line in yes_lines:
            line.write({"answer": "yes", "date": yes[line.contraindication_id.code]})
        return screening


class StockedStudiosCase(SkinproCase):
    """Studios A and B set up with their warehouses, and a treatment whose recipe
    takes anaesthetic and cartridges (lots with expiry) and a kit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.studio_a | cls.studio_b).action_skinpro_setup_studio()
        gram = cls.env.ref("uom.product_uom_gram")
        consumable = {"is_storable": True, "type": "consu"}
        lots = {"tracking": "lot", "use_expiration_date": True, **consumable}
        cls.anaesthetic = cls.env["product.product"].create(
            {
                "name": "Lidocaine 4% cream",
                "uom_id": gram.id,
                **lots,
            }
        )
        cls.cartridge = cls.env["product.product"].create(
            {"name": "12-pin cartridge", **lots}
        )
        cls.kit = cls.env["product.product"].create(
            {"name": "Aftercare kit", **consumable}
        )
        cls.treatment = cls.env["product.product"].create(
            {
                "name": "Express micro-needling 0.5 mm",
                "type": "service",
                "skinpro_is_needling": True,
                "skinpro_depth_mm": 0.5,
            }
        )
        cls.treatment.product_tmpl_id.skinpro_recipe_ids = [
            Command.create(
                {"kind": kind, "component_id": component.id, "quantity": qty}
            )
            for kind, component, qty in (
                ("anaesthetic", cls.anaesthetic, 2),
                ("cartridge", cls.cartridge, 1),
                ("kit", cls.kit, 1),
            )
        ]
        cls.now = fields.Datetime.now()

    def stock(self, studio, product, qty, lot_name=None, expires_in_days=None):
        lot = lot_name and self.env["stock.lot"].create(
            {
                "name": lot_name,
                "product_id": product.id,
                "company_id": studio.id,
                "expiration_date": self.now + timedelta(days=expires_in_days),
            }
        )
        self.env["stock.quant"]._update_available_quantity(
            product, studio.skinpro_warehouse_id.lot_stock_id, qty, lot_id=lot or None
        )
        return lot

    def on_hand(self, studio, product, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            product,
            studio.skinpro_warehouse_id.lot_stock_id,
            lot_id=lot,
            strict=bool(lot),
        )

    def started_session(self, studio, client, **vals):
        self.screening(client=client, studio=studio).action_confirm()
        session = self.env["skinpro.treatment.session"].create(
            {
                "partner_id": client.id,
                "company_id": studio.id,
                "product_id": self.treatment.id,
                **vals,
            }
        )
        session.reconfirmation_ids.write({"answer": "no"})
        session.action_start()
        return session

    def stock_studio(self, studio, prefix):
        early = self.stock(studio, self.cartridge, 5, f"{prefix}-CART-EARLY", 30)
        late = self.stock(studio, self.cartridge, 5, f"{prefix}-CART-LATE", 300)
        cream = self.stock(studio, self.anaesthetic, 30, f"{prefix}-LIDO", 90)
        self.stock(studio, self.kit, 10)
        return early, late, cream
