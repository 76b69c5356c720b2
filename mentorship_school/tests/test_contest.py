from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mentorship_core.tests.common import MentorshipCase, MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestContest(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.school_b = cls.env["res.company"].create({"name": "Test School No. 2"})
        cls.jury = [
            mail_new_test_user(cls.env, login=f"jury{i}", groups="mentorship_core.group_mentorship_curator")
            for i in range(2)
        ]
        cls.contest = cls.env["mentorship.contest"].create(
            {
                "name": "Mentor of the Year",
                "nomination": "mentor_of_year",
                "jury_user_ids": [Command.set([user.id for user in cls.jury])],
            }
        )
        cls.mentor_a = cls._mentor("Mentor A")
        cls.mentor_a2 = cls._mentor("Mentor A2")
        cls.mentor_b = cls._mentor("Mentor B", company=cls.school_b)

    def _nominate(self, mentor, company):
        return self.env["mentorship.contest.entry"].create(
            {"contest_id": self.contest.id, "mentor_id": mentor.id, "company_id": company.id}
        )

    def _mark(self, entry, jury, score):
        return self.env["mentorship.contest.mark"].create(
            {"entry_id": entry.id, "jury_user_id": jury.id, "score": score}
        )

    def test_nominations_marks_and_winner(self):
        with self.assertRefused("only while the contest collects them"):
            self._nominate(self.mentor_a, self.school)
        self.assertTrue(self.contest.action_open_nominations())
        with self.assertRefused("nominates its own mentors"):
            self._nominate(self.mentor_b, self.school)
        entry_a = self._nominate(self.mentor_a, self.school)
        entry_a2 = self._nominate(self.mentor_a2, self.school)
        entry_b = self._nominate(self.mentor_b, self.school_b)
        with self.assertRefused("only while the contest is judged"):
            self._mark(entry_a, self.jury[0], 8)
        self.assertTrue(self.contest.action_start_judging())
        outsider = mail_new_test_user(self.env, login="outsider", groups="mentorship_core.group_mentorship_curator")
        with self.assertRefused("is not on the jury"):
            self._mark(entry_a, outsider, 10)
        with self.assertRefused("between 0 and 10"):
            self._mark(entry_a, self.jury[0], 11)
        for entry, scores in ((entry_a, (8, 9)), (entry_a2, (7, 7)), (entry_b, (9, 9))):
            for jury, score in zip(self.jury, scores, strict=True):
                self._mark(entry, jury, score)
        self.assertEqual((entry_a.average_score, entry_a2.average_score, entry_b.average_score), (8.5, 7.0, 9.0))
        self.assertTrue(self.contest.action_close())
        self.assertEqual(self.contest.winner_ids, entry_b)
        self.assertIn("Mentor B", self.contest.message_ids[0].body)
        with self.assertRefused("not at the right step", UserError):
            self.contest.action_close()

    def test_judging_needs_nominees(self):
        self.contest.action_open_nominations()
        with self.assertRefused("Nobody has been nominated", UserError):
            self.contest.action_start_judging()
        self.assertEqual(self.contest.state, "nominating")

    def test_best_pair_needs_a_pair(self):
        contest = self.env["mentorship.contest"].create({"name": "Best Pair", "nomination": "best_pair"})
        contest.action_open_nominations()
        with self.assertRefused("Nominate a pair"):
            self.env["mentorship.contest.entry"].create(
                {"contest_id": contest.id, "mentor_id": self.mentor_a.id, "company_id": self.school.id}
            )
        pair = self._pair(self.mentor_a, self._mentee("Mentee"))
        entry = self.env["mentorship.contest.entry"].create(
            {"contest_id": contest.id, "pair_id": pair.id, "company_id": self.school.id}
        )
        self.assertEqual(entry.display_name, pair.display_name)

    def test_schools_see_only_their_nominees(self):
        self.contest.action_open_nominations()
        entry_a = self._nominate(self.mentor_a, self.school)
        self._nominate(self.mentor_b, self.school_b)
        curator_env = self.env(user=self.curator, context={"allowed_company_ids": self.school.ids})
        self.assertEqual(curator_env["mentorship.contest.entry"].search([]), entry_a)


@tagged("post_install", "-at_install")
class TestContestJury(MentorshipRolesCase, TransactionCase):
    """A municipal contest judged by a curator of school A: the jury sees and
    marks the nominees of every school; other curators see their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        Contest = cls.env["mentorship.contest"]
        cls.contest = Contest.create(
            {"name": "Best Mentor 2026", "nomination": "best_mentor", "jury_user_ids": [Command.set(cls.curator.ids)]}
        )
        cls.other_contest = Contest.create({"name": "Mentor of the Year 2026", "nomination": "mentor_of_year"})
        (cls.contest | cls.other_contest).action_open_nominations()
        Entry = cls.env["mentorship.contest.entry"]
        cls.entry_a = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.staff_mentor.id, "company_id": cls.school.id}
        )
        cls.entry_b = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.pair_b.mentor_id.id, "company_id": cls.school_b.id}
        )
        cls.other_entry_b = Entry.create(
            {"contest_id": cls.other_contest.id, "mentor_id": cls.pair_b.mentor_id.id, "company_id": cls.school_b.id}
        )
        (cls.contest | cls.other_contest).action_start_judging()

    def test_jury_sees_and_marks_every_school(self):
        Entry = self._as("curator", "mentorship.contest.entry")
        self.assertEqual(Entry.search([]), self.entry_a | self.entry_b)
        contest = self._as("curator", "mentorship.contest").browse(self.contest.id)
        (values,) = contest.web_read({"entry_ids": {"fields": {"display_name": {}, "mentor_id": {"fields": {}}}}})
        self.assertEqual(
            [entry["display_name"] for entry in values["entry_ids"]],
            [self.staff_mentor.display_name, "B Mentor"],
            "by average, id",
        )
        mark = self._as("curator", "mentorship.contest.mark").create({"entry_id": self.entry_b.id, "score": 9})
        self.assertEqual(mark.jury_user_id, self.curator)
        self.assertEqual(self.entry_b.average_score, 9.0)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Entry.browse(self.other_entry_b.id).read(["average_score"])

    def test_curator_off_the_jury_sees_own_school_only(self):
        Entry = self._as("curator_b", "mentorship.contest.entry")
        self.assertEqual(Entry.search([]), self.entry_b | self.other_entry_b)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Entry.browse(self.entry_a.id).read(["average_score"])
        with self.assertRefused("is not on the jury"):
            self._as("curator_b", "mentorship.contest.mark").create({"entry_id": self.entry_b.id, "score": 10})

    def test_coordinator_sees_every_nominee(self):
        self.assertEqual(
            self._as("coordinator", "mentorship.contest.entry").search([]) & (self.entry_a | self.entry_b),
            self.entry_a | self.entry_b,
        )
        self.assertEqual(
            self._as("coordinator", "mentorship.contest.entry").search([("contest_id", "=", self.other_contest.id)]),
            self.other_entry_b,
        )
