# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

TEMPLATE = Path(__file__).parent.parent / "i18n" / "skinpro_needling.pot"


def terms(pot):
    """The template without its header, which carries the export's date."""
    return pot[pot.index("#. module:") :]


@tagged("post_install", "-at_install")
class TestTranslationTemplate(TransactionCase):
    def test_the_template_holds_every_term_of_the_code_and_data(self):
        exported = io.BytesIO()
        trans_export(None, ["skinpro_needling"], exported, "po", self.env)
        self.assertEqual(
            terms(TEMPLATE.read_text()),
            terms(exported.getvalue().decode()),
            "i18n/skinpro_needling.pot is stale: export it again with "
            "`odoo i18n export -d DB skinpro_needling` on a database with the demo",
        )
