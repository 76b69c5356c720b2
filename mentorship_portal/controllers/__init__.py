from . import apply
from . import incentive
from . import portal
from . import practice
