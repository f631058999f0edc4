# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_company
from . import skinpro_contraindication
from . import skinpro_screening
from . import skinpro_screening_answer
from . import skinpro_screening_clearance
from . import res_partner
