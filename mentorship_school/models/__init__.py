from . import res_partner
from . import res_config_settings
from . import mentorship_school_subject
from . import hr_employee
