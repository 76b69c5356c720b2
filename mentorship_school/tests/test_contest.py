from psycopg2.errors import CheckViolation

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mentorship_core.tests.common import MentorshipCase, MentorshipRolesCase

from .common import give_marks

CRITERIA = [Command.create({"name": "Results", "max_score": 10}), Command.create({"name": "Methods", "max_score": 5})]


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
                "criterion_ids": CRITERIA,
            }
        )
        cls.mentor_a = cls._mentor("Mentor A")
        cls.mentor_a2 = cls._mentor("Mentor A2")
        cls.mentor_b = cls._mentor("Mentor B", company=cls.school_b)

    def _nominate(self, mentor, company):
        return self.env["mentorship.contest.entry"].create(
            {"contest_id": self.contest.id, "mentor_id": mentor.id, "company_id": company.id}
        )

    def test_nominations_marks_ranking_and_winner(self):
        with self.assertRefused("only while the contest collects them"):
            self._nominate(self.mentor_a, self.school)
        self.assertTrue(self.contest.action_open_nominations())
        with self.assertRefused("nominates its own mentors"):
            self._nominate(self.mentor_b, self.school)
        entry_a = self._nominate(self.mentor_a, self.school)
        entry_a2 = self._nominate(self.mentor_a2, self.school)
        entry_b = self._nominate(self.mentor_b, self.school_b)
        self.assertTrue(self.contest.action_start_judging())
        # a mark for each juror, nominee and criterion
        self.assertEqual(len(self.contest.entry_ids.mark_ids), 2 * 3 * 2)
        self.assertEqual((self.contest.mark_count, self.contest.marked_count), (12, 0))
        with self.assertRefused("has not given all its marks yet: 12 missing, from jury0.*, jury1", UserError):
            self.contest.action_close_marking()
        for entry, scores in ((entry_a, ((8, 4), (9, 5))), (entry_a2, ((7, 3), (7, 3))), (entry_b, ((9, 5), (9, 4)))):
            for jury, marks in zip(self.jury, scores, strict=True):
                give_marks(entry, jury, *marks)
        self.assertEqual(self.contest.marked_count, 12)
        # nobody sees an average while the jury marks
        self.assertEqual(set(self.contest.entry_ids.mapped("average_score")), {0.0})
        self.assertEqual(set(self.contest.entry_ids.mapped("rank")), {0})
        self.assertTrue(self.contest.action_close_marking())
        # the totals of the criteria averaged over the jury
        self.assertEqual((entry_a.average_score, entry_a2.average_score, entry_b.average_score), (13.0, 10.0, 13.5))
        self.assertEqual((entry_b.rank, entry_a.rank, entry_a2.rank), (1, 2, 3))
        self.assertEqual(self.contest.winner_ids, entry_b, "the first of the ranking is proposed")
        entry_a.action_choose_winner()
        self.assertTrue(self.contest.action_close())
        self.assertEqual(self.contest.winner_ids, entry_a | entry_b)
        self.assertIn("Mentor B", self.contest.message_ids[0].body)
        with self.assertRefused("not at the right step", UserError):
            self.contest.action_close()

    def test_equal_averages_share_a_rank(self):
        self.contest.action_open_nominations()
        entries = [self._nominate(mentor, self.school) for mentor in (self.mentor_a, self.mentor_a2)]
        self.contest.action_start_judging()
        for entry in entries:
            for jury in self.jury:
                give_marks(entry, jury, 6, 2)
        self.contest.action_close_marking()
        self.assertEqual([entry.rank for entry in entries], [1, 1])
        self.assertEqual(self.contest.winner_ids, entries[0] | entries[1])

    def test_judging_needs_nominees_jury_and_criteria(self):
        self.contest.action_open_nominations()
        with self.assertRefused("Nobody has been nominated", UserError):
            self.contest.action_start_judging()
        self._nominate(self.mentor_a, self.school)
        self.contest.criterion_ids.unlink()
        with self.assertRefused("Set the criteria", UserError):
            self.contest.action_start_judging()
        self.contest.write({"criterion_ids": CRITERIA, "jury_user_ids": [Command.clear()]})
        with self.assertRefused("Choose the jury", UserError):
            self.contest.action_start_judging()
        self.assertEqual(self.contest.state, "nominating")
        self.assertFalse(self.contest.entry_ids.mark_ids)

    def test_a_nominee_does_not_judge(self):
        self.contest.action_open_nominations()
        self._nominate(self.mentor_a, self.school)
        self.contest.jury_user_ids |= mail_new_test_user(
            self.env, login="nominee", name="Mentor A", partner_id=self.mentor_a.partner_id.id, groups="base.group_user"
        )
        with self.assertRefused("Mentor A, nominated, cannot sit on the jury", UserError):
            self.contest.action_start_judging()
        self.assertEqual(self.contest.state, "nominating")

    def test_criteria_and_jury_fixed_once_judging_started(self):
        self.contest.action_open_nominations()
        self._nominate(self.mentor_a, self.school)
        self.contest.action_start_judging()
        criterion = self.contest.criterion_ids[0]
        with self.assertRefused("criteria of a contest are fixed"):
            criterion.max_score = 20
        with self.assertRefused("criteria of a contest are fixed", UserError):
            criterion.unlink()
        with self.assertRefused("criteria of a contest are fixed"):
            self.env["mentorship.contest.criterion"].create({"contest_id": self.contest.id, "name": "Extra"})
        with self.assertRefused("jury of a contest is fixed"):
            self.contest.jury_user_ids = self.jury[0]
        self.assertEqual(criterion.max_score, 10)
        self.assertEqual(len(self.contest.jury_user_ids), 2)

    def test_criterion_max_mark_above_zero(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation) as caught, self.cr.savepoint():
            self.env["mentorship.contest.criterion"].create(
                {"contest_id": self.contest.id, "name": "Nothing", "max_score": 0}
            )
        self.assertIn("mentorship_contest_criterion_max_score_positive", str(caught.exception))

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
    """A municipal contest of the department judged by a teacher of school B
    and school B's curator: school A nominates two mentors, school B one.
    School A's curator is off the jury."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.teacher_b = cls.users["teacher_b"] = cls._school_user(
            "test_teacher_b", "mentorship_core.group_mentorship_mentor", cls.school_b
        )
        Contest = cls.env["mentorship.contest"]
        cls.contest = Contest.create(
            {
                "name": "Best Mentor 2026",
                "nomination": "best_mentor",
                "company_id": cls.department.id,
                "jury_user_ids": [Command.set((cls.teacher_b | cls.curator_b).ids)],
                "criterion_ids": CRITERIA,
            }
        )
        cls.other_contest = Contest.create(
            {
                "name": "Mentor of the Year 2026",
                "nomination": "mentor_of_year",
                "jury_user_ids": [Command.set(cls.coordinator.ids)],
                "criterion_ids": CRITERIA,
            }
        )
        (cls.contest | cls.other_contest).action_open_nominations()
        Entry = cls.env["mentorship.contest.entry"]
        cls.entry_a = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.staff_mentor.id, "company_id": cls.school.id}
        )
        cls.entry_a2 = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.other_pair.mentor_id.id, "company_id": cls.school.id}
        )
        cls.entry_b = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.pair_b.mentor_id.id, "company_id": cls.school_b.id}
        )
        cls.other_entry_b = Entry.create(
            {"contest_id": cls.other_contest.id, "mentor_id": cls.pair_b.mentor_id.id, "company_id": cls.school_b.id}
        )
        (cls.contest | cls.other_contest).action_start_judging()

    def _jury_screen(self, role):
        """The marks on the jury member's screen, as the web client reads them."""
        action = self.env.ref("mentorship_school.mentorship_contest_mark_action")
        Mark = self._as(role, "mentorship.contest.mark").with_context(search_default_judging=1)
        domain = [("jury_user_id", "=", self.users[role].id), ("contest_id.state", "=", "judging")]
        self.assertIn("('jury_user_id', '=', uid)", action.domain)
        fields = {"entry_id": {"fields": {"display_name": {}}}, "nominated_by_id": {"fields": {"display_name": {}}}}
        return Mark.web_search_read(domain, {**fields, "criterion_id": {"fields": {"display_name": {}}}})["records"]

    def _mark(self, role, entry):
        return self._as(role, "mentorship.contest.mark").search([("entry_id", "=", entry.id)])

    def _judge(self):
        """Both jurors mark every nominee, and the coordinator closes the marking."""
        for role, scores in (("teacher_b", ((9, 4), (6, 2), (8, 5))), ("curator_b", ((8, 5), (7, 3), (8, 4)))):
            for entry, marks in zip((self.entry_a, self.entry_a2, self.entry_b), scores, strict=True):
                give_marks(entry, self.users[role], *marks)
        self._as("coordinator", "mentorship.contest").browse(self.contest.id).action_close_marking()

    def test_jury_member_marks_the_nominees_of_every_school(self):
        """A teacher of school B on the jury: their own marks, one per nominee
        and criterion, on their screen, and nothing of the other juror."""
        rows = self._jury_screen("teacher_b")
        self.assertEqual(
            [(row["entry_id"]["display_name"], row["criterion_id"]["display_name"]) for row in rows],
            [
                (self.staff_mentor.display_name, "Results"),
                (self.staff_mentor.display_name, "Methods"),
                ("Other Mentor", "Results"),
                ("Other Mentor", "Methods"),
                ("B Mentor", "Results"),
                ("B Mentor", "Methods"),
            ],
        )
        self.assertEqual(rows[0]["nominated_by_id"]["display_name"], self.school.name)
        self.assertEqual(
            self._as("teacher_b", "mentorship.contest.entry").search([]), self.entry_a | self.entry_a2 | self.entry_b
        )
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("teacher_b", "mentorship.contest").browse(self.other_contest.id).read(["name"])
        marks = self._mark("teacher_b", self.entry_a)
        marks[0].write({"score": 9, "comment": "Strong results"})
        marks[1].score = 4.5
        self.assertEqual(marks.mapped("is_marked"), [True, True])
        with self.assertRefused(r"The mark on “Methods” lies between 0 and 5\."):
            marks[1].score = 6
        with self.assertRefused(r"The mark on “Results” lies between 0 and 10\."):
            marks[0].score = -1
        with self.assertRefused("gives only their own marks", AccessError):
            marks[0].criterion_id = marks[1].criterion_id
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            marks.create({"entry_id": self.entry_b.id, "criterion_id": marks[0].criterion_id.id})
        self.assertEqual(marks.mapped("score"), [9.0, 4.5])

    def test_jurors_do_not_see_each_other_while_marking(self):
        give_marks(self.entry_b, self.teacher_b, 9, 5)
        curator_b_marks = self._mark("curator_b", self.entry_b)
        self.assertEqual(curator_b_marks.jury_user_id, self.curator_b)
        teacher_mark = self._mark("teacher_b", self.entry_b)[0]
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            teacher_mark.with_user(self.curator_b).read(["score"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            teacher_mark.with_user(self.curator_b).score = 1
        # the coordinator follows the progress, not the marks
        contest = self._as("coordinator", "mentorship.contest").browse(self.contest.id)
        self.assertEqual((contest.marked_count, contest.mark_count), (2, 12))
        self.assertFalse(self._as("coordinator", "mentorship.contest.mark").search([("contest_id", "=", contest.id)]))
        self.assertEqual(self._as("coordinator", "mentorship.contest.entry").browse(self.entry_b.id).average_score, 0)
        with self.assertRefused("10 missing, from .*Test School B Curator", UserError):
            contest.action_close_marking()

    def test_jury_marks_rank_the_nominees(self):
        """The jury enters its marks; the coordinator closes the marking, sees
        the ranking and every mark, and chooses the winners; each curator sees
        the ranks of their own school's nominees."""
        self._judge()
        ranking = self.env.ref("mentorship_school.mentorship_contest_ranking_action")
        Ranking = self._as("coordinator", "mentorship.contest.entry")
        entries = Ranking.search([*safe_eval(ranking.domain), ("contest_id", "=", self.contest.id)], order="rank, id")
        self.assertEqual(
            [(entry.display_name, entry.average_score, entry.rank) for entry in entries],
            [(self.staff_mentor.display_name, 13.0, 1), ("B Mentor", 12.5, 2), ("Other Mentor", 9.0, 3)],
        )
        Mark = self._as("coordinator", "mentorship.contest.mark")
        self.assertEqual(len(Mark.search([("contest_id", "=", self.contest.id)])), 12)
        # school A's curator: the school's nominees, ranked among all; school B's, on the jury: all
        Entry_a = self._as("curator", "mentorship.contest.entry")
        self.assertEqual(Entry_a.search([("contest_id", "=", self.contest.id)]).mapped("rank"), [1, 3])
        Entry_b = self._as("curator_b", "mentorship.contest.entry")
        self.assertEqual(Entry_b.search([("contest_id", "=", self.contest.id)]).mapped("rank"), [1, 2, 3])
        self.assertEqual(
            self._as("curator_b", "mentorship.contest.mark").search([]).jury_user_id, self.curator_b, "own marks only"
        )
        # the coordinator chooses; a curator may not
        with self.assertRefused("Only the coordinator closes the marking and chooses the winners", AccessError):
            Entry_a.browse(self.entry_a2.id).action_choose_winner()
        with self.assertRefused("Only the coordinator closes the marking and chooses the winners", AccessError):
            Entry_a.browse(self.entry_a2.id).write({"is_winner": True})
        Ranking.browse(self.entry_b.id).action_choose_winner()
        Ranking.browse(self.entry_a.id).action_withdraw_winner()
        contest = self._as("coordinator", "mentorship.contest").browse(self.contest.id)
        self.assertEqual(contest.winner_ids, self.entry_b)
        contest.action_close()
        with self.assertRefused("chosen from the ranking, after the marking is closed", UserError):
            Ranking.browse(self.entry_a2.id).action_choose_winner()
        self.assertEqual(contest.winner_ids, self.entry_b)

    def test_winners_chosen_after_the_marking_only(self):
        Ranking = self._as("coordinator", "mentorship.contest.entry")
        with self.assertRefused("chosen from the ranking, after the marking is closed", UserError):
            Ranking.browse(self.entry_a.id).action_choose_winner()
        with self.assertRefused("Only the coordinator closes the marking", AccessError):
            self._as("curator_b", "mentorship.contest").browse(self.contest.id).action_close_marking()
        self._judge()
        contest = self._as("coordinator", "mentorship.contest").browse(self.contest.id)
        Ranking.browse(self.entry_a.id).action_withdraw_winner()
        with self.assertRefused("Choose at least one winner", UserError):
            contest.action_close()
        self.assertEqual(contest.state, "ranking")

    def test_curator_off_the_jury_sees_own_school_only(self):
        Entry = self._as("curator", "mentorship.contest.entry")
        self.assertEqual(Entry.search([]), self.entry_a | self.entry_a2)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Entry.browse(self.entry_b.id).read(["average_score"])
        self.assertFalse(self._as("curator", "mentorship.contest.mark").search([]))

    def test_coordinator_sees_every_nominee(self):
        self.assertEqual(
            self._as("coordinator", "mentorship.contest.entry").search([("contest_id", "=", self.other_contest.id)]),
            self.other_entry_b,
        )
        self.assertEqual(
            self._as("coordinator", "mentorship.contest.entry").search([("contest_id", "=", self.contest.id)]),
            self.entry_a | self.entry_a2 | self.entry_b,
        )
