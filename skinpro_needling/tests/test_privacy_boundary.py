# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who was treated, screened or referred stays with the studio that did it.

The sweep finds its fields in the registry: every model of the addon and every
field the addon adds to Odoo's models, each field pointing to a client (to
res.partner, or to a model that points to one: sessions, screenings, notices,
referrals, ...) and each text field that could carry a name; and the chatter's
models on the addon's records. A model added later is swept the same way."""

import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .privacy_common import CLIENT_NAME, PrivacyCase

ADDON = "skinpro_needling"
# The chain's own people and studios are no clients.
NOT_CLIENTS = {"res.users", "res.company"}
TECHNICAL = {"create_uid", "write_uid", "display_name"}
TEXT = {"char", "text", "html"}
RELATIONAL = {"many2one", "many2many", "one2many"}
# The chatter of the addon's records: what a message, follower, activity or
# attachment says of a client.
CHATTER = {
    "mail.message": (
        "model",
        ["body", "subject", "record_name", "partner_ids", "author_id"],
    ),
    "mail.followers": ("res_model", ["partner_id", "display_name"]),
    "mail.activity": ("res_model", ["res_name", "summary", "note"]),
    "ir.attachment": ("res_model", ["name", "res_name"]),
}
REFUSED = (AccessError, UserError, ValueError)
# Odoo's models the addon makes records of a kind of its own: swept whole.
ODOO_RECORDS = ["crm.lead"]


def addon_models(env):
    return sorted(
        name
        for name, model in env.registry.items()
        if model._original_module == ADDON
        and not model._abstract
        and not model._transient
    )


def extended_models(env):
    """Odoo's models the addon adds fields to: {model: [field names]}."""
    own = set(addon_models(env))
    return {
        name: [f.name for f in model._fields.values() if f._module == ADDON]
        for name, model in env.registry.items()
        if name not in own
        and not model._abstract
        and not model._transient
        and any(f._module == ADDON for f in model._fields.values())
    }


def client_paths(env):
    """{model: path to its client}: res.partner, and every swept model with a
    stored many2one to a model already found (to the fixed point)."""
    swept = addon_models(env) + list(extended_models(env)) + ODOO_RECORDS
    paths = {"res.partner": ""}
    grew = True
    while grew:
        grew = False
        for name in swept:
            if name in paths or name in NOT_CLIENTS:
                continue
            for field in env[name]._fields.values():
                if (
                    field.type == "many2one"
                    and field.store
                    and field.name not in TECHNICAL
                    and field.comodel_name in paths
                ):
                    tail = paths[field.comodel_name]
                    paths[name] = f"{field.name}.{tail}" if tail else field.name
                    grew = True
                    break
    return paths


