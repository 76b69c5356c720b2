from . import test_security_groups
from . import test_translation
from . import test_backoffice_ui
