from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestMatching(MentorshipRolesCase, TransactionCase):
    """Matching runs as the curator of school A, unless a test says otherwise.

    In school A the staff mentor (teachers, 3 places, 1 taken) is the only
    mentor with free places before a test adds its own; the pupil mentor of
    the fixtures is archived, so the pupils' program sees only the mentors a
    test creates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        Tag = cls.env["mentorship.tag"]
        cls.tag_motivation = Tag.create({"name": "Test matching: motivation"})
        cls.tag_maths = Tag.create({"name": "Test matching: maths"})
        cls.form_employer = cls.env.ref("mentorship_core.form_employer_pupil")
        cls.cat_parent = cls.env.ref("mentorship_core.mentor_category_parent")
        # the pupils' program sees only the mentors a test creates
        cls.pupil_mentor.action_archive_profile()

    # --- helpers ------------------------------------------------------------------

    def _pupil_mentor(self, name, tags=None, cleared=True, **values):
        mentor = self._mentor(name, category=self.cat_pupil_mentor, **values)
        mentor.write({"competency_tag_ids": [Command.set((tags or self.tag_motivation).ids)]})
        mentor.cleared_for_minors = cleared
        return mentor

    def _pupil(self, name, tags=None, **values):
        mentee = self._mentee(name, category=self.cat_pupil, **values)
        mentee.difficulty_tag_ids = tags or self.tag_motivation
        return mentee

    def _run(self, programs=None, role="curator", mode="coverage", weights=None):
        """Run a matching through its form (the wizard) as ``role``."""
        Run = self._as(role, "mentorship.matching")
        run = Run.create({"program_ids": [Command.set((programs or self.program_pupils).ids)], "mode": mode})
        if weights is not None:
            criteria = Run._matching_criteria()
            run.write(
                {
                    "matching_preset": "custom",
                    **{field: weights.get(criterion, 0.0) for criterion, (field, _label) in criteria.items()},
                }
            )
        run.action_run()
        return run

    def _proposed_mentor(self, run, mentee):
        return run.line_ids.filtered(lambda line: line.mentee_id == mentee).mentor_id

    def _unmatched_reason(self, run, mentee):
        return run.unmatched_ids.filtered(lambda line: line.mentee_id == mentee).unmatched_reason

    # --- the run and its proposals -----------------------------------------------------

    def test_run_proposes_pairs_in_matching_stage_with_explained_scores(self):
        pupil = self._pupil("Pupil One", tags=self.tag_motivation | self.tag_maths)
        mentor = self._pupil_mentor("Senior One", tags=self.tag_motivation)
        run = self._run()
        self.assertEqual(run.state, "done")
        self.assertEqual((run.mentee_count, run.matched_count, run.unmatched_count), (1, 1, 0))
        line = run.proposal_ids
        self.assertEqual((line.mentee_id, line.mentor_id, line.state), (pupil, mentor, "proposed"))
        pair = line.pair_id
        self.assertEqual(pair.state, "matching")
        self.assertEqual((pair.mentor_id, pair.mentee_ids, pair.program_id), (mentor, pupil, self.program_pupils))
        self.assertEqual(pair.matching_score, line.score)
        # half the difficulties are the mentor's competencies: competency counts for half its weight
        weights = run._matching_weights()
        self.assertAlmostEqual(line.breakdown["competency"], round(weights["competency"] * 0.5, 2))
        self.assertAlmostEqual(sum(line.breakdown.values()), line.score, places=6)
        self.assertIn(f"competencies {line.breakdown['competency']:.2f}", line.explanation)
        self.assertGreaterEqual(run.score_ratio, 1.0)
        self.assertAlmostEqual(run.total_score, line.score, delta=0.01)
        self.assertFalse(pair.message_ids.filtered(lambda message: message.message_type == "notification"))
        self.assertIn("1 of 1 mentees", run.message_ids[0].body)

    def test_explanations_add_up_to_the_score_for_every_proposal(self):
        pupils = [self._pupil(f"Pupil {index}", tags=self.tag_maths) for index in range(4)]
        self._pupil_mentor("Senior A", tags=self.tag_maths, capacity=2)
        shared = self._pupil_mentor("Senior B", tags=self.tag_maths, capacity=2, company=self.school_b)
        shared.shared_company_ids = self.school
        pupils[0].preferred_mentor_ids = shared
        run = self._run(weights={"competency": 1.0, "preference": 1.0, "organisation": 0.5})
        self.assertEqual(run.matched_count, 4)
        for line in run.proposal_ids:
            self.assertAlmostEqual(sum(line.breakdown.values()), line.score, places=6)
            self.assertTrue(line.explanation)
        preferred = run.proposal_ids.filtered(lambda line: line.mentee_id == pupils[0])
        self.assertEqual(preferred.mentor_id, shared, "the preferred mentor scores higher")
        self.assertEqual(preferred.explanation, "competencies 0.40 + mentee's preference 0.40")
        self.assertEqual(preferred.score, 0.8)

    def test_missing_consent_is_explained_not_excluded(self):
        pupil = self._pupil("Pupil Without Consent", consent=False)
        self._pupil_mentor("Senior Consent")
        line = self._run().proposal_ids
        self.assertEqual(line.mentee_id, pupil)
        self.assertTrue(line.consent_missing)
        self.assertIn("consent missing", line.explanation)

    # --- hard rules ---------------------------------------------------------------

    def test_rule_form_categories(self):
        pupil = self._pupil("Pupil Categories")
        teacher_mentor = self._mentor("Teacher For Pupils")
        teacher_mentor.cleared_for_minors = True
        run = self._run()
        self.assertFalse(self._proposed_mentor(run, pupil))
        self.assertEqual(self._unmatched_reason(run, pupil), "no_allowed_mentor")
        # a mentee of a category no program in the run takes is not considered at all
        self.assertNotIn(self._mentee("Unpaired Young Teacher"), self._run().line_ids.mentee_id)

    def test_rule_capacity_counts_running_pairs_in_every_school(self):
        shared = self._pupil_mentor("Shared Senior", company=self.school_b, capacity=1)
        shared.shared_company_ids = self.school
        program_b_pupils = self._program(self.form_pupils, "School B pupils", company=self.school_b)
        pair_b = self._pair(shared, self._pupil("B Pupil", company=self.school_b), program=program_b_pupils)
        self._approve(pair_b)
        self.assertEqual(shared.free_capacity, 0)
        pupil = self._pupil("Pupil Capacity")
        run = self._run()
        self.assertFalse(self._proposed_mentor(run, pupil))
        self.assertEqual(self._unmatched_reason(run, pupil), "capacity_exhausted")

    def test_rule_capacity_shared_between_mentees(self):
        mentor = self._pupil_mentor("Senior Capacity", capacity=2)
        pupils = [self._pupil(f"Pupil Cap {index}") for index in range(3)]
        run = self._run()
        self.assertEqual(run.matched_count, 2)
        self.assertEqual(len(run.proposal_ids.filtered(lambda line: line.mentor_id == mentor)), 2)
        self.assertEqual(run.unmatched_ids.unmatched_reason, "capacity_exhausted")
        self.assertIn(run.unmatched_ids.mentee_id, pupils[0] | pupils[1] | pupils[2])
        # the proposals hold the places: a second run proposes the mentor to nobody
        self.assertEqual(self._run().matched_count, 0)

    def test_rule_parent_never_with_own_child(self):
        program = self._program(self.form_employer, "Employers and pupils")
        parent = self._mentor("Mother Mentor", category=self.cat_parent)
        parent.cleared_for_minors = True
        child = self._pupil("Her Son", minor=True, guardians=parent.partner_id)
        other_child = self._pupil("Another Pupil", minor=True, guardians=self._partner("Another Parent"))
        run = self._run(program)
        self.assertEqual(self._unmatched_reason(run, child), "no_allowed_mentor")
        self.assertEqual(self._proposed_mentor(run, other_child), parent)

    def test_rule_mentor_the_mentee_asked_to_replace(self):
        pupil = self._pupil("Pupil Replaced")
        mentor = self._pupil_mentor("Senior Replaced")
        pupil.excluded_mentor_ids = mentor
        run = self._run()
        self.assertEqual(self._unmatched_reason(run, pupil), "no_allowed_mentor")

    def test_rule_minors_only_with_cleared_mentors(self):
        minor = self._pupil("Minor Pupil", minor=True, guardians=self._partner("Minor's Mother"))
        adult = self._pupil("Adult Pupil")
        uncleared = self._pupil_mentor("Senior Uncleared", cleared=False, capacity=2)
        run = self._run()
        self.assertEqual(self._unmatched_reason(run, minor), "no_allowed_mentor")
        self.assertEqual(self._proposed_mentor(run, adult), uncleared)
        self.assertTrue(self.env["mentorship.mentor"]._fields["cleared_for_minors"].tracking)
        # a minor mentor is the minor mentee's peer: no clearance asked
        uncleared.partner_id.mentorship_is_minor = True
        self.assertEqual(self._proposed_mentor(self._run(), minor), uncleared)

    def test_rule_mentor_of_another_school_only_when_shared(self):
        pupil = self._pupil("Pupil Organisation")
        foreign = self._pupil_mentor("Senior Of B", company=self.school_b)
        run = self._run()
        self.assertEqual(self._unmatched_reason(run, pupil), "no_allowed_mentor")
        foreign.shared_company_ids = self.school
        run = self._run()
        line = run.proposal_ids.filtered(lambda line: line.mentee_id == pupil)
        self.assertEqual(line.mentor_id, foreign)
        self.assertFalse(line.breakdown.get("organisation"), "a shared mentor is not of the same organisation")

    def test_proposals_are_one_to_one_pairs(self):
        self._pupil_mentor("Senior Group", capacity=3)
        for index in range(3):
            self._pupil(f"Pupil Group {index}")
        pairs = self._run().proposal_ids.pair_id
        self.assertEqual(len(pairs), 3)
        self.assertEqual(set(pairs.mapped("kind")), {"traditional"})
        self.assertEqual({len(pair.mentee_ids) for pair in pairs}, {1})

    # --- the curator decides ---------------------------------------------------------

    def test_accept_moves_the_pair_to_agreement(self):
        self._pupil("Pupil Accept")
        self._pupil_mentor("Senior Accept")
        line = self._run().proposal_ids
        pair = self._as("curator", "mentorship.pair").browse(line.pair_id.id)
        pair.action_matching_accept()
        self.assertEqual(pair.state, "agreement")
        self.assertEqual(line.state, "accepted")
        self.assertEqual(line.matching_id.accepted_count, 1)
        with self.assertRaisesRegex(UserError, "no longer open"):
            line.action_accept()
        # a proposal whose pair the curator moved on by hand is not removed by a rejection
        self._pupil("Pupil Moved On")
        self._pupil_mentor("Senior Moved On")
        moved = self._run().proposal_ids
        moved.pair_id.with_user(self.curator).stage_id = self.stage["agreement"]
        with self.assertRaisesRegex(UserError, "no longer open"):
            moved._reject("Changed my mind")
        self.assertTrue(moved.pair_id)

    def test_rejection_is_respected_by_the_next_run(self):
        pupil = self._pupil("Pupil Reject")
        first = self._pupil_mentor("Senior First", tags=self.tag_motivation)
        second = self._pupil_mentor("Senior Second", tags=self.tag_maths)
        run = self._run()
        line = run.proposal_ids
        self.assertEqual(line.mentor_id, first)
        pair = line.pair_id
        action = pair.with_user(self.curator).action_matching_reject()
        wizard = (
            self._as("curator", action["res_model"])
            .with_context(**action["context"])
            .create({"reason": "They know each other from a conflict"})
        )
        wizard.action_reject()
        self.assertEqual(line.state, "rejected")
        self.assertEqual(line.rejection_reason, "They know each other from a conflict")
        self.assertFalse(pair.exists())
        self.assertFalse(pupil.has_pair)
        self.assertEqual(run.rejected_count, 1)
        again = self._run()
        self.assertEqual(self._proposed_mentor(again, pupil), second)
        with self.assertRaisesRegex(UserError, "reason"):
            again.proposal_ids._reject("  ")

    def test_swap_mentors_of_two_proposals(self):
        maths_pupil = self._pupil("Pupil Maths", tags=self.tag_maths)
        motivation_pupil = self._pupil("Pupil Motivation", tags=self.tag_motivation)
        maths_mentor = self._pupil_mentor("Senior Maths", tags=self.tag_maths)
        motivation_mentor = self._pupil_mentor("Senior Motivation", tags=self.tag_motivation)
        run = self._run()
        maths_line = run.proposal_ids.filtered(lambda line: line.mentee_id == maths_pupil)
        motivation_line = run.proposal_ids - maths_line
        self.assertEqual(maths_line.mentor_id, maths_mentor)
        score_before = maths_line.score
        wizard = self._as("curator", "mentorship.matching.swap.wizard").create(
            {"line_id": maths_line.id, "other_line_id": motivation_line.id}
        )
        wizard.action_swap()
        self.assertEqual(maths_line.mentor_id, motivation_mentor)
        self.assertEqual(maths_line.pair_id.mentor_id, motivation_mentor)
        self.assertEqual(motivation_line.pair_id.mentor_id, maths_mentor)
        self.assertLess(maths_line.score, score_before)
        self.assertAlmostEqual(sum(maths_line.breakdown.values()), maths_line.score, places=6)
        # a swap the rules refuse changes nothing
        motivation_pupil.excluded_mentor_ids = motivation_mentor
        with self.assertRaisesRegex(UserError, "do not allow"):
            maths_line._swap_mentors(motivation_line)
        self.assertEqual(maths_line.mentor_id, motivation_mentor)
        self.assertEqual(motivation_line.pair_id.mentor_id, maths_mentor)

    # --- the two modes --------------------------------------------------------------

    def test_modes_most_matched_or_best_quality(self):
        """Mentor M suits A fully and B by half; mentor N only A, with no
        common competency. Most matched: A–N and B–M; best quality: A–M."""
        pupil_a = self._pupil("Pupil A", tags=self.tag_motivation)
        pupil_b = self._pupil("Pupil B", tags=self.tag_motivation | self.tag_maths)
        mentor_m = self._pupil_mentor("Senior M", tags=self.tag_motivation)
        mentor_n = self._pupil_mentor(
            "Senior N", tags=self.env["mentorship.tag"].create({"name": "Test matching: chess"})
        )
        pupil_b.excluded_mentor_ids = mentor_n
        coverage = self._run(mode="coverage", weights={"competency": 1.0})
        self.assertEqual(self._proposed_mentor(coverage, pupil_a), mentor_n)
        self.assertEqual(self._proposed_mentor(coverage, pupil_b), mentor_m)
        self.assertAlmostEqual(coverage.total_score, 0.5)
        coverage.proposal_ids.pair_id.unlink()  # frees the pupils and the places for the next run
        quality = self._run(mode="quality", weights={"competency": 1.0})
        self.assertEqual(self._proposed_mentor(quality, pupil_a), mentor_m)
        self.assertFalse(self._proposed_mentor(quality, pupil_b))
        self.assertEqual((quality.matched_count, quality.total_score), (1, 1.0))

    # --- weights ----------------------------------------------------------------------

    def test_presets_fill_the_weights_and_the_run_starts_from_the_program(self):
        program = self.program_pupils
        program.matching_preset = "competency"
        self.assertGreater(program.matching_weight_competency, program.matching_weight_organisation)
        program.matching_preset = "proximity"
        self.assertGreater(program.matching_weight_organisation, program.matching_weight_competency)
        program.matching_weight_format = 0.9
        run = self._as("curator", "mentorship.matching").create({"program_ids": [Command.set(program.ids)]})
        self.assertEqual(run.matching_preset, "proximity")
        self.assertEqual(run.matching_weight_format, 0.9)
        run.matching_preset = "balanced"
        self.assertNotEqual(run.matching_weight_format, 0.9)
        self.assertEqual(program.matching_weight_format, 0.9, "the run changes its own weights only")

    def test_bad_input_is_refused_with_nothing_written(self):
        self._pupil("Pupil Bad Input")
        self._pupil_mentor("Senior Bad Input")
        Run = self._as("curator", "mentorship.matching")
        empty = Run.create({"program_ids": [Command.clear()]})
        with self.assertRaisesRegex(UserError, "Choose the programs"):
            empty.action_run()
        criteria = Run._matching_criteria()
        zero = Run.create(
            {
                "program_ids": [Command.set(self.program_pupils.ids)],
                "matching_preset": "custom",
                **{field: 0.0 for field, _label in criteria.values()},
            }
        )
        with self.assertRaisesRegex(UserError, "weight above zero"):
            zero.action_run()
        self.assertEqual((empty.state, zero.state), ("draft", "draft"))
        self.assertFalse(self.env["mentorship.matching.line"].search([("matching_id", "in", (empty | zero).ids)]))
        self.assertFalse(
            self.env["mentorship.pair"].search([("matching_line_id.matching_id", "in", (empty | zero).ids)])
        )
        done = self._run()
        with self.assertRaisesRegex(UserError, "already run"):
            done.action_run()

    # --- access -----------------------------------------------------------------------

    def test_curator_matches_only_their_school(self):
        pupil_a = self._pupil("Pupil In A")
        pupil_b = self._pupil("Pupil In B", company=self.school_b)
        self._pupil_mentor("Senior In A", capacity=2)
        mentor_b = self._pupil_mentor("Senior In B", company=self.school_b)
        with self.assertRaises(AccessError):
            self._as("curator", "mentorship.program").browse(self.program_b.id).name  # noqa: B018
        run = self._run()
        self.assertEqual(run.line_ids.mentee_id, pupil_a)
        self.assertNotIn(pupil_b, run.line_ids.mentee_id)
        self.assertNotIn(mentor_b, run.line_ids.mentor_id)
        self.assertFalse(self._as("curator_b", "mentorship.matching").search([("id", "=", run.id)]))
        self.assertFalse(self._as("curator_b", "mentorship.matching.line").search([("matching_id", "=", run.id)]))

    def test_roles_without_matching_rights_are_refused(self):
        for role in ("staff_mentor", "hr_officer", "employee", "portal_mentee", "parent"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._as(role, "mentorship.matching").create({"program_ids": [Command.set(self.program_pupils.ids)]})
        run = self._run()
        for role in ("staff_mentor", "hr_officer"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._as(role, "mentorship.matching").browse(run.id).action_run()

    def test_coordinator_matches_two_schools_with_a_shared_mentor(self):
        program_b_pupils = self._program(self.form_pupils, "School B pupils", company=self.school_b)
        pupil_a = self._pupil("Coordinated A")
        pupil_b = self._pupil("Coordinated B", company=self.school_b)
        shared = self._pupil_mentor("Shared Senior", capacity=2)
        shared.shared_company_ids = self.school_b
        run = self._run(self.program_pupils | program_b_pupils, role="coordinator")
        self.assertEqual(run.matched_count, 2)
        self.assertEqual(self._proposed_mentor(run, pupil_a), shared)
        self.assertEqual(self._proposed_mentor(run, pupil_b), shared)
        self.assertEqual(run.company_ids, self.school | self.school_b)
        # each school's curator reads the proposals about their school
        lines_b = self._as("curator_b", "mentorship.matching.line").search([("matching_id", "=", run.id)])
        self.assertEqual(lines_b.mentee_id, pupil_b)

    # --- background and dropdown -----------------------------------------------------------

    def test_big_runs_go_to_the_background(self):
        self.env["ir.config_parameter"].sudo().set_param("mentorship_core.matching_background_threshold", "0")
        self._pupil("Pupil Background")
        self._pupil_mentor("Senior Background")
        Run = self._as("curator", "mentorship.matching")
        run = Run.create({"program_ids": [Command.set(self.program_pupils.ids)]})
        run.action_run()
        self.assertEqual(run.state, "running")
        self.assertTrue(run.job_uuid)
        self.assertEqual(run.progress, 0)
        run._run_in_background()
        self.assertEqual((run.state, run.matched_count, run.progress), ("done", 1, 100))

    def test_mentor_dropdown_offers_best_allowed_mentors_first(self):
        pupil = self._pupil("Pupil Dropdown", tags=self.tag_maths)
        best = self._pupil_mentor("Senior Best", tags=self.tag_maths)
        other = self._pupil_mentor("Senior Other", tags=self.tag_motivation)
        full = self._pupil_mentor("Senior Full", tags=self.tag_maths)
        self._approve(self._pair(full, self._pupil("Taken Pupil"), program=self.program_pupils))
        excluded = self._pupil_mentor("Senior Excluded", tags=self.tag_maths)
        pupil.excluded_mentor_ids = excluded
        Mentor = self._as("curator", "mentorship.mentor").with_context(
            mentorship_matching_program_id=self.program_pupils.id, mentorship_matching_mentee_ids=pupil.ids
        )
        found = [mentor_id for mentor_id, _name in Mentor.name_search("Senior")]
        self.assertEqual(found[:2], [best.id, other.id])
        self.assertIn(full.id, found[2:], "a mentor without free places comes after those with places")
        self.assertNotIn(excluded.id, found)
        self.assertIn("score", Mentor.name_search("Senior Best")[0][1])
        # without the pair's context, the usual search
        plain = self._as("curator", "mentorship.mentor").name_search("Senior Excluded")
        self.assertEqual([mentor_id for mentor_id, _name in plain], excluded.ids)
