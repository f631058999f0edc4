# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import json
import unittest
from datetime import timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

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


def create_studios(env, vals_list):
    """Studios as a user creates them. Odoo gives a new branch its chain's chart
    of accounts when the creation commits, which a test's transaction never
    does: run what the commit would, or the studio's register cannot open."""
    studios = env["res.company"].create(vals_list)
    env.flush_all()
    env.cr.precommit.run()
    return studios


def skip_without_demo(env):
    """Skip a test whose subject is the demo itself, on a database installed
    without demo data (Odoo's default, and OCA's CI)."""
    if not env.ref("skinpro_needling.studio_salt_lake", raise_if_not_found=False):
        raise unittest.SkipTest(
            "the demo data of skinpro_needling is not installed on this database"
        )


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
        cls.studio_a, cls.studio_b = create_studios(
            cls.env,
            [
                {
                    "name": name,
                    "parent_id": cls.chain.id,
                    "skinpro_code": code,
                    "email": f"{code.lower()}@studio.example",
                }
                | cls.chain_country()
                for name, code in (("Studio A", "STA"), ("Studio B", "STB"))
            ],
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


def create_full_face_catalogue(env):
    """The demo's treatments, without recipes: a full-face micro-needling in
    seven depths (a variant each, in the POS category Treatments) and a course
    of three at 1.0 mm (Courses). Returns (template, course product)."""
    ref = env.ref
    full_face = env["product.template"].create(
        {
            "name": "Full-face micro-needling",
            "type": "service",
            "list_price": 250,
            "skinpro_is_needling": True,
            "available_in_pos": True,
            "pos_categ_ids": [
                Command.set(ref("skinpro_needling.pos_category_treatments").ids)
            ],
            "attribute_line_ids": [
                Command.create(
                    {
                        "attribute_id": ref(
                            "skinpro_needling.attribute_needle_depth"
                        ).id,
                        "value_ids": [
                            Command.set(
                                [
                                    ref(f"skinpro_needling.needle_depth_{d}").id
                                    for d in (
                                        "0_25",
                                        "0_50",
                                        "0_75",
                                        "1_00",
                                        "1_25",
                                        "1_50",
                                        "2_00",
                                    )
                                ]
                            )
                        ],
                    }
                )
            ],
        }
    )
    course = env["product.product"].create(
        {
            "name": "Full-face micro-needling, course of three (1.0 mm)",
            "type": "service",
            "list_price": 650,
            "skinpro_is_needling": True,
            "skinpro_depth_mm": 1.0,
            "skinpro_course_sessions": 3,
            "skinpro_min_spacing_days": 28,
            "available_in_pos": True,
            "pos_categ_ids": [
                Command.set(ref("skinpro_needling.pos_category_courses").ids)
            ],
        }
    )
    return full_face, course


class ExampleChain:
    """The demo chain's records (demo/*.xml), without its generated history, built
    by the test itself in its own transaction: the chain's company with three
    studios (Salt Lake City at 1.5 mm, Phoenix at 0.5 mm, San Diego at 0), a
    practitioner, inventory staff and front desk at Salt Lake City, the
    catalogue, the consumables with their lots (one about to expire at Salt Lake
    City; Phoenix without cartridges), a confirmed screening of each outcome in
    each studio, Emma's course and sessions in every state, two medical providers,
    a referral in each stage and a consultation. Attributes are named as the
    demo's XML ids; names, codes and logins are the test's own, so that the
    chain is built beside the demo on a database that has it."""

    def __init__(self, env):
        self.env = env
        self.chain = env.ref("base.main_company")
        self.admin = env.ref("base.user_admin")
        self._studios()
        self._users()
        self._catalogue()
        self._consumables()
        self._screenings()
        self._providers()
        self._sessions()
        self._referrals()
        self.consultation_new_client = env["crm.lead"].create(
            {
                "name": "New client consultation",
                "type": "lead",
                "contact_name": "Chloe Bennett",
                "email_from": "chloe.bennett@example.com",
                "company_id": self.studio_salt_lake.id,
            }
        )
        # Emma's course session completes once the studio's stock is there.
        self.as_practitioner(self.session_emma_done).action_done()

    def as_practitioner(self, records):
        return records.with_user(self.user_slc_practitioner).with_context(
            allowed_company_ids=self.studio_salt_lake.ids
        )

    def as_admin(self, records):
        return records.with_user(self.admin).with_context(
            allowed_company_ids=self.studios.ids
        )

    def _studios(self):
        us = self.env.ref("base.us")
        self.studio_salt_lake, self.studio_phoenix, self.studio_san_diego = (
            create_studios(
                self.env,
                [
                    {
                        "name": f"Example {city}",
                        "skinpro_code": code,
                        "email": f"{code.lower()}@example-chain.example",
                        "skinpro_max_depth_mm": depth,
                        "parent_id": self.chain.id,
                        "city": city,
                        "country_id": us.id,
                    }
                    for city, code, depth in (
                        ("Salt Lake City", "XSLC", 1.5),
                        ("Phoenix", "XPHX", 0.5),
                        ("San Diego", "XSAN", 0),
                    )
                ],
            )
        )
        self.studios = (
            self.studio_salt_lake | self.studio_phoenix | self.studio_san_diego
        )
        self.studios.action_skinpro_setup_studio()
        # The administrator runs the chain and is a clinician of every studio.
        self.admin.write(
            {
                "company_ids": [Command.link(studio.id) for studio in self.studios],
                "group_ids": [
                    Command.link(
                        self.env.ref("skinpro_needling.group_studio_manager").id
                    )
                ],
            }
        )

    def _users(self):
        users = users_of(
            self.env,
            self.studio_salt_lake,
            {
                "example_frontdesk": "skinpro_needling.group_front_desk,"
                "base.group_partner_manager",
                "example_practitioner": "skinpro_needling.group_practitioner,"
                "base.group_partner_manager",
                "example_inventory": "skinpro_needling.group_inventory",
            },
        )
        for user in users.values():
            user.email = f"{user.login}@example-chain.example"
        self.user_slc_front_desk = users["example_frontdesk"]
        self.user_slc_practitioner = users["example_practitioner"]
        self.user_slc_inventory = users["example_inventory"]

    def _catalogue(self):
        self.product_full_face, self.product_full_face_course = (
            create_full_face_catalogue(self.env)
        )

    def _consumables(self):
        Product = self.env["product.product"]
        storable = {"type": "consu", "is_storable": True}
        lots = {"tracking": "lot", "use_expiration_date": True, "alert_time": 30}
        self.consumable_lidocaine = Product.create(
            {
                "name": "Lidocaine 4% topical cream",
                "uom_id": self.env.ref("uom.product_uom_gram").id,
                "expiration_time": 365,
                "standard_price": 0.40,
                **storable,
                **lots,
            }
        )
        self.consumable_cartridge = Product.create(
            {
                "name": "12-pin needle cartridge (sterile, single use)",
                "expiration_time": 730,
                "standard_price": 6.50,
                "skinpro_needle_configuration": "12-pin",
                "skinpro_cartridge_min_depth_mm": 0.25,
                "skinpro_cartridge_max_depth_mm": 2.5,
                **storable,
                **lots,
            }
        )
        self.consumable_aftercare_kit = Product.create(
            {"name": "Aftercare sample kit", "standard_price": 9.00, **storable}
        )
        self.consumable_finishing_serum = Product.create(
            {
                "name": "Hyaluronic finishing serum, single dose",
                "standard_price": 3.20,
                **storable,
            }
        )
        recipe = [
            Command.create(
                {
                    "sequence": seq,
                    "kind": kind,
                    "component_id": product.id,
                    "quantity": qty,
                }
            )
            for seq, kind, product, qty in (
                (1, "anaesthetic", self.consumable_lidocaine, 5),
                (2, "cartridge", self.consumable_cartridge, 1),
                (3, "kit", self.consumable_aftercare_kit, 1),
                (4, "finishing", self.consumable_finishing_serum, 1),
            )
        ]
        self.product_full_face.skinpro_recipe_ids = recipe
        self.product_full_face_course.product_tmpl_id.skinpro_recipe_ids = recipe
        # A consumable's cost is each company's, as in the demo: every studio's is
        # the chain's, so that Odoo values its stock and consumption at it.
        consumables = (
            self.consumable_lidocaine
            | self.consumable_cartridge
            | self.consumable_aftercare_kit
            | self.consumable_finishing_serum
        )
        for studio in self.studios:
            for product in consumables:
                product.with_company(studio).standard_price = product.standard_price
        central = self.env.ref("stock.warehouse0").lot_stock_id
        slc, phx, san = (
            studio.skinpro_warehouse_id.lot_stock_id for studio in self.studios
        )
        cartridge, lidocaine = self.consumable_cartridge, self.consumable_lidocaine
        kit, serum = self.consumable_aftercare_kit, self.consumable_finishing_serum
        for location, product, qty, lot_name, expires_in_days in (
            (central, cartridge, 400, "C-2611", 500),
            (central, lidocaine, 2000, "L-2611", 330),
            (central, kit, 200, None, None),
            (central, serum, 300, None, None),
            (slc, cartridge, 6, "C-2602", 20),
            (slc, cartridge, 30, "C-2609", 280),
            (slc, lidocaine, 120, "L-2604", 60),
            (slc, lidocaine, 250, "L-2609", 300),
            (slc, kit, 25, None, None),
            (slc, serum, 30, None, None),
            (phx, lidocaine, 150, "L-2605", 120),
            (phx, kit, 15, None, None),
            (phx, serum, 20, None, None),
            (san, cartridge, 20, "C-2607", 200),
            (san, lidocaine, 200, "L-2607", 230),
            (san, kit, 20, None, None),
            (san, serum, 25, None, None),
        ):
            lot = lot_name and self.env["stock.lot"].create(
                {
                    "name": lot_name,
                    "product_id": product.id,
                    "expiration_date": fields.Datetime.now()
                    + timedelta(days=expires_in_days),
                }
            )
            if lot:
                setattr(self, f"lot_{lot_name.lower().replace('-', '_')}", lot)
            self.env["stock.quant"]._update_available_quantity(
                product, location, qty, lot_id=lot or None
            )

    def _screenings(self):
        """In each studio, a client of each outcome: cleared, clearance required
        (blood thinner), deferred (isotretinoin a month ago), refer (pregnancy)."""
        ago = fields.Date.today() - timedelta(days=30)
        outcomes = {
            "cleared": {},
            "clearance": {"blood_thinner": None},
            "deferred": {"isotretinoin_recent": ago},
            "refer": {"pregnancy": None},
        }
        names = {
            "slc": (
                "Emma Larsen",
                "Noah Whitaker",
                "Olivia Jensen",
                "Liam Christensen",
            ),
            "phx": ("Ava Morales", "Mason Reyes", "Sophia Nguyen", "Lucas Carter"),
            "san": ("Isabella Brooks", "Ethan Park", "Mia Alvarez", "James Holloway"),
        }
        screenings = self.env["skinpro.screening"]
        for (key, studio_names), studio in zip(
            names.items(), self.studios, strict=True
        ):
            for (outcome, yes), name in zip(
                outcomes.items(), studio_names, strict=True
            ):
                client = self.env["res.partner"].create(
                    {
                        "name": name,
                        "email": f"{name.lower().replace(' ', '.')}@example.com",
                    }
                )
                screening = self.env["skinpro.screening"].create(
                    {
                        "partner_id": client.id,
                        "company_id": studio.id,
                        "practitioner_id": self.admin.id,
                        "date": fields.Date.today() - timedelta(days=2),
                        "consent_signature": SIGNATURE,
                    }
                )
                for line in screening.answer_ids:
                    code = line.contraindication_id.code
                    if code in yes:
                        line.write({"answer": "yes", "date": yes[code]})
                    else:
                        line.answer = "no"
                setattr(self, f"client_{key}_{outcome}", client)
                setattr(self, f"screening_{key}_{outcome}", screening)
                screenings |= screening
        screenings.action_confirm()

    def _providers(self):
        Partner = self.env["res.partner"]
        self.provider_hart = Partner.create(
            {
                "name": "Dr. Amelia Hart",
                "skinpro_is_medical_provider": True,
                "skinpro_speciality": "Dermatology",
                "city": "Salt Lake City",
                "email": "amelia.hart@example.com",
            }
        )
        self.provider_desert_clinic = Partner.create(
            {
                "name": "Desert Skin Clinic",
                "is_company": True,
                "skinpro_is_medical_provider": True,
                "skinpro_speciality": "Medical aesthetics, deep micro-needling",
                "city": "Phoenix",
                "email": "referrals@desertskin.example.com",
            }
        )

    def _sessions(self):
        """Emma's course of three at Salt Lake City: its first session done today,
        the next planned in four weeks; a single full-face treatment in progress;
        Noah's session cancelled; Ava's planned at Phoenix, medical there."""
        Session = self.env["skinpro.treatment.session"]
        now, today = fields.Datetime.now(), fields.Datetime.today()
        slc = self.studio_salt_lake
        emma = self.client_slc_cleared
        course_product = self.product_full_face_course
        self.course_emma = self.env["skinpro.course"].create(
            {
                "partner_id": emma.id,
                "company_id": slc.id,
                "product_id": course_product.id,
            }
        )
        at_slc = {
            "company_id": slc.id,
            "practitioner_id": self.user_slc_practitioner.id,
        }
        ref = self.env.ref
        self.session_emma_done = Session.create(
            {
                **at_slc,
                "partner_id": emma.id,
                "product_id": course_product.id,
                "course_id": self.course_emma.id,
                "planned_start": now - relativedelta(hours=2),
                "history_reviewed": True,
                "anaesthetic_applied": True,
                "aftercare_handed": True,
                "finishing_product": True,
                "led_microcurrent": True,
                "depth_line_ids": [
                    Command.create(
                        {
                            "area_id": ref("skinpro_needling.area_forehead").id,
                            "depth_mm": 0.5,
                        }
                    ),
                    Command.create(
                        {
                            "area_id": ref("skinpro_needling.area_cheeks_chin").id,
                            "depth_mm": 1.0,
                        }
                    ),
                ],
            }
        )
        self.session_emma_in_progress = Session.create(
            {
                **at_slc,
                "partner_id": emma.id,
                "product_id": self.full_face_variant(1.0).id,
                "planned_start": now,
                "history_reviewed": True,
                "anaesthetic_applied": True,
            }
        )
        self.session_emma_planned = Session.create(
            {
                **at_slc,
                "partner_id": emma.id,
                "product_id": course_product.id,
                "course_id": self.course_emma.id,
                "planned_start": today + relativedelta(days=29, hours=10),
            }
        )
        self.session_noah_cancelled = Session.create(
            {
                **at_slc,
                "partner_id": self.client_slc_clearance.id,
                "product_id": course_product.id,
                "planned_start": today - relativedelta(days=1, hours=-14),
            }
        )
        self.session_ava_planned_medical = Session.create(
            {
                "company_id": self.studio_phoenix.id,
                "practitioner_id": self.admin.id,
                "partner_id": self.client_phx_cleared.id,
                "product_id": course_product.id,
                "planned_start": today + relativedelta(days=2, hours=11),
            }
        )
        started = self.as_practitioner(
            self.session_emma_done | self.session_emma_in_progress
        )
        started.reconfirmation_ids.write({"answer": "no"})
        started.action_start()
        self.as_practitioner(self.session_noah_cancelled).action_cancel()

    def full_face_variant(self, depth_mm):
        return self.product_full_face.product_variant_ids.filtered(
            lambda p: p.skinpro_depth_mm == depth_mm
        )

    def _referrals(self):
        """A referral in each stage: each created to send, then moved by its
        actions, as the administrator."""
        ref = self.env.ref

        def referral(client, studio, **vals):
            return self.env["crm.lead"].create(
                {
                    "name": f"Referral: {client.name}",
                    "type": "opportunity",
                    "skinpro_is_referral": True,
                    "partner_id": client.id,
                    "company_id": studio.id,
                    "team_id": ref("skinpro_needling.crm_team_medical_referrals").id,
                    "stage_id": ref("skinpro_needling.crm_stage_referral_to_send").id,
                    **vals,
                }
            )

        slc, phx = self.studio_salt_lake, self.studio_phoenix
        pregnancy = ref("skinpro_needling.contraindication_pregnancy")
        blood_thinner = ref("skinpro_needling.contraindication_blood_thinner")
        self.referral_to_send = referral(
            self.client_slc_refer,
            slc,
            skinpro_referral_reason="contraindication",
            skinpro_screening_id=self.screening_slc_refer.id,
            skinpro_contraindication_ids=pregnancy.ids,
        )
        self.referral_sent = referral(
            self.client_slc_clearance,
            slc,
            skinpro_provider_id=self.provider_hart.id,
            skinpro_referral_reason="contraindication",
            skinpro_screening_id=self.screening_slc_clearance.id,
            skinpro_contraindication_ids=blood_thinner.ids,
        )
        self.referral_accepted = referral(
            self.client_phx_refer,
            phx,
            skinpro_provider_id=self.provider_desert_clinic.id,
            skinpro_referral_reason="contraindication",
            skinpro_screening_id=self.screening_phx_refer.id,
        )
        self.referral_treated = referral(
            self.client_phx_cleared,
            phx,
            skinpro_provider_id=self.provider_desert_clinic.id,
            skinpro_referral_reason="depth",
            skinpro_depth_requested_mm=1.5,
        )
        self.referral_declined = referral(
            self.client_san_refer,
            self.studio_san_diego,
            skinpro_provider_id=self.provider_hart.id,
            skinpro_referral_reason="client_request",
        )
        self.as_admin(
            self.referral_sent
            | self.referral_accepted
            | self.referral_treated
            | self.referral_declined
        ).action_skinpro_send()
        self.as_admin(
            self.referral_accepted | self.referral_treated
        ).action_skinpro_accept()
        self.as_admin(self.referral_treated).action_skinpro_treated()
        self.as_admin(self.referral_declined).action_skinpro_decline()
