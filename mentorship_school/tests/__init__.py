from . import test_install
from . import test_pupils
from . import test_teachers
from . import test_academic_results
from . import test_partnership_agreement
from . import test_contest
from . import test_pupil_privacy
from . import test_company_consistency
