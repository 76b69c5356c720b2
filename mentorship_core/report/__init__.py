from . import mentorship_incentive_batch_xlsx
from . import mentorship_incentive_letter
