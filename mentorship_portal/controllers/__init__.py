from . import apply
from . import portal
