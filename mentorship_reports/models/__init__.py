from . import mentorship_document_template
from . import py3o_report
from . import res_company
from . import res_config_settings
