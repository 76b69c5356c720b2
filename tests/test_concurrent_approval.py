"""Two curators approve pairs of the same mentor at the same time: the mentor's
capacity holds, with two real database connections and committed data."""

import threading
import time
from contextlib import closing
from datetime import date

import psycopg2
import pytest

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.modules.registry import Registry
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger

LOCK_WAIT_SECONDS = 20


@pytest.fixture
def registry():
    return Registry(get_db_name())


@pytest.fixture
def school(registry):
    """A school whose mentor takes one mentee, with two pairs in Agreement,
    committed so that other connections see them; removed afterwards."""
    with closing(registry.cursor()) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        company = env["res.company"].create({"name": "Concurrency School"})
        program = env["mentorship.program"].create(
            {
                "name": "Concurrent approvals",
                "form_id": env.ref("mentorship_core.form_teacher_teacher").id,
                "company_id": company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        people = env["res.partner"].create([{"name": name} for name in ("Mentor C", "Mentee C1", "Mentee C2")])
        env["mentorship.consent"].create(
            [{"partner_id": p.id, "signer_partner_id": p.id, "company_id": company.id} for p in people]
        )
        mentor = env["mentorship.mentor"].create(
            {
                "partner_id": people[0].id,
                "category_id": env.ref("mentorship_core.mentor_category_teacher").id,
                "company_id": company.id,
                "capacity": 1,
                "is_trained": True,
            }
        )
        mentees = env["mentorship.mentee"].create(
            [
                {
                    "partner_id": partner.id,
                    "category_id": env.ref("mentorship_core.mentee_category_young_teacher").id,
                    "company_id": company.id,
                }
                for partner in people[1:]
            ]
        )
        agreement = env.ref("mentorship_core.pair_stage_agreement")
        pairs = env["mentorship.pair"].create(
            [
                {
                    "program_id": program.id,
                    "mentor_id": mentor.id,
                    "mentee_ids": [Command.set(mentee.ids)],
                    "stage_id": agreement.id,
                }
                for mentee in mentees
            ]
        )
        cr.commit()
        ids = {"company": company.id, "mentor": mentor.id, "pairs": pairs.ids}
    yield ids
    with closing(registry.cursor()) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["mentorship.pair"].browse(ids["pairs"]).unlink()
        mentor = env["mentorship.mentor"].browse(ids["mentor"])
        partners = mentor.partner_id | env["mentorship.mentee"].search([("company_id", "=", ids["company"])]).partner_id
        env["mentorship.program"].search([("company_id", "=", ids["company"])]).unlink()
        env["mentorship.mentee"].search([("company_id", "=", ids["company"])]).unlink()
        mentor.unlink()
        env["mentorship.consent"].search([("partner_id", "in", partners.ids)]).unlink()
        partners.unlink()
        env["res.company"].browse(ids["company"]).unlink()
        cr.commit()


def approve(env, pair_id, number):
    wizard = env["mentorship.pair.approve.wizard"].create(
        {"pair_ids": [Command.set([pair_id])], "order_number": number, "order_date": date(2025, 9, 15)}
    )
    wizard.action_approve()
    env.flush_all()


def waiting_for_lock(cr):
    cr.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
    return cr.fetchone()[0] > 0


def test_two_curators_cannot_overfill_a_mentor(registry, school):
    first_pair, second_pair = school["pairs"]
    outcome = {}
    with (
        closing(registry.cursor()) as cr1,
        closing(registry.cursor()) as cr2,
        closing(registry.cursor()) as watch,
    ):
        env1 = api.Environment(cr1, SUPERUSER_ID, {})
        env2 = api.Environment(cr2, SUPERUSER_ID, {})
        cr2.execute("SELECT 1")  # the second curator's transaction is open before the first commits
        approve(env1, first_pair, "1-a")  # writes the mentor's row and holds its lock until commit

        def second_curator():
            try:
                with mute_logger("odoo.sql_db"):
                    approve(env2, second_pair, "2-b")
                outcome["result"] = "approved"
            except (psycopg2.errors.SerializationFailure, ValidationError) as error:
                outcome["result"] = type(error).__name__
            finally:
                cr2.rollback()

        thread = threading.Thread(target=second_curator)
        thread.start()
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while thread.is_alive() and not waiting_for_lock(watch) and time.monotonic() < deadline:
            time.sleep(0.05)
        blocked = thread.is_alive()
        cr1.commit()
        thread.join(LOCK_WAIT_SECONDS)

    assert blocked, "the second approval waits for the first one's lock on the mentor"
    assert outcome["result"] == "SerializationFailure", outcome

    # Odoo retries a transaction that failed to serialize: the retry sees the
    # first approval and refuses the second with the capacity rule.
    with closing(registry.cursor()) as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        with pytest.raises(ValidationError, match="takes 1 mentee"):
            approve(env, second_pair, "2-b")
        cr.rollback()
        pairs = env["mentorship.pair"].browse(school["pairs"])
        assert pairs.mapped("state") == ["approved", "agreement"]
        assert env["mentorship.mentor"].browse(school["mentor"]).running_mentee_count == 1
