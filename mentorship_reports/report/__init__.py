from . import mentorship_xlsx_common
from . import mentorship_mentor_base_xlsx
from . import mentorship_mentee_base_xlsx
from . import mentorship_pair_summary_xlsx
from . import mentorship_pair_meetings_xlsx
from . import mentorship_contest_results_xlsx
