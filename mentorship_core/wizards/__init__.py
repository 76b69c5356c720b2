from . import mentorship_pair_approve_wizard
from . import mentorship_mentee_unpaired_wizard
from . import mentorship_consent_revoke_wizard
from . import mentorship_pair_dissolve_wizard
