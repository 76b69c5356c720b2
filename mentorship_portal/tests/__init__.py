from . import test_apply
from . import test_install
from . import test_portal_pages
from . import test_portal_queries
from . import test_portal_security
from . import test_portal_tours
from . import test_portal_recognitions
from . import test_portal_monitoring
