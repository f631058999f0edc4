# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_access_matrix
from . import test_audit
from . import test_bad_input
from . import test_chain_structure
from . import test_client_requests
from . import test_consumption
from . import test_demo_logins
from . import test_health_data
from . import test_i18n
from . import test_menus_and_access
from . import test_pos_server
from . import test_pos_tours
from . import test_referral
from . import test_reports
from . import test_screening
from . import test_studio_isolation
from . import test_treatment_session
