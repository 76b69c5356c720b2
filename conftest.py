"""Fail the test run on any WARNING or ERROR that Odoo logs, as OCA's CI does.

A record logged during a test fails that test; one logged outside any test
(registry loading, HTTP server start) fails the session. Tests that expect a
warning silence it with ``odoo.tools.mute_logger`` or check it with
``assertLogs``, as Odoo's own tests do.
"""

import logging

import pytest


class _WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def take(self):
        records, self.records = self.records, []
        return records


_collector = _WarningCollector()


def _describe(records):
    return "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in records)


def pytest_sessionstart(session):
    logging.getLogger().addHandler(_collector)


@pytest.fixture(autouse=True)
def fail_on_logged_warnings():
    outside = _collector.take()
    yield
    logged = _collector.take()
    if outside:
        pytest.fail(f"Odoo logged warnings before this test:\n{_describe(outside)}", pytrace=False)
    if logged:
        pytest.fail(f"Odoo logged warnings during this test:\n{_describe(logged)}", pytrace=False)


def pytest_sessionfinish(session, exitstatus):
    leftover = _collector.take()
    logging.getLogger().removeHandler(_collector)
    if leftover:
        session.config.get_terminal_writer().line(
            f"Odoo logged warnings outside the tests:\n{_describe(leftover)}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
