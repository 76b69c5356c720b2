from . import mentorship_applicant_kind_mixin
from . import mentorship_consent
from . import mentorship_mentee
from . import mentorship_mentee_category
from . import mentorship_mentor_category
from . import mentorship_pair
from . import mentorship_program
from . import mentorship_practice
