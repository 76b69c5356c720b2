from contextlib import closing

import pytest

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests.common import get_db_name


@pytest.fixture
def env():
    """A superuser environment on a transaction that is rolled back: the
    benchmarks' data never stays in the database."""
    with closing(Registry(get_db_name()).cursor()) as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        cr.rollback()
