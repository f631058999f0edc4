# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_company
from . import skinpro_clinical_record
from . import skinpro_contraindication
from . import skinpro_screening
from . import skinpro_screening_answer
from . import skinpro_screening_clearance
from . import res_partner
from . import product_attribute
from . import product_attribute_value
from . import product_template
from . import product_product
from . import skinpro_course
from . import skinpro_treatment_session
from . import skinpro_session_depth
from . import skinpro_session_reconfirmation
from . import crm_lead
