from . import test_install
from . import test_xlsx_bases
from . import test_xlsx_contest
from . import test_xlsx_pairs
