# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from html import escape

from odoo import api, fields, models
from odoo.exceptions import AccessError

# Every record of a client in the chain, by model, and the path to her. A model
# that points to a client is listed here (tests/test_client_rights.py compares
# this list with the registry).
CLIENT_DATA = [
    ("res.partner", "id"),
    ("skinpro.screening", "partner_id"),
    ("skinpro.screening.answer", "screening_id.partner_id"),
    ("skinpro.screening.clearance", "screening_id.partner_id"),
    ("skinpro.treatment.session", "partner_id"),
    ("skinpro.session.depth", "session_id.partner_id"),
    ("skinpro.session.reconfirmation", "session_id.partner_id"),
    ("skinpro.course", "partner_id"),
    ("crm.lead", "partner_id"),
    ("skinpro.recall.notice", "partner_id"),
    ("skinpro.break.glass", "partner_id"),
    ("skinpro.break.glass.read", "grant_id.partner_id"),
    ("pos.order", "partner_id"),
    ("pos.order.line", "order_id.partner_id"),
    ("account.move", "partner_id"),
    ("stock.picking", "partner_id"),
    ("skinpro.client.request", "partner_id"),
]
# Who handled a record and the system's own bookkeeping are no data of hers;
# tokens open her links and stay secret.
SKIPPED = {"create_uid", "write_uid", "create_date", "write_date", "display_name"}
SKIPPED_PREFIXES = ("message_", "activity_", "website_message", "access_")
SKIPPED_SUFFIXES = ("_token",)


