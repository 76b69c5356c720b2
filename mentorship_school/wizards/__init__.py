from . import mentorship_teacher_refresh_wizard
from . import mentorship_teacher_refresh_line
