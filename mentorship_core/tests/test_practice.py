"""The bank of best practices: a curator writes and submits a practice, the
municipal coordinator publishes it or returns it with the reason, and a
published practice is read by every internal user of the municipality."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipRolesCase

ACCESS_LOGGER = "odoo.addons.base.models.ir_rule"


@tagged("post_install", "-at_install")
class TestPractice(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def _write_practice(self, role="curator", **values):
        return self._as(role, "mentorship.practice").create(
            {
                "name": "Peer tutoring before the exam",
                "program_id": self.program_pupils.id,
                "pair_ids": [Command.set(self.pupil_pair.ids)],
                "description": "<p>Senior pupils tutor younger ones once a week.</p>",
                "results": "<p>All of them passed the mock exam.</p>",
                **values,
            }
        )

    def _published(self):
        practice = self._write_practice()
        practice.action_submit()
        practice.with_env(self._as("coordinator")).action_publish()
        return practice

    def _messages(self, practice):
        return practice.message_ids.mapped(lambda message: str(message.body))

    def test_curator_submits_and_coordinator_publishes(self):
        practice = self._write_practice()
        self.assertRecordValues(
            practice,
            [
                {
                    "state": "draft",
                    "company_id": self.school.id,
                    "municipality_id": self.department.id,
                    "form_id": self.form_pupils.id,
                    "user_id": self.curator.id,
                }
            ],
        )
        practice.action_submit()
        self.assertEqual(practice.state, "submitted")
        self.assertTrue(practice.date_submitted)
        self.assertIn("Submitted for publication", " ".join(self._messages(practice)))

        as_coordinator = practice.with_env(self._as("coordinator"))
        as_coordinator.action_publish()
        self.assertRecordValues(practice, [{"state": "published", "published_by_id": self.coordinator.id}])
        self.assertTrue(practice.date_published)
        self.assertIn("Published in the bank of best practices", " ".join(self._messages(practice)))

    def test_publishing_twice_is_refused(self):
        practice = self._published()
        with self.assertRefused("already published", UserError):
            practice.with_env(self._as("coordinator")).action_publish()

    def test_a_draft_is_not_published_without_being_submitted(self):
        practice = self._write_practice()
        with self.assertRefused("cannot go from Draft to Published", UserError):
            practice.with_env(self._as("coordinator")).action_publish()
        self.assertEqual(practice.state, "draft")

    def test_submitting_without_description_is_refused(self):
        practice = self._write_practice(description="<p><br></p>")
        with self.assertRefused(r"Fill in Description of the practice", UserError):
            practice.action_submit()
        self.assertEqual(practice.state, "draft")
        self.assertFalse(practice.date_submitted, "nothing half-written")
        practice.description = "<p>Weekly tutoring.</p>"
        practice.action_submit()
        self.assertEqual(practice.state, "submitted")

    def test_submitting_without_form_is_refused(self):
        practice = self._write_practice(program_id=False, pair_ids=False)
        with self.assertRefused("Form of Mentorship", UserError):
            practice.action_submit()

    def test_curator_cannot_publish_nor_return(self):
        practice = self._write_practice()
        practice.action_submit()
        with self.assertRefused("Only the municipal coordinator", AccessError):
            practice.action_publish()
        with self.assertRefused("Only the municipal coordinator", AccessError):
            practice.action_return("I changed my mind")
        with self.assertRefused("Only the municipal coordinator", AccessError):
            practice.write({"state": "published"})
        self.assertEqual(practice.state, "submitted")

    def test_a_submitted_practice_is_locked_for_its_curator(self):
        practice = self._write_practice()
        practice.action_submit()
        with self.assertRefused("only the municipal coordinator changes it", UserError):
            practice.results = "<p>Better figures</p>"
        with self.assertRefused("deleted by the municipal coordinator only", UserError):
            practice.unlink()
        practice.with_env(self._as("coordinator")).results = "<p>Corrected by the coordinator</p>"
        self.assertIn("Corrected", practice.results)

    def test_coordinator_returns_with_the_reason(self):
        practice = self._published()
        as_coordinator = practice.with_env(self._as("coordinator"))
        with self.assertRefused("Give the reason", UserError):
            as_coordinator.action_return("   ")
        self.assertEqual(practice.state, "published")
        wizard = self._as("coordinator", "mentorship.practice.return.wizard").create(
            {"practice_ids": [Command.set(practice.ids)], "reason": "A pupil is named in the results"}
        )
        wizard.action_return()
        self.assertRecordValues(practice, [{"state": "returned", "return_reason": "A pupil is named in the results"}])
        self.assertIn("A pupil is named in the results", " ".join(self._messages(practice)))
        # the curator corrects it and submits it again
        practice.results = "<p>All the mentees passed the mock exam.</p>"
        practice.action_submit()
        self.assertEqual(practice.state, "submitted")
        with self.assertRefused("cannot go from Submitted to Submitted", UserError):
            practice.action_submit()

    def test_a_staff_mentor_cannot_write_a_practice(self):
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self._write_practice(role="staff_mentor")

    def test_drafts_stay_with_their_school_published_ones_go_to_the_municipality(self):
        draft = self._write_practice(name="Draft of school A")
        published = self._published()
        for role in ("curator_b", "staff_mentor", "hr_officer", "employee"):
            with self.subTest(role=role):
                Practice = self._as(role, "mentorship.practice")
                self.assertEqual(Practice.search([]), published, "the published practice only")
                self.assertEqual(published.with_env(Practice.env).name, "Peer tutoring before the exam")
                with mute_logger(ACCESS_LOGGER), self.assertRaises(AccessError):
                    draft.with_env(Practice.env).read(["name"])
        with mute_logger(ACCESS_LOGGER), self.assertRaises(AccessError):
            published.with_env(self._as("curator_b")).write({"name": "Taken over"})
        self.assertEqual(self._as("curator", "mentorship.practice").search([]), draft | published)
        self.assertEqual(self._as("coordinator", "mentorship.practice").search([]), draft | published)

    def test_portal_users_read_no_practice(self):
        published = self._published()
        for role in ("portal_mentee", "portal_mentor", "parent"):
            with (
                self.subTest(role=role),
                mute_logger("odoo.addons.base.models.ir_model"),
                self.assertRaises(AccessError),
            ):
                published.with_env(self._as(role)).read(["name"])

    def test_another_municipality_does_not_read_it(self):
        published = self._published()
        other = self.env["res.company"].create({"name": "Other Department"})
        school = self.env["res.company"].create({"name": "Other School", "parent_id": other.id})
        curator = self._school_user("other_curator", "mentorship_core.group_mentorship_curator", school)
        self.assertFalse(self._as(curator, "mentorship.practice").search([("id", "=", published.id)]))
        # an employee of the department itself reads the practices of its schools
        department_user = self._school_user("department_employee", "base.group_user", self.department)
        self.assertEqual(self._as(department_user, "mentorship.practice").search([]), published)

    def test_a_practice_shows_only_its_own_files(self):
        practice = self._write_practice()
        foreign = self.env["ir.attachment"].create(
            {"name": "payroll.csv", "raw": b"wages", "res_model": "mentorship.pair", "res_id": self.pupil_pair.id}
        )
        with self.assertRefused("is not attached to the practice"):
            practice.public_attachment_ids = [Command.link(foreign.id)]
        # a file uploaded before the practice was saved becomes the practice's
        uploaded = self._as("curator", "ir.attachment").create(
            {"name": "memo.txt", "raw": b"memo", "res_model": practice._name}
        )
        created = self._write_practice(public_attachment_ids=[Command.set(uploaded.ids)])
        self.assertEqual(uploaded.res_id, created.id)
        own = self.env["ir.attachment"].create(
            {"name": "minutes.txt", "raw": b"minutes", "res_model": practice._name, "res_id": practice.id}
        )
        with self.assertRefused("either for the public page or internal", ValidationError):
            practice.write(
                {"public_attachment_ids": [Command.link(own.id)], "internal_attachment_ids": [Command.link(own.id)]}
            )

    def test_the_files_of_a_submitted_practice_are_locked_for_its_curator(self):
        practice = self._write_practice()
        memo = self._as("curator", "ir.attachment").create(
            {"name": "memo.txt", "raw": b"memo", "res_model": practice._name, "res_id": practice.id}
        )
        practice.public_attachment_ids = [Command.link(memo.id)]
        memo.raw = b"memo, second version"
        practice.action_submit()
        with self.assertRefused("only the municipal coordinator changes it", UserError):
            memo.raw = b"something the coordinator never saw"
        with self.assertRefused("only the municipal coordinator changes it", UserError):
            memo.unlink()
        self.assertEqual(memo.raw, b"memo, second version")
        memo.with_env(self._as("coordinator")).name = "memo-for-teachers.txt"
        self.assertEqual(memo.name, "memo-for-teachers.txt")

    def test_a_region_reads_the_published_practices_of_its_departments(self):
        Company = self.env["res.company"]
        region = Company.create({"name": "Test Region"})
        district = Company.create({"name": "District Department", "parent_id": region.id})
        school = Company.create({"name": "District School", "parent_id": district.id})
        neighbour = Company.create({"name": "Neighbour Department", "parent_id": region.id})
        neighbour_school = Company.create({"name": "Neighbour School", "parent_id": neighbour.id})
        practice = self.env["mentorship.practice"].create(
            {
                "name": "Mentoring in a village school",
                "company_id": school.id,
                "form_id": self.form_teachers.id,
                "description": "<p>Remote meetings with a mentor of the district centre.</p>",
                "results": "<p>The young teacher stayed.</p>",
            }
        )
        self.assertEqual(practice.municipality_id, district)
        practice.action_submit()
        practice.action_publish()
        readers = {
            "region": self._school_user("region_methodologist", "base.group_user", region),
            "district school": self._school_user("district_teacher", "base.group_user", school),
        }
        for who, user in readers.items():
            with self.subTest(who=who):
                self.assertEqual(self._as(user, "mentorship.practice").search([]), practice)
        neighbour_curator = self._school_user(
            "neighbour_curator", "mentorship_core.group_mentorship_curator", neighbour_school
        )
        self.assertFalse(self._as(neighbour_curator, "mentorship.practice").search([]), "another municipality")

    def test_a_practice_follows_a_campaign_of_its_school_or_municipality(self):
        Monitoring = self.env["mentorship.monitoring"]
        period = {"date_from": date(2025, 12, 1), "date_to": date(2025, 12, 31)}
        school_b = Monitoring.create({"name": "School B", "company_id": self.school_b.id, **period})
        municipal = Monitoring.create({"name": "Municipality", "company_id": self.department.id, **period})
        practice = self._write_practice(monitoring_id=municipal.id)
        self.assertEqual(practice.monitoring_id, municipal)
        with self.assertRefused("of its own organisation or of one above it"):
            practice.monitoring_id = school_b
        practice.invalidate_recordset()
        self.assertEqual(practice.monitoring_id, municipal)
