# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.query import Query

from ..rules import screening as rules
from .skinpro_screening import OUTCOMES

# A client without a valid screening whose form arrived from the portal.
RECEIVED = "received"
STATUSES = [
    *OUTCOMES,
    (rules.NONE, "No valid screening"),
    (RECEIVED, "Form received, awaiting review"),
]


class ResPartner(models.Model):
    """A client's screening status: what the front desk may know, never the answers."""

    _inherit = "res.partner"

    skinpro_is_medical_provider = fields.Boolean(
        string="Medical provider",
        help="A physician or clinic the studios refer clients to.",
    )
    skinpro_speciality = fields.Char(string="Speciality")
    # Computed and searched through the screenings the user may read: Odoo
    # answers "has none" on a one2many from every studio's records.
    skinpro_screening_ids = fields.Many2many(
        "skinpro.screening",
        string="Screenings",
        compute="_compute_skinpro_screening_ids",
        search="_search_skinpro_screening_ids",
        groups="skinpro_needling.group_practitioner",
    )
    skinpro_screening_count = fields.Integer(
        compute="_compute_skinpro_screening_count",
        groups="skinpro_needling.group_practitioner",
    )
    skinpro_shared_with_ids = fields.Many2many(
        "res.company",
        "skinpro_partner_shared_studio_rel",
        "partner_id",
        "company_id",
        string="Health record shared with",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
        help="Studios the client shared her health record with from her portal: "
        "their practitioners read it without break-glass.",
    )
    skinpro_screening_status = fields.Selection(
        STATUSES,
        string="Screening status",
        compute="_compute_skinpro_screening_status",
        search="_search_skinpro_screening_status",
        groups="skinpro_needling.group_front_desk",
        help="The outcome of the client's current screening at this studio, read on "
        "today's date.",
    )
    skinpro_screening_valid_until = fields.Date(
        string="Screening valid until",
        compute="_compute_skinpro_screening_status",
        groups="skinpro_needling.group_front_desk",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_skinpro_screening_ids(self):
        screenings = self.env["skinpro.screening"].search(
            [("partner_id", "in", self.ids)]
        )
        for partner in self:
            partner.skinpro_screening_ids = screenings.filtered(
                lambda s, p=partner: s.partner_id == p
            )

    def _search_skinpro_screening_ids(self, operator, value):
        positive = operator in ("in", "any")
        if operator in ("in", "not in"):
            ids = [v for v in value if v]
            if not ids:  # "has no screening": of those the user may read
                positive = not positive
            domain = [("id", "in", ids)] if ids else []
        elif operator in ("any", "not any"):
            domain = value if not isinstance(value, Query) else [("id", "in", value)]
        else:
            return NotImplemented
        screenings = self.env["skinpro.screening"]._search(domain)
        return [
            ("id", "in" if positive else "not in", screenings.subselect("partner_id"))
        ]

    def _compute_skinpro_screening_count(self):
        counts = dict(
            self.env["skinpro.screening"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.skinpro_screening_count = counts.get(partner, 0)

    @api.model
    def _skinpro_current_screenings(self, partner_ids=None):
        """The latest confirmed screening of each client at the current studio, read
        as superuser: only the derived status leaves this method. From the chain's
        company, the chain's own: a studio's clients are the studio's."""
        domain = [("state", "=", "confirmed"), ("company_id", "=", self.env.company.id)]
        if partner_ids is not None:
            domain.append(("partner_id", "in", partner_ids))
        current = {}
        # Read with the search, in one query: every paid treatment asks for it.
        screenings = (
            self.env["skinpro.screening"]
            .sudo()
            .search_fetch(
                domain, ["partner_id", "outcome", "valid_until", "deferred_until"]
            )
        )
        for screening in screenings:
            current.setdefault(screening.partner_id.id, screening)  # newest first
        return current

    @api.model
    def _skinpro_received_forms(self, partner_ids=None):
        """The clients whose form arrived from the portal at the current studio and
        awaits a practitioner's review."""
        domain = [
            ("state", "=", "draft"),
            ("form_received_on", "!=", False),
            ("company_id", "=", self.env.company.id),
        ]
        if partner_ids is not None:
            domain.append(("partner_id", "in", partner_ids))
        return set(self.env["skinpro.screening"].sudo().search(domain).partner_id.ids)

    @api.depends_context("company")
    def _compute_skinpro_screening_status(self):
        today = fields.Date.context_today(self)
        current = self._skinpro_current_screenings(self.ids)
        statuses = {
            partner.id: current[partner.id]._skinpro_status_on(today)
            if partner.id in current
            else rules.NONE
            for partner in self
        }
        # Only a client without a valid screening may have a form awaiting review.
        unscreened = [pid for pid, status in statuses.items() if status == rules.NONE]
        received = self._skinpro_received_forms(unscreened) if unscreened else set()
        for partner in self:
            screening = current.get(partner.id)
            status = statuses[partner.id]
            if status == rules.NONE and partner.id in received:
                status = RECEIVED
            partner.skinpro_screening_status = status
            partner.skinpro_screening_valid_until = (
                status != RECEIVED and screening and screening.valid_until
            )

    def _search_skinpro_screening_status(self, operator, value):
        # Odoo checks the field's groups on a read, not on a search by its method.
        self._check_field_access(self._fields["skinpro_screening_status"], "read")
        if operator not in ("=", "!=", "in", "not in"):
            return [("id", "=", False)] if operator != "!=" else []
        wanted = {value} if isinstance(value, str) else set(value or [])
        today = fields.Date.context_today(self)
        status = {
            partner_id: screening._skinpro_status_on(today)
            for partner_id, screening in self._skinpro_current_screenings().items()
        }
        for partner_id in self._skinpro_received_forms():
            if status.get(partner_id, rules.NONE) == rules.NONE:
                status[partner_id] = RECEIVED
        matching = [pid for pid, st in status.items() if st in wanted]
        negate = operator in ("!=", "not in")
        if rules.NONE in wanted:
            # Clients without a valid screening: all but those with another status.
            others = [pid for pid, st in status.items() if st not in wanted]
            return [("id", "in" if negate else "not in", others)]
        return [("id", "not in" if negate else "in", matching)]

    @api.model
    def _load_pos_data_fields(self, config):
        # The POS gets the derived status only: never the screening or its answers;
        # and only the front desk's (a POS user of no studio role reads none).
        fnames = super()._load_pos_data_fields(config)
        if not self.env.user.has_group("skinpro_needling.group_front_desk"):
            return fnames
        return [*fnames, "skinpro_screening_status", "skinpro_screening_valid_until"]

    def action_skinpro_send_screening_invitation(self):
        """Invite the client to fill in the screening online before the visit. The
        front desk may too, when booking: the draft screening is made and mailed as
        the system, and the front desk reads none of it (only the client's status)."""
        self.ensure_one()
        # A practitioner is front desk too.
        if not self.env.user.has_group("skinpro_needling.group_front_desk"):
            raise AccessError(
                self.env._("Only the front desk or a practitioner may invite a client.")
            )
        Screening = self.env["skinpro.screening"]
        if not self.env.user.has_group("skinpro_needling.group_practitioner"):
            Screening = Screening.sudo()
        Screening._skinpro_invitation_screening(
            self, self.env.company
        ).action_send_invitation()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(client)s was mailed a link to the screening form (%(email)s).",
                    client=self.name,
                    email=self.email,
                ),
            },
        }

    def action_skinpro_screenings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "skinpro_needling.skinpro_screening_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_skinpro_break_glass(self, reason):
        """Read-only access, for a short time, to this client's screenings,
        sessions and clearances held by the other studios of the chain, for the
        practitioner asking, with a reason. Returns the `skinpro.break.glass`."""
        self.ensure_one()
        return self.env["skinpro.break.glass"]._skinpro_grant(self, reason)

    def action_skinpro_break_glass_request(self):
        """The form asking the practitioner's reason."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Break-glass access"),
            "res_model": "skinpro.break.glass.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_skinpro_export_data(self):
        """The client's data (GDPR art. 15 and 20): every record of hers in the
        chain, as a PDF and a JSON file on a `skinpro.client.request` (studio
        managers)."""
        self.ensure_one()
        request = self.env["skinpro.client.request"]._skinpro_export(self)
        return request.action_skinpro_open()

    def action_skinpro_erase_data(self):
        """The client's erasure request (GDPR art. 17): what may go is erased or
        anonymised at once, what must be kept is listed in the answer."""
        self.ensure_one()
        request = self.env["skinpro.client.request"]._skinpro_erase(self)
        return request.action_skinpro_open()

    def _skinpro_share_with(self, studios):
        """The client's own choice, from her portal: logged on her record."""
        self.ensure_one()
        before = self.skinpro_shared_with_ids
        self.skinpro_shared_with_ids = [fields.Command.set(studios.ids)]
        if before != studios:
            self.message_post(
                body=self.env._(
                    "Health record shared by the client with: %(studios)s",
                    studios=", ".join(studios.mapped("name"))
                    or self.env._("no studio"),
                ),
                subtype_xmlid="mail.mt_note",
            )

    # --- photo consent by scope ------------------------------------------------------
    # The clinical record's consent is signed on the screening (and its withdrawal
    # deletes every photo); marketing use is a consent of its own, given and
    # withdrawn here or on the portal, each change in the client's chatter. The
    # marketing gallery reads it live: a withdrawal takes the client out at once.
    skinpro_marketing_photo_consent = fields.Boolean(
        string="Marketing photo consent",
        readonly=True,
        tracking=True,
        groups="skinpro_needling.group_practitioner",
        help="The client agreed in writing that her before/after photos are used "
        "in the chain's marketing, until she withdraws it.",
    )
    skinpro_marketing_consent_on = fields.Datetime(
        string="Marketing consent given",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
    )
    skinpro_marketing_consent_withdrawn_on = fields.Datetime(
        string="Marketing consent withdrawn",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
    )

    def _skinpro_check_consent_taker(self):
        if not self.env.user.has_group("skinpro_needling.group_practitioner"):
            raise UserError(
                self.env._("Only a practitioner records a client's photo consent.")
            )

    def action_skinpro_give_marketing_consent(self):
        """The client gave written consent to the marketing use of her photos."""
        self._skinpro_check_consent_taker()
        self.sudo()._skinpro_set_marketing_consent(True)
        return True

    def action_skinpro_withdraw_marketing_consent(self):
        """The client withdrew the marketing use of her photos: the gallery no
        longer shows them, anywhere; her clinical photos stay."""
        self._skinpro_check_consent_taker()
        self.sudo()._skinpro_set_marketing_consent(False)
        return True

    def _skinpro_set_marketing_consent(self, given):
        now = fields.Datetime.now()
        for partner in self:
            if partner.skinpro_marketing_photo_consent == given:
                continue
            if given:
                values = {
                    "skinpro_marketing_photo_consent": True,
                    "skinpro_marketing_consent_on": now,
                    "skinpro_marketing_consent_withdrawn_on": False,
                }
                text = self.env._("Marketing photo consent given.")
            else:
                values = {
                    "skinpro_marketing_photo_consent": False,
                    "skinpro_marketing_consent_withdrawn_on": now,
                }
                text = self.env._(
                    "Marketing photo consent withdrawn: the client's photos left "
                    "the marketing gallery."
                )
            partner.write(values)
            partner.message_post(
                body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
            )

    def action_skinpro_compare_photos(self):
        """The client's photos, by angle across sessions, side by side."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "skinpro_photo_compare",
            "name": self.env._("Compare photos"),
            "params": {"partner_id": self.id},
        }
