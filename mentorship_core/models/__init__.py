from . import mentorship_form
