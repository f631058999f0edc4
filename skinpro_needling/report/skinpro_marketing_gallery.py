# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL


class SkinproMarketingGallery(models.Model):
    """Before/after pairs the chain may use in its marketing: per client and
    angle, the first before photo and the last follow-up photo, of clients who
    gave marketing consent and did not withdraw it. A view on the live consent: a
    withdrawal empties it of the client at the next read. It names no client."""

    _name = "skinpro.marketing.gallery"
    _description = "Marketing gallery"
    _auto = False
    # The image widget asks for write_date: the view gives the photos' own.
    _log_access = True
    _order = "after_on desc, id desc"

    company_id = fields.Many2one("res.company", string="Studio", readonly=True)
    angle = fields.Many2one("skinpro.photo.angle", readonly=True)
    before_on = fields.Datetime(string="Before", readonly=True)
    after_on = fields.Datetime(string="After", readonly=True)
    # Ids, not links: the pair shows the photos, never the client they point to.
    before_ref = fields.Integer(readonly=True)
    after_ref = fields.Integer(readonly=True)
    before_image = fields.Binary(compute="_compute_images", string="Before photo")
    after_image = fields.Binary(compute="_compute_images", string="After photo")

    @api.depends("before_ref", "after_ref")
    def _compute_images(self):
        Photo = self.env["skinpro.photo"].sudo()
        for pair in self:
            pair.before_image = Photo.browse(pair.before_ref).image_1024
            pair.after_image = Photo.browse(pair.after_ref).image_1024

    @property
    def _table_query(self):
        return SQL(
            """
            WITH firsts AS (
                SELECT DISTINCT ON (partner_id, angle)
                       id, partner_id, angle, company_id, taken_on,
                       create_uid, create_date, write_uid, write_date
                  FROM skinpro_photo
                 WHERE phase = 'before' AND angle IS NOT NULL
              ORDER BY partner_id, angle, taken_on, id
            ), lasts AS (
                SELECT DISTINCT ON (partner_id, angle)
                       id, partner_id, angle, taken_on, write_uid, write_date
                  FROM skinpro_photo
                 WHERE phase = 'after' AND angle IS NOT NULL
              ORDER BY partner_id, angle, taken_on DESC, id DESC
            )
            SELECT firsts.id AS id,
                   firsts.company_id AS company_id,
                   firsts.angle AS angle,
                   firsts.taken_on AS before_on,
                   lasts.taken_on AS after_on,
                   firsts.id AS before_ref,
                   lasts.id AS after_ref,
                   firsts.create_uid AS create_uid,
                   firsts.create_date AS create_date,
                   lasts.write_uid AS write_uid,
                   GREATEST(firsts.write_date, lasts.write_date) AS write_date
              FROM firsts
              JOIN lasts
                ON lasts.partner_id = firsts.partner_id
               AND lasts.angle = firsts.angle
               AND lasts.taken_on > firsts.taken_on
              JOIN res_partner partner ON partner.id = firsts.partner_id
             WHERE partner.skinpro_marketing_photo_consent
            """
        )
