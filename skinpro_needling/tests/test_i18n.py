# Copyright 2026 SkinPro Studio
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ADDON = Path(__file__).parent.parent
TEMPLATE = ADDON / "i18n" / "skinpro_needling.pot"
# The demo's records, and the templates Odoo makes for its product variants.
DEMO_RECORDS = {
    xmlid
    for path in (ADDON / "demo").glob("*.xml")
    for xmlid in re.findall(r'<record id="(\w+)"', path.read_text())
}
DEMO_REFERENCE = re.compile(
    r"#: model\S*:[\w.]+,\w+:skinpro_needling\.(\w+?)(?:_product_template)?$"
)


def terms(pot):
    """The template without its header, which carries the export's date, nor
    what the demo's records add: the same on a database with or without them."""
    entries = []
    for entry in pot[pot.index("#. module:") :].split("\n\n"):
        lines = entry.splitlines()
        kept = [
            line
            for line in lines
            if not ((found := DEMO_REFERENCE.match(line)) and found[1] in DEMO_RECORDS)
        ]
        if any(line.startswith("#: ") for line in lines) and not any(
            line.startswith("#: ") for line in kept
        ):
            continue
        entries.append("\n".join(kept))
    return "\n\n".join(entries)


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
