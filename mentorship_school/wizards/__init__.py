from . import mentorship_teacher_refresh_wizard
from . import mentorship_teacher_refresh_line
from . import mentorship_school_mark_import_wizard
