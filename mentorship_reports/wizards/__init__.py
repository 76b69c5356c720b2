from . import mentorship_document_print_wizard
from . import mentorship_pair_approve_wizard