class SkinproClientRequest(models.Model):
    """A client's request under data protection law, handled by a studio
    manager from the client's form: her data (art. 15 and 20: a PDF and a JSON
    file of every record of hers in the chain) or their erasure (art. 17: what may
    go is erased or anonymised at once, what must be kept is kept and listed in the
    answer)."""

    _name = "skinpro.client.request"
    _description = "Client's data protection request"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, readonly=True, index=True
    )
    kind = fields.Selection(
        [("export", "Her data (access, portability)"), ("erasure", "Erasure")],
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Handled by", required=True, readonly=True
    )
    user_id = fields.Many2one("res.users", string="Handled by user", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)
    answer = fields.Html(
        readonly=True,
        help="What was done, and what is kept and why: sent to the client.",
    )
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        domain=[("res_model", "=", "skinpro.client.request")],
        string="Files",
        readonly=True,
    )

    @api.model
    def _skinpro_check_manager(self):
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise AccessError(
                self.env._("Only a studio manager may handle a client's request.")
            )

    @api.model
    def _skinpro_client_records(self, client):
        """{model: records} of every record of the client in the chain."""
        found = {}
        for model, path in CLIENT_DATA:
            if model not in self.env:
                continue
            Model = self.env[model].sudo().with_context(active_test=False)
            found[model] = Model.search([(path, "=", client.id)], order="id")
        return found

    @api.model
    def _skinpro_exported_fields(self, Model):
        return [
            name
            for name, field in Model._fields.items()
            if field.store
            and field.type != "one2many"
            and name not in SKIPPED
            and not name.startswith(SKIPPED_PREFIXES)
            and not name.endswith(SKIPPED_SUFFIXES)
        ]

    @api.model
    def _skinpro_client_data(self, client):
        """{model: [{field: value}]}: her data, as JSON holds it."""
        data = {}
        for model, records in self._skinpro_client_records(client).items():
            fnames = self._skinpro_exported_fields(records)
            rows = []
            for values in records.read(fnames):
                rows.append(
                    {
                        name: self._skinpro_json_value(records._fields[name], value)
                        for name, value in values.items()
                    }
                )
            data[model] = rows
        return data

    @staticmethod
    def _skinpro_json_value(field, value):
        if field.type == "many2one":
            return value and {"id": value[0], "name": value[1]}
        if isinstance(value, bytes):
            return value.decode()
        if field.type in ("date", "datetime") and value:
            return (
                fields.Datetime.to_string(value)
                if field.type == "datetime"
                else (fields.Date.to_string(value))
            )
        return value

    @api.model
    def _skinpro_pdf_sections(self, data):
        """[(kind of record, [[(field, text)]])]: the JSON's content as the PDF
        prints it."""

        def text(value):
            if isinstance(value, dict):
                return value.get("name") or ""
            if isinstance(value, str) and len(value) > 400:
                return self.env._("(file)")
            return str(value)

        return [
            (
                self.env["ir.model"]._get(model).name,
                [
                    [
                        (key, text(value))
                        for key, value in row.items()
                        if value not in (False, None, [], "")
                    ]
                    for row in rows
                ],
            )
            for model, rows in data.items()
        ]

    @api.model
    def _skinpro_export(self, client):
        """The request with her data attached, a PDF and a JSON file."""
        self._skinpro_check_manager()
        data = self._skinpro_client_data(client)
        request = self.sudo().create(
            {
                "partner_id": client.id,
                "kind": "export",
                "company_id": self.env.company.id,
                "user_id": self.env.uid,
            }
        )
        pdf, _type = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "skinpro_needling.action_report_skinpro_client_data",
                res_ids=request.ids,
                data={
                    "sections": self._skinpro_pdf_sections(data),
                    "client": client.name,
                },
            )
        )
        stem = f"client-data-{client.id}"
        self.env["ir.attachment"].sudo().create(
            [
                {
                    "name": f"{stem}.json",
                    "raw": json.dumps(
                        {"client": client.name, "records": data},
                        indent=2,
                        ensure_ascii=False,
                        default=str,
                    ).encode(),
                    "mimetype": "application/json",
                    "res_model": self._name,
                    "res_id": request.id,
                },
                {
                    "name": f"{stem}.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": request.id,
                },
            ]
        )
        request.answer = self.env._(
            "<p>Every record of %(client)s held by the chain: %(count)s record(s), "
            "attached as a PDF and a JSON file.</p>",
            client=client.name,
            count=sum(len(rows) for rows in data.values()),
        )
        return request.with_env(self.env)

    @api.model
    def _skinpro_erase(self, client):
        """Erase or anonymise at once what the law lets go; keep what must be
        kept, and say so in the answer to the client."""
        self._skinpro_check_manager()
        records = self._skinpro_client_records(client)
        clinical = sum(
            len(records[model])
            for model in (
                "skinpro.screening",
                "skinpro.treatment.session",
                "skinpro.screening.clearance",
            )
        )
        referrals = records["crm.lead"].filtered("skinpro_is_referral")
        accounting = len(records["pos.order"]) + len(records.get("account.move", []))
        erased, kept = [], []
        # Marketing: consultations (prospecting leads), followers, invitations.
        consultations = records["crm.lead"] - referrals
        if consultations:
            erased.append(
                self.env._("%(count)s consultation(s)", count=len(consultations))
            )
            consultations.unlink()
        followers = (
            self.env["mail.followers"].sudo().search([("partner_id", "=", client.id)])
        )
        if followers:
            erased.append(
                self.env._("following %(count)s record(s)", count=len(followers))
            )
            followers.unlink()
        drafts = records["skinpro.screening"].filtered(
            lambda s: s.state == "draft" and s.access_token
        )
        if drafts:
            drafts.action_revoke_invitation()
            erased.append(self.env._("open screening invitations"))
        # Contact details: the name stays while a record must be kept, the
        # address while accounting must be kept.
        contact = {
            "email": False,
            "phone": False,
            "comment": False,
            "image_1920": False,
            "website": False,
            "function": False,
            "title": False,
        }
        if not accounting:
            contact.update(
                street=False, street2=False, zip=False, city=False, vat=False
            )
        if not (clinical or referrals or accounting):
            contact.update(
                name=self.env._("Erased client %(id)s", id=client.id), active=False
            )
            erased.append(self.env._("name and every contact detail"))
        else:
            erased.append(
                self.env._("contact details (e-mail, phone)")
                if accounting
                else self.env._("contact details (e-mail, phone, address)")
            )
        client.sudo().write({k: v for k, v in contact.items() if k in client._fields})
        chain = self.env.company._skinpro_chain()
        if clinical or referrals:
            kept.append(
                self.env._(
                    "the health record (%(count)s screening(s), session(s) and "
                    "clearance(s), %(referrals)s referral(s)) and the name it is "
                    "filed under: clinical records are kept for their retention "
                    "period (%(years)s)",
                    count=clinical,
                    referrals=len(referrals),
                    years=self.env._("%(n)s years", n=chain.skinpro_retention_years)
                    if chain.skinpro_retention_years
                    else self.env._("the chain's clinical retention policy"),
                )
            )
        if accounting:
            kept.append(
                self.env._(
                    "%(count)s sale(s) and invoice(s), with the name and address "
                    "on them: accounting records are kept as the law requires",
                    count=accounting,
                )
            )
        if records["skinpro.recall.notice"]:
            kept.append(
                self.env._(
                    "%(count)s product recall notice(s): kept for product safety",
                    count=len(records["skinpro.recall.notice"]),
                )
            )
        request = self.sudo().create(
            {
                "partner_id": client.id,
                "kind": "erasure",
                "company_id": self.env.company.id,
                "user_id": self.env.uid,
                "answer": self._skinpro_erasure_answer(erased, kept),
            }
        )
        return request.with_env(self.env)

    def _skinpro_erasure_answer(self, erased, kept):
        def items(lines):
            return "".join(f"<li>{escape(line)}</li>" for line in lines)

        answer = (
            self.env._("<p>Erased or anonymised:</p>") + f"<ul>{items(erased)}</ul>"
        )
        if kept:
            answer += self.env._("<p>Kept, and why:</p>") + f"<ul>{items(kept)}</ul>"
        return answer

    def action_skinpro_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
