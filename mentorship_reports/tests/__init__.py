from . import test_install
from . import test_pair_order
from . import test_documents
from . import test_document_template