@tagged("post_install", "-at_install")
class TestPrivacyBoundary(PrivacyCase):
    def setUp(self):
        super().setUp()
        self.treat_client_a()
        self.fresh = self.env["res.partner"].create({"name": "Never treated"})
        self.paths = client_paths(self.env)

    # --- what the sweep covers -------------------------------------------------

    def swept_fields(self):
        """{model: [fields]}: fields pointing to a client, and text fields."""
        env = self.env
        extended = extended_models(env)
        swept = {}
        for name in addon_models(env) + list(extended):
            fields_ = (
                list(env[name]._fields)
                if name in ODOO_RECORDS or name not in extended
                else extended[name]
            )
            swept[name] = [
                fname
                for fname in fields_
                for field in [env[name]._fields[fname]]
                if fname not in TECHNICAL
                and (
                    (field.type in RELATIONAL and field.comodel_name in self.paths)
                    or field.type in TEXT
                )
            ]
        for name, (_res_model, fields_) in CHATTER.items():
            swept[name] = fields_
        return {name: fields_ for name, fields_ in swept.items() if fields_}

    def scope(self, model_name):
        if model_name in CHATTER:
            return [(CHATTER[model_name][0], "in", addon_models(self.env))]
        if model_name == "res.partner":
            return [("id", "=", self.client_a.id)]
        return []

    def test_the_sweep_finds_every_model_that_points_to_a_client(self):
        for model in (
            "skinpro.screening",
            "skinpro.screening.answer",
            "skinpro.screening.clearance",
            "skinpro.treatment.session",
            "skinpro.recall.notice",
            "skinpro.recall.studio",
            "crm.lead",
        ):
            self.assertIn(model, self.paths)
        swept = self.swept_fields()
        self.assertIn("partner_ids", swept["skinpro.recall"])
        self.assertIn("partner_ids", swept["skinpro.recall.studio"])
        self.assertIn("partner_id", swept["skinpro.recall.notice"])
        self.assertIn("skinpro_session_ids", swept["stock.lot"])
        self.assertIn("skinpro_screening_ids", swept["res.partner"])

    # --- the doors ---------------------------------------------------------------

    def door(self, call):
        """The answer of a door, or None when it is refused."""
        try:
            with self.env.cr.savepoint():
                return call()
        except REFUSED:
            return None

    def points_to_client(self, field, value):
        """Whether a field's value, as a door gave it, names the client."""
        text = value if isinstance(value, str) else repr(value)
        if CLIENT_NAME in text:
            return True
        if field.type in RELATIONAL and field.comodel_name == "res.partner":
            ids = set()
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, tuple | list) and item:
                    ids.add(item[0])
                elif isinstance(item, int) and not isinstance(item, bool):
                    ids.add(item)
                elif isinstance(item, str):
                    ids.update(int(i) for i in re.findall(r"\d+", item))
            return self.client_a.id in ids
        return False

    @staticmethod
    def companies(user):
        """Every studio of the user ticked, working from their own company."""
        return [user.company_id.id, *(user.company_ids - user.company_id).ids]

    def leaks_of(self, user):
        """Every (model, field, door) that tells `user` of client A."""
        leaks = []
        env = self.env(
            user=user,
            context={"allowed_company_ids": self.companies(user), "active_test": False},
        )
        for model_name, fnames in self.swept_fields().items():
            Model = env[model_name]
            domain = self.scope(model_name)
            records = self.door(lambda M=Model, d=domain: M.search(d))
            if records is None:
                continue
            for fname in fnames:
                field = Model._fields[fname]
                for door, told in self.doors(Model, records, domain, field):
                    if told:
                        leaks.append(f"{user.login}: {model_name}.{fname} ({door})")
        return leaks

    def doors(self, Model, records, domain, field):
        fname = field.name
        # read
        rows = self.door(lambda: records.read([fname]))
        if rows is not None:
            yield "read", any(self.points_to_client(field, r[fname]) for r in rows)
        # search on the field
        if field.store or field.search:
            if field.type in TEXT:
                condition = (fname, "ilike", CLIENT_NAME)
            elif field.comodel_name == "res.partner":
                condition = (fname, "in", self.client_a.ids)
            else:
                path = self.paths[field.comodel_name]
                condition = (f"{fname}.{path}", "in", self.client_a.ids)
            found = self.door(lambda: Model.search(domain + [condition]))
            if found is not None:
                yield "search", bool(found)
        # group by it
        if field.store and field.type not in ("one2many", "text", "html"):
            groups = self.door(
                lambda: Model.formatted_read_group(domain, [fname], ["__count"]),
            )
            if groups is not None:
                yield (
                    "group",
                    any(self.points_to_client(field, g[fname]) for g in groups),
                )
        # export
        columns = [fname, f"{fname}/.id"] if field.type in RELATIONAL else [fname]
        exported = self.door(lambda: records.export_data(columns))
        if exported is not None:
            yield (
                "export",
                any(
                    CLIENT_NAME in str(row[0])
                    or (
                        field.comodel_name == "res.partner"
                        and str(self.client_a.id) in str(row[-1]).split(",")
                    )
                    for row in exported["datas"]
                ),
            )

    def partner_fields_tell(self, user):
        """The addon's fields on the client: read, searched and grouped as `user`,
        client A must look like a client who was never treated anywhere."""
        leaks = []
        env = self.env(user=user, context={"allowed_company_ids": self.companies(user)})
        for fname in extended_models(self.env)["res.partner"]:
            field = env["res.partner"]._fields[fname]

            def answers(client, fname=fname, field=field):
                Partner = env["res.partner"]
                mine = [("id", "=", client.id)]
                out = {
                    "read": self.door(
                        lambda: client.with_env(env).read([fname])[0][fname]
                    )
                }
                if field.type in ("selection", "boolean", "many2one", "one2many"):
                    out["search"] = self.door(
                        lambda: [
                            bool(Partner.search(mine + [(fname, "=", value)]))
                            for value in self.probe_values(field)
                        ],
                    )
                return out

            theirs, fresh = answers(self.client_a), answers(self.fresh)
            if field.type in RELATIONAL and theirs["read"] is not None:
                theirs["read"] = bool(theirs["read"])
                fresh["read"] = bool(fresh["read"])
            if theirs != fresh:
                leaks.append(f"{user.login}: res.partner.{fname} {theirs} != {fresh}")
        return leaks

    @staticmethod
    def probe_values(field):
        if field.type == "selection":
            return [key for key, _label in field.selection]
        return [False]

    # --- the boundary ------------------------------------------------------------

    def test_no_user_of_another_studio_learns_who_was_treated(self):
        others = [
            "b_practitioner",
            "b_manager",
            "b_inventory",
            "b_front_desk",
            "a_inventory",
            "chain_manager",
        ]
        leaks = []
        for login in others:
            leaks += self.leaks_of(self.users[login])
            leaks += self.partner_fields_tell(self.users[login])
        self.assertFalse(leaks, "\n".join(leaks))

    def test_the_sweep_sees_what_the_treating_studio_sees(self):
        # Its doors open for the studio's clinicians: the sweep is not blind.
        leaks = self.leaks_of(self.users["a_practitioner"])
        for expected in (
            "skinpro.recall.partner_ids (read)",
            "skinpro.recall.studio.partner_ids (search)",
            "skinpro.recall.notice.partner_id (group)",
            "skinpro.treatment.session.partner_id (export)",
        ):
            self.assertIn(f"a_practitioner: {expected}", leaks)
        # Referrals: the studio manager reads every lead of the studio.
        self.assertIn(
            "a_manager: crm.lead.partner_id (read)",
            self.leaks_of(self.users["a_manager"]),
        )
        self.assertTrue(self.partner_fields_tell(self.users["a_practitioner"]))

    def test_a_recall_lists_clients_per_studio_for_clinicians_and_counts_for_others(
        self,
    ):
        recall = self.recall
        as_a = recall.with_user(self.users["a_practitioner"])
        self.assertEqual(as_a.partner_ids, self.client_a)
        self.assertEqual(as_a.session_ids, self.session_a)
        self.assertEqual(as_a.held_session_ids, self.next_a)
        self.assertEqual(
            recall.with_user(self.users["b_practitioner"]).partner_ids,
            self.env["res.partner"],
        )
        for login in ("a_inventory", "chain_manager"):
            as_other = recall.with_user(self.users[login])
            self.assertEqual(as_other.partner_count, 1)
            with self.assertRaises(AccessError):
                as_other.read(["partner_ids"])
            with self.assertRaises(AccessError):
                as_other.read(["notice_ids"])
            lines = as_other.studio_ids.with_context(
                allowed_company_ids=self.users[login].company_ids.ids
            )
            line_a = lines.filtered(lambda line: line.company_id == self.studio_a)
            self.assertEqual(
                (line_a.partner_count, line_a.session_count, line_a.held_count),
                (1, 1, 1),
            )
        # Inventory staff handle its stock: the quarantine moves.
        inventory = recall.with_user(self.users["a_inventory"])
        self.assertTrue(inventory.quarantine_move_ids)
        self.assertGreater(inventory.quantity_quarantined, 0)

    def test_another_studios_health_record_prints_nothing_of_this_one(self):
        text = self.health_record("b_practitioner")
        self.assertNotIn(self.treatment.name, text)
        self.assertNotIn(self.studio_a.name, text)
        self.assertIn(self.treatment.name, self.health_record("a_practitioner"))

    def health_record(self, login):
        user = self.users[login]
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_ids.ids)
            ._render_qweb_html(
                "skinpro_needling.report_health_record", self.client_a.ids
            )
        )
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
