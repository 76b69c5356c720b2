from . import mentorship_consent
from . import mentorship_mentee
from . import mentorship_pair
from . import mentorship_program
