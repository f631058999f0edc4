# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every public method of the addon, called over the external API (JSON-2, with the
user's API key) by a portal user and by the front desk: none writes what the
caller's rights forbid, and a refused call answers with Odoo's error, never a
crash. The methods are found in the registry, so that a new one is called too."""

import inspect
import logging
from collections import Counter
from datetime import date, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ExternalApi, StockedStudiosCase, table_digests

_logger = logging.getLogger(__name__)

ADDON = "odoo.addons.skinpro_needling."
GTIN = "07612345678917"
# Odoo's own code that a call with no plausible values stops before the addon's:
# POS orders are created by the POS, with their session, which Odoo reads first.
ODOOS_OWN = {("pos.order", "create")}


def addon_methods(model):
    """{name: function} of the public methods the addon's classes define on
    `model` (its own or one it extends)."""
    methods = {}
    for cls in type(model).__mro__:
        if not cls.__module__.startswith(ADDON):
            continue
        for name, value in vars(cls).items():
            if not name.startswith("_") and callable(value):
                methods.setdefault(name, value)
    return methods


@tagged("post_install", "-at_install")
class TestPublicMethods(StockedStudiosCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cartridge.write(
            {
                "barcode": GTIN[1:],
                "skinpro_cartridge_min_depth_mm": 0.25,
                "skinpro_cartridge_max_depth_mm": 1.0,
            }
        )
        cls.front_desk = cls.studio_user(
            "a_front_desk", cls.studio_a, "skinpro_needling.group_front_desk"
        )
        cls.portal = new_test_user(
            cls.env, login="a_portal", groups="base.group_portal"
        )
        cls.provider = cls.env["res.partner"].create(
            {"name": "Dr. Hart", "skinpro_is_medical_provider": True}
        )

    def setUp(self):
        super().setUp()
        # Each studio with a record of every kind the methods act on.
        area = self.env["product.attribute.value"].search(
            [("attribute_id.skinpro_kind", "=", "area")], limit=1
        )
        for studio, client, prefix in (
            (self.studio_a, self.client_a, "A"),
            (self.studio_b, self.client_b, "B"),
        ):
            self.stock_studio(studio, prefix)
            started = self.started_session(studio, client)
            started.depth_line_ids = [
                Command.create({"area_id": area.id, "depth_mm": 0.5})
            ]
            self.env["skinpro.treatment.session"].create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "product_id": self.treatment.id,
                    "planned_start": self.now + timedelta(days=2),
                }
            )
            self.env["crm.lead"].create(
                {
                    "name": f"Referral of {client.name}",
                    "company_id": studio.id,
                    "partner_id": client.id,
                    "skinpro_is_referral": True,
                    "skinpro_provider_id": self.provider.id,
                    "skinpro_referral_reason": "depth",
                }
            )
            self.treatment.product_tmpl_id.skinpro_course_sessions = 3
            self.env["skinpro.course"].create(
                {
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "product_id": self.treatment.id,
                }
            )
        # A recall of studio B's lot: the chain's, with its notices per studio.
        self.b_lot = self.env["stock.lot"].search([("name", "=", "B-CART-EARLY")])
        self.b_lot.action_skinpro_recall("Manufacturer's recall")
        self.env.flush_all()

    def addon_models(self):
        """The models the addon declares or extends, with their public methods."""
        return {
            name: methods
            for name in sorted(self.env.registry)
            if not self.env[name]._abstract
            and (methods := addon_methods(self.env[name]))
        }

    def forbidden_tables(self, user):
        """The tables of the addon's models (declared or extended) to which `user`
        may neither create, write nor delete, and the addon's relation tables
        between them: a call by `user` changes none of them."""
        tables = set()
        for name in sorted(self.env.registry):
            model = self.env[name]
            if model._abstract or not model._auto:
                continue
            classes = type(model).__mro__
            if not any(cls.__module__.startswith(ADDON) for cls in classes):
                continue
            as_user = model.with_user(user)
            if any(as_user.has_access(op) for op in ("create", "write", "unlink")):
                continue
            tables.add(model._table)
            tables.update(
                field.relation
                for field in model._fields.values()
                if field.type == "many2many" and field.store
            )
        return sorted(tables)

    def arguments(self, func, studio):
        """Plausible arguments for the parameters of `func`, by their names."""
        product = self.treatment
        values = {
            "vals": {},
            "vals_list": [{}],
            "reason": "Checked",
            "barcode": f"01{GTIN}17{date.today() + timedelta(days=300):%y%m%d}10"
            f"{studio.skinpro_code[-1]}-CART-LATE",
            "company": studio.id,
            "company_id": studio.id,
            "config_id": studio.skinpro_pos_config_ids[:1].id,
            "product_id": product.id,
            "partner_ids": (self.client_a | self.client_b).ids,
            "partner_id": self.client_a.id,
            "provider_id": self.provider.id,
            "orders": [],
            # Odoo's reads, which the addon overrides to log break-glass reads.
            "specification": {"display_name": {}},
            "domain": [],
            "groupby": ["company_id"],
            "name": "",
            "fields_to_export": ["display_name"],
        }
        parameters = list(inspect.signature(func).parameters.values())[1:]
        return {
            p.name: values.get(p.name)
            for p in parameters
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            and p.default is p.empty
        }

    def record_ids(self, name):
        """[an id of studio A's, an id of studio B's] of the model, or of any
        record of a model without a studio: a record method acts on records."""
        model = self.env[name].sudo().with_context(active_test=False)
        if name == "res.company":
            return [self.studio_a.ids, self.studio_b.ids]
        if "company_id" not in model._fields:
            return [model.search([], limit=1).ids]
        return [
            model.search([("company_id", "=", studio.id)], limit=1).ids
            for studio in (self.studio_a, self.studio_b)
        ]

    def test_no_public_method_writes_what_the_caller_may_not(self):
        outcomes = {}
        for user in (self.portal, self.front_desk):
            api = ExternalApi(self, user)
            tables = self.forbidden_tables(user)
            self.assertIn("skinpro_treatment_session", tables)
            before = table_digests(self.env, tables)
            for name, methods in self.addon_models().items():
                for method, func in sorted(methods.items()):
                    if (name, method) in ODOOS_OWN:
                        continue
                    is_model = getattr(func, "_api_model", False)
                    every_ids = [[]] if is_model else self.record_ids(name)
                    for ids in filter(lambda ids: ids or is_model, every_ids):
                        kwargs = self.arguments(func, self.studio_a)
                        with self.subTest(user=user.login, call=f"{name}.{method}"):
                            response = api.call(name, method, ids=ids, **kwargs)
                            status = getattr(response, "status_code", 200)
                            error = status != 200 and response.json()
                            outcomes[(user.login, name, method, str(ids))] = (
                                status,
                                error and error["name"],
                            )
                            # Refused with Odoo's error (access, missing record,
                            # business rule), never a server error.
                            self.assertIn(status, (200, 403, 404, 422), error)
                            after = table_digests(self.env, tables)
                            changed = [t for t in tables if before[t] != after[t]]
                            self.assertFalse(changed, f"{name}.{method}({ids})")
                            before = after
        _logger.info(
            "%s calls: %s",
            len(outcomes),
            sorted(
                Counter((key[0], *value) for key, value in outcomes.items()).items()
            ),
        )
        # The calls reached the methods: each user had some refused, by access.
        refused = [key for key, (status, _name) in outcomes.items() if status == 403]
        self.assertGreater(len(outcomes), 150)
        for login in (self.portal.login, self.front_desk.login):
            self.assertTrue([key for key in refused if key[0] == login])
        # A portal user reaches nothing of a studio's.
        for (login, name, method, ids), (status, _error) in outcomes.items():
            if login == self.portal.login and ids != "[]":
                with self.subTest(portal_call=f"{name}.{method}({ids})"):
                    self.assertIn(status, (403, 404, 422))
