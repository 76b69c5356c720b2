from . import mentorship_pair_approve_wizard
from . import mentorship_mentee_unpaired_wizard
from . import mentorship_consent_revoke_wizard
from . import mentorship_pair_dissolve_wizard
from . import mentorship_incentive_generate_wizard
from . import mentorship_incentive_approve_wizard
from . import mentorship_incentive_reverse_wizard
from . import mentorship_practice_return_wizard
