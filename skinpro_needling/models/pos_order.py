# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..rules import depth as depth_rules
from ..rules import screening as screening_rules
from ..rules import state_machine as sm
from .skinpro_state_machine import acting

_lt = LazyTranslate(__name__)

PAID_STATES = ("paid", "done", "invoiced")
# The review of an order: "review" while it is flagged, "clear" otherwise.
REVIEW_MACHINE = sm.Machine(
    state_field="skinpro_needs_review",
    states=("clear", "review"),
    creatable=("clear",),
    actions=(
        sm.Action(
            "action_skinpro_review_done",
            _lt("Review done"),
            sources=("review",),
            target="clear",
        ),
        sm.Action(
            "flag",
            _lt("the server's check of the paid order"),
            sources=("clear",),
            target="review",
            sets=("skinpro_review_reason",),
        ),
    ),
)


class PosOrder(models.Model):
    """The server repeats the front desk's checks on every synced order. A paid order
    is never refused or lost: one that fails them is kept, flagged for review, and
    put before the studio manager as an activity; only the studio manager's review
    clears the flag."""

    _name = "pos.order"
    _inherit = ["pos.order", "mail.activity.mixin", "skinpro.state.machine"]
    _skinpro_machine = REVIEW_MACHINE

    skinpro_needs_review = fields.Boolean(
        string="Needs review", readonly=True, copy=False, index=True
    )
    skinpro_review_reason = fields.Text(string="Why", readonly=True, copy=False)

    def _skinpro_state(self):
        self.ensure_one()
        return "review" if self.skinpro_needs_review else "clear"

    @api.model
    def _skinpro_new_state(self, vals):
        return "review" if vals.get("skinpro_needs_review") else "clear"

    def _skinpro_state_label(self, state):
        return (
            self.env._("flagged for review")
            if state == "review"
            else self.env._("not flagged")
        )

    @api.model
    def sync_from_ui(self, orders):
        self._skinpro_check_references(orders)
        self._skinpro_check_recalled_lots(orders)
        self._skinpro_serialize_sync(orders)
        return super().sync_from_ui(orders)

    @api.model
    def _skinpro_serialize_sync(self, orders):
        """A POS that sends its orders again while the first call still runs must
        not get them saved twice: Odoo looks orders up by uuid, and two calls at
        once both miss it. Both calls update their POS sessions' rows, so
        PostgreSQL fails the later one, Odoo retries it, and the retry finds the
        orders saved."""
        session_ids = sorted({order.get("session_id") for order in orders} - {None})
        if session_ids:
            self.env.cr.execute(
                "UPDATE pos_session SET write_date = write_date WHERE id IN %s",
                [tuple(session_ids)],
            )

    @api.model
    def _skinpro_check_references(self, orders):
        """A client or product the database does not hold (a forged or corrupted
        order) is refused by name before anything is written; the POS keeps the
        order and shows the message."""
        references = {
            "res.partner": {order.get("partner_id") for order in orders},
            "product.product": {
                line[2].get("product_id")
                for order in orders
                for line in order.get("lines") or []
                if len(line) == 3 and isinstance(line[2], dict)
            },
        }
        labels = {
            "res.partner": self.env._("Customer"),
            "product.product": self.env._("Product"),
        }
        # Read with the check, in one query each: what booking a treatment reads
        # next (the client's name and whether it is archived, the studio's time
        # zone for the session's day, the treatment's depth and kit), so a
        # treatment costs few queries more than a plain order.
        fetched = {
            "res.partner": ["name", "active", "tz"],
            "product.product": [
                "skinpro_is_needling",
                "skinpro_course_sessions",
                "skinpro_depth_mm",
                "skinpro_aftercare_kit_id",
            ],
        }
        for model, ids in references.items():
            ids = {i for i in ids if i}
            studio = (
                {self.env.company.partner_id.id} if model == "res.partner" else set()
            )
            found = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search_fetch([("id", "in", list(ids | studio))], fetched[model])
                if ids
                else ()
            )
            unknown = ids - set(found.ids if found else ())
            if unknown:
                raise UserError(
                    self.env._(
                        "%(field)s: no record with id %(ids)s. The order was not "
                        "saved: choose the %(field)s again on the order.",
                        field=labels[model],
                        ids=", ".join(map(str, sorted(unknown))),
                    )
                )

    @api.model
    def _skinpro_check_recalled_lots(self, orders):
        """A line selling a recalled lot is refused by name before anything is
        written; the POS keeps the order and shows the message. No lot, no query."""
        wanted = {
            (line[2].get("product_id"), lot[2].get("lot_name"))
            for order in orders
            for line in order.get("lines") or []
            if len(line) == 3 and isinstance(line[2], dict)
            for lot in line[2].get("pack_lot_ids") or []
            if len(lot) == 3 and isinstance(lot[2], dict) and lot[2].get("lot_name")
        }
        if not wanted:
            return
        recalled = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("skinpro_recalled", "=", True),
                    ("name", "in", [name for _product, name in wanted]),
                    ("product_id", "in", [product for product, _name in wanted]),
                ]
            )
            .filtered(lambda lot: (lot.product_id.id, lot.name) in wanted)
        )
        if recalled:
            raise UserError(
                self.env._(
                    "Lot %(lots)s is recalled (%(reason)s): it cannot be sold. The "
                    "order was not saved: take the item off the order, or choose "
                    "another lot.",
                    lots=", ".join(
                        f"{lot.name} ({lot.product_id.display_name})"
                        for lot in recalled
                    ),
                    reason="; ".join(set(recalled.mapped("skinpro_recall_reason"))),
                )
            )

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in PAID_STATES:
            self._skinpro_register_treatments()
        return order_id

    def _skinpro_register_treatments(self):
        """Paid needling lines become planned sessions (or course credits), once."""
        self.ensure_one()
        lines = self.lines.filtered(
            lambda line: (
                line.product_id.skinpro_is_needling
                and line.qty > 0
                and not line.skinpro_session_ids
                and not line.skinpro_course_ids
            )
        )
        if not lines:
            return
        problems = self._skinpro_problems(lines)
        # A client archived after the POS loaded it: keep the paid order, plan nothing.
        if self.partner_id.active:
            for line in lines:
                line._skinpro_book()
            # The kits handed over and the sessions' booked consumption follow
            # right after the sale.
            self._skinpro_trigger_pos_stock()
        if problems:
            self._skinpro_flag(problems)

    def _skinpro_trigger_pos_stock(self):
        # ir.cron._trigger() without re-reading the cron: one row, and the cron
        # worker woken once the sale is committed.
        cron_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "skinpro_needling.ir_cron_skinpro_pos_stock"
        )
        self.env["ir.cron.trigger"].sudo().create(
            {"cron_id": cron_id, "call_at": fields.Datetime.now()}
        )
        self.env.cr.postcommit.add(self.env["ir.cron"]._notifydb)

    def _skinpro_problems(self, lines):
        studio = self.company_id
        if not self.partner_id:
            return [self.env._("A needling treatment was sold without a client.")]
        if not self.partner_id.active:
            return [
                self.env._(
                    "%(client)s is archived: no session was planned. Restore the "
                    "client, then plan the session.",
                    client=self.partner_id.name,
                )
            ]
        problems = []
        status = self.partner_id.with_company(studio).sudo().skinpro_screening_status
        if status != screening_rules.CLEARED:
            label = dict(
                self.env["res.partner"]
                ._fields["skinpro_screening_status"]
                ._description_selection(self.env)
            )[status]
            problems.append(
                self.env._(
                    "%(client)s was not cleared at %(studio)s when the order was paid "
                    "(screening status: %(status)s).",
                    client=self.partner_id.name,
                    studio=studio.name,
                    status=label,
                )
            )
        for line in lines:
            if line.product_id.skinpro_depth_class(studio) == depth_rules.MEDICAL:
                problems.append(
                    self.env._(
                        "%(treatment)s is medical depth at %(studio)s: it must be "
                        "referred, not sold.",
                        treatment=line.product_id.display_name,
                        studio=studio.name,
                    )
                )
        return problems

    def _skinpro_flag(self, problems):
        reason = "\n".join(problems)
        managers = self.company_id._skinpro_staff(
            "skinpro_needling.group_studio_manager"
        )
        with acting(self):
            self.sudo().write(
                {"skinpro_needs_review": True, "skinpro_review_reason": reason}
            )
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Review paid order %(order)s", order=self.name),
            note=reason,
            user_id=(managers[:1] or self.user_id).id,
        )

    def action_skinpro_review_done(self):
        """The studio manager has reviewed the order: its sessions may start."""
        if not self.env.user.has_group("skinpro_needling.group_studio_manager"):
            raise UserError(
                self.env._("Only a studio manager may clear a flagged order.")
            )
        for order in self.filtered("skinpro_needs_review"):
            with acting(order):
                order.write({"skinpro_needs_review": False})
            order.message_post(
                body=self.env._("Review done by %(user)s.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
            order.activity_ids.action_done()
        return True
