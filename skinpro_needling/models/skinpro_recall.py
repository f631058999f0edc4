# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.models import to_record_ids
from odoo.tools.translate import LazyTranslate

from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

RECALLERS = ("skinpro_needling.group_inventory", "skinpro_needling.group_chain_manager")

RECALL_MACHINE = sm.Machine(
    state_field="state",
    states=("open", "closed"),
    creatable=("open",),
    deletable=(),
    actions=(
        sm.Action(
            "action_close", _lt("Close the recall"), sources=("open",), target="closed"
        ),
        sm.Action(
            "recall",
            _lt("the lot's recall"),
            sources=("open",),
            sets=(
                "studio_ids",
                "notice_ids",
                "quarantine_move_ids",
            ),
        ),
    ),
    locks={
        "open": sm.Lock(("lot_id", "reason", "date", "user_id", "chain_id")),
        "closed": sm.Lock(sm.ALL),
    },
)


class SkinproRecall(models.Model):
    """A manufacturer's recall of a lot, run at once in every studio of the chain:
    the lot is blocked (nothing reserves, consumes or sells it), every warehouse's
    stock of it moves to its recall quarantine, every client treated with it gets a
    notice (a mail with no health detail) and their next planned session is held
    for a practitioner's review. Its studio lines follow the progress.

    It knows who was treated with the lot and no more: no screening, depth or
    adverse event."""

    _name = "skinpro.recall"
    _description = "Lot recall"
    _inherit = ["mail.thread", "skinpro.state.machine"]
    _skinpro_machine = RECALL_MACHINE
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    lot_id = fields.Many2one(
        "stock.lot", required=True, index=True, ondelete="restrict"
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True)
    reason = fields.Text(
        required=True,
        tracking=True,
        help="The manufacturer's reason, as the clients' notice will quote it.",
    )
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recalled by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    # The chain's, not a studio's: every studio of the chain sees it.
    chain_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company._skinpro_chain(),
        readonly=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    # Who was treated with the lot is health data: the lists are kept per studio
    # (studio_ids) for its clinical roles; these read the lines the user may
    # read, so that a studio sees its own clients and sessions only.
    session_ids = fields.Many2many(
        "skinpro.treatment.session",
        string="Sessions that used the lot",
        compute="_compute_treated",
        search="_search_session_ids",
        groups="skinpro_needling.group_practitioner",
    )
    held_session_ids = fields.Many2many(
        "skinpro.treatment.session",
        string="Sessions held for review",
        compute="_compute_treated",
        search="_search_held_session_ids",
        groups="skinpro_needling.group_practitioner",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Clients treated with it",
        compute="_compute_treated",
        search="_search_partner_ids",
        groups="skinpro_needling.group_practitioner",
    )
    studio_ids = fields.One2many(
        "skinpro.recall.studio", "recall_id", string="Studios", readonly=True
    )
    notice_ids = fields.One2many(
        "skinpro.recall.notice",
        "recall_id",
        string="Client notices",
        readonly=True,
        groups="skinpro_needling.group_practitioner",
    )
    quarantine_move_ids = fields.Many2many(
        "stock.move", string="Moves to quarantine", readonly=True
    )
    partner_count = fields.Integer(compute="_compute_progress", string="Clients")
    notified_count = fields.Integer(compute="_compute_progress", string="Notified")
    held_count = fields.Integer(compute="_compute_progress", string="Held sessions")
    reviewed_count = fields.Integer(compute="_compute_progress", string="Reviewed")
    quantity_quarantined = fields.Float(
        compute="_compute_progress",
        string="Quarantined",
        digits="Product Unit of Measure",
    )

    def _check_company_domain(self, companies):
        # The chain's, not a studio's: a studio's records point to the recalls of
        # its chain (its parent companies), as Odoo's parent_of check does.
        if isinstance(companies, str):
            return Domain("chain_id", "=", False) | Domain(
                "chain_id", "parent_of", companies
            )
        studios = self.env["res.company"].sudo().browse(to_record_ids(companies))
        return Domain(
            "chain_id",
            "in",
            [int(p) for s in studios for p in s.parent_path.split("/")[:-1]] + [False],
        )

    @api.depends("lot_id.name", "product_id.name")
    def _compute_name(self):
        for recall in self:
            recall.name = self.env._(
                "Recall of %(lot)s (%(product)s)",
                lot=recall.lot_id.name,
                product=recall.product_id.name,
            )

    @api.depends("studio_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_treated(self):
        # Searched, not read from studio_ids: a search applies the lines' rule
        # (the user's studios) whatever another user left in the cache.
        all_lines = self.env["skinpro.recall.studio"].search(
            [("recall_id", "in", self.ids)]
        )
        for recall in self:
            lines = all_lines.filtered(lambda line, r=recall: line.recall_id == r)
            recall.session_ids = lines.session_ids
            recall.held_session_ids = lines.held_session_ids
            recall.partner_ids = lines.partner_ids

    def _search_session_ids(self, operator, value):
        return [("studio_ids.session_ids", operator, value)]

    def _search_held_session_ids(self, operator, value):
        return [("studio_ids.held_session_ids", operator, value)]

    def _search_partner_ids(self, operator, value):
        return [("studio_ids.partner_ids", operator, value)]

    @api.depends("studio_ids")
    def _compute_progress(self):
        # The chain's counts: no client, no session.
        for recall in self:
            lines = recall.sudo().studio_ids
            recall.partner_count = len(lines.partner_ids)
            recall.notified_count = sum(lines.mapped("notified_count"))
            recall.held_count = sum(lines.mapped("held_count"))
            recall.reviewed_count = sum(lines.mapped("reviewed_count"))
            recall.quantity_quarantined = sum(lines.mapped("quantity_quarantined"))

    @api.model
    def _skinpro_check_recaller(self):
        if not any(self.env.user.has_group(group) for group in RECALLERS):
            raise AccessError(
                self.env._(
                    "Only inventory staff or a chain manager may recall a lot: ask "
                    "them to do it."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Creating a recall runs it, as the system: a recall reaches every
        studio. The lot's form opens a new recall; its Save is the recall."""
        self._skinpro_check_recaller()
        recalls = self.browse()
        for vals in vals_list:
            lot = self.env["stock.lot"].sudo().browse(vals.get("lot_id"))
            reason = (vals.get("reason") or "").strip()
            if not reason:
                raise UserError(
                    self.env._(
                        "Recall of %(lot)s: give the manufacturer's reason; the "
                        "clients' notice quotes it.",
                        lot=lot.name,
                    )
                )
            quants = self.sudo()._skinpro_lock(lot)
            if lot.skinpro_recalled:
                raise UserError(
                    self.env._(
                        "Lot %(lot)s of %(product)s is already recalled (%(recall)s).",
                        lot=lot.name,
                        product=lot.product_id.display_name,
                        recall=lot.skinpro_recall_id.name,
                    )
                )
            with acting(self):
                recall = super(SkinproRecall, self.sudo()).create(
                    [{"lot_id": lot.id, "reason": reason}]
                )
            recall._skinpro_execute(lot, quants)
            recalls |= recall
        return recalls.with_env(self.env)

    def _skinpro_execute(self, lot, quants):
        """Block, quarantine, list, hold and notify: the recall's work."""
        self.ensure_one()
        lot._skinpro_mark_recalled(self)
        quarantined = self._skinpro_quarantine(quants)
        sessions = lot.skinpro_session_ids.filtered(lambda s: s.state == "done")
        held = self._skinpro_hold_next_sessions(sessions.partner_id)
        studios = (
            sessions.company_id
            | held.company_id
            | self.env["res.company"].browse(list(quarantined))
        )
        with acting(self):
            self.write(
                {
                    "studio_ids": [
                        Command.create(
                            {
                                "company_id": studio.id,
                                "quantity_quarantined": quarantined.get(studio.id, 0),
                                "session_ids": [Command.set(at_studio.ids)],
                                "held_session_ids": [
                                    Command.set(
                                        held.filtered(
                                            lambda s, c=studio: s.company_id == c
                                        ).ids
                                    )
                                ],
                                "partner_ids": [Command.set(at_studio.partner_id.ids)],
                            }
                        )
                        for studio in studios
                        for at_studio in [
                            sessions.filtered(lambda s, c=studio: s.company_id == c)
                        ]
                    ],
                }
            )
        self._skinpro_notify(sessions)
        self.message_post(
            body=self.env._(
                "%(product)s lot %(lot)s recalled by %(user)s: %(clients)s client(s) "
                "to notify, %(held)s session(s) held, %(qty)s %(uom)s quarantined.",
                product=lot.product_id.display_name,
                lot=lot.name,
                user=self.env.user.name,
                clients=len(sessions.partner_id),
                held=len(held),
                qty=f"{sum(quarantined.values()):g}",
                uom=lot.product_id.uom_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return self

    @api.model
    def _skinpro_lock(self, lot):
        """Lock the lot's quants, then the lot, as a session's consumption locks
        its quants before it writes the lot: a consumption running now makes the
        recall wait and retry, and the recall makes a consumption wait, retry and
        find the lot recalled. Returns the lot's quants."""
        self.env.cr.execute(
            "SELECT id FROM stock_quant WHERE lot_id = %s"
            " ORDER BY id FOR NO KEY UPDATE",
            [lot.id],
        )
        quant_ids = [row[0] for row in self.env.cr.fetchall()]
        self.env.cr.execute(
            "SELECT id FROM stock_lot WHERE id = %s FOR NO KEY UPDATE", [lot.id]
        )
        lot.invalidate_recordset()
        return self.env["stock.quant"].browse(quant_ids)

    def _skinpro_quarantine(self, quants):
        """Every warehouse's stock of the lot moves to its recall quarantine, as
        Odoo relocates quants; what was reserved on it is reserved again on other
        lots. Returns {studio id: quantity}."""
        self.ensure_one()
        quants = quants.filtered(
            lambda q: (
                q.location_id.usage == "internal"
                and not q.location_id.skinpro_quarantine
                and q.warehouse_id.skinpro_quarantine_location_id
            )
        )
        reserved = self.env["stock.move.line"].search(
            [
                ("lot_id", "=", self.lot_id.id),
                ("state", "not in", ("done", "cancel")),
                ("location_id", "in", quants.location_id.ids),
            ]
        )
        moves = reserved.move_id
        moves._do_unreserve()
        quarantined = {}
        for warehouse in quants.warehouse_id:
            in_stock = quants.filtered(
                lambda q, w=warehouse: (
                    q.warehouse_id == w and q.product_uom_id.compare(q.quantity, 0) > 0
                )
            )
            if not in_stock:
                continue
            # As stock.quant's move_quants (Odoo's relocation) does, keeping the
            # moves to show them on the recall.
            new_moves = self.env["stock.move"].create(
                [
                    quant.with_context(
                        inventory_name=self.name
                    )._get_inventory_move_values(
                        quant.quantity,
                        quant.location_id,
                        warehouse.skinpro_quarantine_location_id,
                        quant.package_id,
                        quant.package_id,
                    )
                    for quant in in_stock
                ]
            )
            new_moves._action_done()
            with acting(self):
                self.write(
                    {"quarantine_move_ids": [Command.link(m.id) for m in new_moves]}
                )
            studio = warehouse.company_id
            quarantined[studio.id] = quarantined.get(studio.id, 0) + sum(
                new_moves.mapped("quantity")
            )
        moves._action_assign()
        return quarantined

    def _skinpro_hold_next_sessions(self, clients):
        """Each client's next planned session, held for a practitioner's review."""
        self.ensure_one()
        held = self.env["skinpro.treatment.session"]
        for client in clients:
            session = held.search(
                [("partner_id", "=", client.id), ("state", "=", "planned")],
                order="planned_start, id",
                limit=1,
            )
            if session:
                session._skinpro_hold_for_recall(self)
                held |= session
        return held

    def _skinpro_notify(self, sessions):
        """One notice per client, from the studio that last treated them with the
        lot, mailed from the editable template."""
        self.ensure_one()
        # No creation note: its author, the user who recalled, would read it.
        Notice = self.env["skinpro.recall.notice"].with_context(mail_create_nolog=True)
        template = self.env.ref("skinpro_needling.mail_template_recall_notice")
        for client in sessions.partner_id:
            last = sessions.filtered(lambda s, c=client: s.partner_id == c).sorted(
                lambda s: s.date_end or s.planned_start
            )[-1:]
            notice = Notice.create(
                {
                    "recall_id": self.id,
                    "partner_id": client.id,
                    "company_id": last.company_id.id,
                }
            )
            # Sent by the system from the studio's address, not by the user who
            # recalled: an author reads their messages, and who was treated is
            # none of theirs.
            notice.with_user(SUPERUSER_ID).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                partner_ids=client.ids,
            )

    def action_close(self):
        """The recall's work is done in every studio."""
        self._skinpro_check_recaller()
        with acting(self):
            self.write({"state": "closed"})
        return True

    def action_open_lot(self):
        self.ensure_one()
        return self.lot_id.get_formview_action()
