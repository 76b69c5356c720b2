from . import test_install
from . import test_pupils
from . import test_teachers
from . import test_academic_results
