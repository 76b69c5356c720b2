from . import test_install
from . import test_pair_order
from . import test_documents
from . import test_document_template
from . import test_xlsx_bases
from . import test_xlsx_contest
from . import test_xlsx_pairs
