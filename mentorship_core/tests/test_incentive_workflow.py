"""The states of an incentive and who moves each step, as each role through
the ORM (what XML-RPC uses): draft → proposed (curator) → approved (HR
officer or director) → exported → paid, or cancelled."""

from datetime import date

from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common_incentive import OCTOBER, IncentiveCase


@tagged("post_install", "-at_install")
class TestIncentiveWorkflow(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls.rule = cls._rule("Monthly payment", amount=3000.0)
        cls._meetings(cls.staff_pair, [6])
        cls.incentive = cls._generate()["created"]

    def _incentive_as(self, role, incentive=None):
        return self._as(role, "mentorship.incentive").browse((incentive or self.incentive).id)

    def test_generated_draft_goes_the_whole_way(self):
        self.env.cr.precommit.run()  # commit the creation: Odoo tracks no change of a record it is creating
        self.assertEqual(self.incentive.state, "draft")
        self.assertTrue(self._incentive_as("curator").action_propose())
        self.env.cr.precommit.run()  # the tracking is written at commit
        self.assertEqual((self.incentive.state, self.incentive.proposed_by_id), ("proposed", self.curator))
        wizard = self._as("hr_officer", "mentorship.incentive.approve.wizard").create(
            {"incentive_ids": [(6, 0, self.incentive.ids)], "order_number": "45-k", "order_date": date(2025, 11, 5)}
        )
        wizard.action_approve()
        self.env.cr.precommit.run()  # the tracking is written at commit
        self.assertRecordValues(
            self.incentive,
            [
                {
                    "state": "approved",
                    "approved_by_id": self.users["hr_officer"].id,
                    "order_number": "45-k",
                    "order_date": date(2025, 11, 5),
                }
            ],
        )
        self.incentive.invalidate_recordset(["message_ids"])
        tracked = self.incentive.message_ids.tracking_value_ids.filtered(lambda value: value.field_id.name == "state")
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["Approved", "Proposed"], "each move is in the chatter"
        )

    def test_who_may_move_each_step(self):
        for role in ("staff_mentor", "hr_officer", "employee"):
            with self.subTest(role=role), mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._incentive_as(role).action_propose()
        self._incentive_as("curator").action_propose()
        for role in ("curator", "coordinator", "staff_mentor"):
            with self.subTest(role=role), mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._incentive_as(role)._approve("45-k", date(2025, 11, 5))
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("curator", "mentorship.incentive.approve.wizard").create(
                {"incentive_ids": [(6, 0, self.incentive.ids)], "order_number": "1", "order_date": date(2025, 11, 5)}
            )
        self._incentive_as("hr_officer")._approve("45-k", date(2025, 11, 5))
        with self.assertRefused("Only the HR officer group may cancel an approved incentive", AccessError):
            self._incentive_as("curator").action_cancel()
        self.assertTrue(self._incentive_as("hr_officer").action_cancel())
        self.assertEqual(self.incentive.state, "cancelled")

    def _letter(self, mentor, **values):
        return self.env["mentorship.incentive"].create(
            {
                "mentor_id": mentor.id,
                "company_id": self.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                **values,
            }
        )

    def test_a_selection_is_proposed_at_once_by_a_curator(self):
        letters = self._letter(self.staff_mentor) | self._letter(self.pupil_mentor)
        selection = self.incentive | letters
        for role in ("staff_mentor", "hr_officer", "employee"):
            with self.subTest(role=role), mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._as(role, "mentorship.incentive").browse(selection.ids).action_propose()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("curator_b", "mentorship.incentive").browse(selection.ids).action_propose()
        self.assertEqual(set(selection.mapped("state")), {"draft"}, "nothing proposed by those refused")
        letters[1].action_cancel()
        with self.assertRefused("cannot be proposed in its state", UserError):
            self._as("curator", "mentorship.incentive").browse(selection.ids).action_propose()
        self.assertEqual(selection.mapped("state"), ["draft", "draft", "cancelled"], "all or nothing")
        self._as("curator", "mentorship.incentive").browse((selection - letters[1]).ids).action_propose()
        self.assertEqual(selection.mapped("state"), ["proposed", "proposed", "cancelled"])
        self.assertEqual(set((selection - letters[1]).proposed_by_id.ids), {self.curator.id})

    def test_letter_made_by_hand_counts_the_months_meetings_and_mentees_of_its_pairs(self):
        held = self._meetings(self.pupil_pair, [3, 10, 24])
        self._meetings(self.pupil_pair, [17], mentee=False)  # one side only
        self._meetings(self.pupil_pair, [5], month=11)  # another month
        letter = self._as("curator", "mentorship.incentive").create(
            {
                "mentor_id": self.pupil_mentor.id,
                "company_id": self.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                "pair_ids": [(6, 0, self.pupil_pair.ids)],
            }
        )
        self.assertRecordValues(letter, [{"held_meeting_count": 3, "mentee_count": 1}])
        self.assertEqual(letter.meeting_ids, held)
        self.assertEqual(letter.evidence_summary, "3 held meeting(s) in 1 pair(s)")
        letter.date_to = date(2025, 10, 15)
        self.assertEqual(letter.held_meeting_count, 2, "the meetings of its period only")
        letter.pair_ids = False
        self.assertRecordValues(letter, [{"held_meeting_count": 0, "mentee_count": 0}])
        # the generation's evidence is its own: the pair's life, not recomputed
        self.assertEqual(self.incentive.held_meeting_count, 1)
        self._meetings(self.staff_pair, [20])
        self.incentive.date_to = date(2025, 10, 30)
        self.assertEqual(self.incentive.held_meeting_count, 1)

    def test_curator_of_another_school_reaches_nothing(self):
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._incentive_as("curator_b").action_propose()
        self.assertEqual(self.incentive.state, "draft")

    def test_state_and_evidence_are_not_written_by_hand(self):
        attempts = [
            {"state": "approved"},
            {"held_meeting_count": 12},
            {"meeting_ids": [(5, 0, 0)]},
            {"rule_id": False},
            {"approved_by_id": self.curator.id},
        ]
        for role in ("curator", "hr_officer"):
            for values in attempts:
                with self.subTest(role=role, values=values), self.assertRaises(AccessError):
                    self._incentive_as(role).write(values)
        with self.assertRaises(AccessError):
            self._as("hr_officer", "mentorship.incentive").create(
                {
                    "mentor_id": self.staff_mentor.id,
                    "kind": "stimulating",
                    "date_from": OCTOBER[0],
                    "date_to": OCTOBER[1],
                    "state": "approved",
                }
            )
        self.assertEqual(self.incentive.state, "draft")
        self.assertEqual(self.incentive.held_meeting_count, 1)

    def test_approval_needs_the_basis_and_an_amount(self):
        self.incentive.action_propose()
        hr_incentive = self._incentive_as("hr_officer")
        hr_incentive.basis = False
        with self.assertRefused("needs its basis"):
            hr_incentive._approve("45-k", date(2025, 11, 5))
        hr_incentive.write({"basis": "Regulation, clause 5", "amount": 0.0})
        with self.assertRefused("no amount to pay"):
            hr_incentive._approve("45-k", date(2025, 11, 5))
        self.assertEqual(self.incentive.state, "proposed")
        self.assertFalse(self.incentive.order_number, "nothing half-written")

    def test_approved_incentive_is_locked_and_kept(self):
        self.incentive.action_propose()
        self._incentive_as("hr_officer")._approve("45-k", date(2025, 11, 5))
        for values in ({"amount": 1.0}, {"basis": "Other"}, {"mentor_id": self.pupil_mentor.id}):
            with self.subTest(values=values), self.assertRefused("can no longer be changed", UserError):
                self._incentive_as("hr_officer").write(values)
        with self.assertRefused("Only a draft incentive can be deleted", UserError):
            self._incentive_as("hr_officer").unlink()
        self.assertEqual(self.incentive.amount, 3000.0)

    def test_the_form_shows_an_approved_incentive_read_only(self):
        """What the model refuses to change, the form does not offer to edit."""
        self.incentive.action_propose()
        with Form(self._incentive_as("hr_officer")) as proposed:
            proposed.basis = "Regulation, clause 5"
        self._incentive_as("hr_officer")._approve("45-k", date(2025, 11, 5))
        approved = Form(self._incentive_as("hr_officer"))
        for field_name in ("amount", "basis", "mentor_id", "date_from", "description"):
            with self.subTest(field=field_name), self.assertRaises(AssertionError):
                setattr(approved, field_name, approved[field_name])

    def test_draft_is_deleted_and_returned(self):
        self.incentive.action_propose()
        self.assertTrue(self._incentive_as("hr_officer").action_return_to_draft())
        self.assertEqual(self.incentive.state, "draft")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._incentive_as("staff_mentor").unlink()
        self._incentive_as("curator").unlink()
        self.assertFalse(self.incentive.exists())

    def test_payments_only_for_staff_mentors(self):
        Incentive = self._as("curator", "mentorship.incentive")
        values = {"date_from": OCTOBER[0], "date_to": OCTOBER[1], "company_id": self.school.id}
        with self.assertRefused("Only staff mentors with an employee record receive payments"):
            Incentive.create({**values, "mentor_id": self.pupil_mentor.id, "kind": "stimulating"})
        letter = Incentive.create(
            {**values, "mentor_id": self.pupil_mentor.id, "kind": "thank_you_letter", "basis": "Regulation"}
        )
        self.assertEqual(letter.category, "recognition")
        with self.assertRefused("carries no amount"):
            self._incentive_as("hr_officer", letter).amount = 100.0
        with self.assertRefused("cannot be negative"):
            self._incentive_as("hr_officer").amount = -100.0

    def test_award_nomination_needs_its_documents(self):
        nomination = self._as("curator", "mentorship.incentive").create(
            {
                "mentor_id": self.staff_mentor.id,
                "kind": "award_honorary_mentor",
                "date_from": date(2025, 9, 1),
                "date_to": date(2026, 5, 31),
                "basis": "Regulation on awards, clause 2",
                "description": "Ten years of mentoring young teachers",
            }
        )
        self.assertEqual(len(nomination.document_ids), 5)
        nomination.action_propose()
        with self.assertRefused("misses documents: Submission for the award"):
            self._incentive_as("hr_officer", nomination)._approve("46-k", date(2025, 11, 5))
        nomination.document_ids.write({"is_provided": True})
        self._incentive_as("hr_officer", nomination)._approve("46-k", date(2025, 11, 5))
        self.assertEqual(nomination.state, "approved")
        with self.assertRefused("can no longer be changed", UserError):
            self._as("curator", "mentorship.incentive.document").browse(
                nomination.document_ids[0].id
            ).is_provided = False

    def test_recognition_printed_as_a_letter_once_approved(self):
        letter = self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.pupil_mentor.id,
                "company_id": self.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                "basis": "Regulation on recognition, clause 1",
                "description": "For the mentorship of a fifth-form pupil",
            }
        )
        report = self.env["ir.actions.report"]
        with self.assertRefused("Only an approved thank-you letter", UserError):
            report._render_qweb_html("mentorship_core.report_incentive_letter", letter.ids)
        letter.action_propose()
        letter._approve("47-k", date(2025, 11, 5))
        html, _type = report._render_qweb_html("mentorship_core.report_incentive_letter", letter.ids)
        self.assertIn("Thank-You Letter", html.decode())
        self.assertIn(self.pupil_mentor.partner_id.name, html.decode())
        self.assertIn("For the mentorship of a fifth-form pupil", html.decode())
        self.assertEqual(self.pupil_mentor.recognition_ids, letter)
        self.assertEqual(self.env["mentorship.incentive"]._recognitions_of(self.users["portal_mentor"]), letter)
        self.assertFalse(self.env["mentorship.incentive"]._recognitions_of(self.users["staff_mentor"]))

    def test_russian_letter_thanks_in_the_dative_and_the_director_signs(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search([("name", "=", "mentorship_core")])._update_translations(["ru_RU"])
        self.pupil_mentor.partner_id.name = "Соколова Ирина Викторовна"
        self.users["director"].name = "Воронцов Павел Сергеевич"
        letter = self._as("curator", "mentorship.incentive").create(
            {
                "mentor_id": self.pupil_mentor.id,
                "company_id": self.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                "basis": "Положение о поощрении, п. 1",
            }
        )
        letter.action_propose()
        self._as("director", "mentorship.incentive").browse(letter.id)._approve("47-к", date(2025, 11, 5))
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="ru_RU")
            ._render_qweb_html("mentorship_core.report_incentive_letter", letter.ids)[0]
            .decode()
        )
        self.assertIn("выражает искреннюю благодарность", html)
        self.assertIn("Соколовой Ирине Викторовне", html)
        self.assertIn("Воронцов П. С.", html)
        self.assertIn("5 ноября 2025 г.", html)
        self.assertIn(self.school.name, html, "the organisation heads its letter")

    def test_bad_input_is_refused(self):
        Incentive = self._as("curator", "mentorship.incentive")
        values = {"mentor_id": self.staff_mentor.id, "kind": "thank_you_letter", "company_id": self.school.id}
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation), self.cr.savepoint():
            Incentive.create({**values, "date_from": date(2025, 10, 31), "date_to": date(2025, 10, 1)})
            Incentive.env.flush_all()
        with self.assertRefused("cannot be empty"):
            Incentive.create({**values, "date_from": OCTOBER[0], "date_to": OCTOBER[1], "basis": "  "})
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Incentive.create(
                {**values, "date_from": OCTOBER[0], "date_to": OCTOBER[1], "pair_ids": [(6, 0, self.pair_b.ids)]}
            )
        with self.assertRefused("another organisation"):
            self.env["mentorship.incentive"].create(
                {**values, "date_from": OCTOBER[0], "date_to": OCTOBER[1], "pair_ids": [(6, 0, self.pair_b.ids)]}
            )
