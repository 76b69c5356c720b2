from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import MentorshipRolesCase
from .common_incentive import IncentiveCase
from .common_questionnaire import QuestionnaireMixin

SHIPPED = {
    "mentor_application": ("mentor_application", "no_scoring"),
    "mentee_application": ("mentee_application", "no_scoring"),
    "mentee_satisfaction_pupils": ("mentee_satisfaction", "scoring_without_answers"),
    "mentor_satisfaction_pupils": ("mentor_satisfaction", "scoring_without_answers"),
    "mentee_satisfaction_teachers": ("mentee_satisfaction", "scoring_without_answers"),
    "mentor_satisfaction_teachers": ("mentor_satisfaction", "scoring_without_answers"),
    "curator_review": ("curator_review", "no_scoring"),
    "self_assessment": ("self_assessment", "scoring_without_answers"),
}


@tagged("post_install", "-at_install")
class TestShippedQuestionnaires(QuestionnaireMixin, MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()

    def test_each_questionnaire_with_its_purpose_and_scoring(self):
        for name, (purpose, scoring) in SHIPPED.items():
            with self.subTest(name=name):
                survey = self._questionnaire(name)
                self.assertRecordValues(
                    survey, [{"mentorship_purpose": purpose, "scoring_type": scoring, "access_mode": "token"}]
                )
                self.assertTrue(survey.question_ids)
                self.assertFalse(survey.lang_ids, "shown in the participant's language")
                if scoring != "no_scoring":
                    self.assertEqual(survey.scoring_success_min, 0.0, "no pass or fail for a satisfaction")
        self.assertTrue(self._questionnaire("curator_review").users_login_required)
        self.assertFalse(self._questionnaire("mentee_satisfaction_pupils").users_login_required)

    def test_satisfaction_scales_score_one_to_ten_per_form_group(self):
        pupil_forms = self.form_pupils | self.env.ref("mentorship_core.form_student_pupil")
        for name, forms, absent in (
            ("mentee_satisfaction_pupils", pupil_forms, self.form_teachers),
            ("mentor_satisfaction_pupils", pupil_forms, self.form_teachers),
            ("mentee_satisfaction_teachers", self.form_teachers, self.form_pupils),
            ("mentor_satisfaction_teachers", self.form_teachers, self.form_pupils),
            ("self_assessment", self.form_teachers, self.form_pupils),
        ):
            with self.subTest(name=name):
                survey = self._questionnaire(name)
                self.assertLessEqual(forms, survey.mentorship_form_ids)
                self.assertNotIn(absent, survey.mentorship_form_ids)
                scales = self._scale_questions(survey)
                self.assertGreaterEqual(len(scales), 6)
                for question in scales:
                    self.assertTrue(question.constr_mandatory, question.title)
                    self.assertTrue(question.mentorship_is_scale, question.title)
                    self.assertEqual(question.suggested_answer_ids.mapped("answer_score"), list(range(1, 11)))
                # every scored question is a scale: the score in per cent is the satisfaction
                scored = survey.question_ids.filtered(lambda q: any(q.suggested_answer_ids.mapped("answer_score")))
                self.assertEqual(scored, scales)

    def test_satisfaction_asks_about_continuing_and_mentoring(self):
        for name in ("mentee_satisfaction_pupils", "mentor_satisfaction_pupils", "mentee_satisfaction_teachers"):
            survey = self._questionnaire(name)
            indicators = survey.question_ids.filtered("mentorship_indicator")
            self.assertEqual(set(indicators.mapped("mentorship_indicator")), {"wants_to_continue", "wants_to_mentor"})
            for question in indicators:
                self.assertEqual(self._choice(question, "Да").mentorship_value, "yes")
                self.assertEqual(self._choice(question, "Нет").mentorship_value, "no")
        teachers = self._questionnaire("mentor_satisfaction_teachers").question_ids
        self.assertIn("wants_to_be_mentee", teachers.mapped("mentorship_indicator"))

    def test_curator_review_is_a_swot(self):
        questions = self._questionnaire("curator_review").question_ids
        self.assertEqual(set(questions.mapped("question_type")), {"text_box"})
        self.assertEqual(questions[:4].mapped("title")[:2], ["Сильные стороны программы", "Слабые стороны программы"])

    def test_score_in_per_cent_is_the_satisfaction(self):
        survey = self._questionnaire("mentee_satisfaction_teachers")
        scores = [10, 9, 8, 7, 10, 6, 5]
        answer = self._answer_satisfaction(survey, self._partner("Teacher"), scores)
        self.assertAlmostEqual(answer.scoring_percentage, round(sum(scores) / (10 * len(scores)) * 100, 2))
        self.assertTrue(answer.scoring_success, "no threshold: never 'failed'")

    def test_average_score_counts_each_answer(self):
        survey = self._questionnaire("mentee_satisfaction_pupils")
        for name, score in (("A", 10), ("B", 10), ("C", 7)):
            self._answer_satisfaction(survey, self._partner(f"Pupil {name}"), [score] * 6)
        survey._compute_survey_statistic()
        self.assertAlmostEqual(survey.answer_score_avg, 90.0)


@tagged("post_install", "-at_install")
class TestApplicationFillsProfile(QuestionnaireMixin, MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.tag = {name: cls.env.ref(f"mentorship_core.tag_{name}") for name in ("exams", "motivation", "digital")}

    def _apply(self, name, partner, answers):
        """Answers the application ``name``: {question xmlid suffix: value
        or list of choice values}."""
        survey = self._questionnaire(name)
        answer = survey._create_answer(partner=partner, check_attempts=False)
        for suffix, value in answers.items():
            question = self.env.ref(f"mentorship_core.survey_{name}_{suffix}")
            if question.question_type in ("simple_choice", "multiple_choice"):
                values = value if isinstance(value, list) else [value]
                value = [self._choice(question, item).id for item in values]
                value = value if question.question_type == "multiple_choice" else value[0]
            answer._save_lines(question, value)
        answer._mark_done()
        return answer

    def test_mentee_application_fills_difficulties_request_and_preferences(self):
        mentee = self._mentee("Pupil Candidate", category=self.cat_pupil)
        mentee.difficulty_tag_ids = self.tag["digital"]
        self._apply(
            "mentee_application",
            mentee.partner_id,
            {
                "difficulties": ["Подготовка к экзаменам (ВПР, ОГЭ, ЕГЭ)", "Нет желания учиться, низкая мотивация"],
                "request": "  Хочу сдать ОГЭ по математике на «4»  ",
                "format": "Дистанционно",
                "availability": "после уроков",
            },
        )
        self.assertRecordValues(
            mentee,
            [
                {
                    "difficulty_tag_ids": (self.tag["digital"] | self.tag["exams"] | self.tag["motivation"]).ids,
                    "request": "Хочу сдать ОГЭ по математике на «4»",
                    "preferred_format": "remote",
                    "availability": "после уроков",
                }
            ],
        )

    def test_mentor_application_fills_competencies(self):
        mentor = self._mentor("Mentor Candidate")
        self._apply(
            "mentor_application",
            mentor.partner_id,
            {"competencies": ["Цифровые инструменты и технологии"], "format": "Очно или дистанционно — не важно"},
        )
        self.assertRecordValues(mentor, [{"competency_tag_ids": self.tag["digital"].ids, "preferred_format": "mixed"}])

    def test_application_of_a_person_without_profile_fills_nothing(self):
        partner = self._partner("Unknown Candidate")
        answer = self._apply("mentee_application", partner, {"request": "Help", "format": "Очно"})
        self.assertEqual(answer.state, "done")
        self.assertFalse(self.env["mentorship.mentee"].search([("partner_id", "=", partner.id)]))

    def test_unfinished_answer_fills_nothing(self):
        mentee = self._mentee("Slow Candidate")
        survey = self._questionnaire("mentee_application")
        answer = survey._create_answer(partner=mentee.partner_id, check_attempts=False)
        answer._save_lines(self.env.ref("mentorship_core.survey_mentee_application_request"), "Not yet")
        self.assertFalse(mentee.request)


@tagged("post_install", "-at_install")
class TestMappingRefusesBadInput(QuestionnaireMixin, MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.tag = cls.env.ref("mentorship_core.tag_exams")

    def _question(self, name, **values):
        return self.env["survey.question"].create(
            {"survey_id": self._questionnaire(name).id, "title": "New question", **values}
        )

    def test_a_choice_of_a_tag_question_names_its_tag(self):
        with self.assertRefused("«Other» of the question «New question» names no tag"):
            self._question(
                "mentee_application",
                question_type="multiple_choice",
                mentorship_profile_field="difficulty_tag_ids",
                suggested_answer_ids=[
                    Command.create({"value": "Exams", "mentorship_tag_id": self.tag.id}),
                    Command.create({"value": "Other"}),
                ],
            )
        question = self.env.ref("mentorship_core.survey_mentee_application_difficulties")
        with self.assertRefused("names no tag"):
            question.suggested_answer_ids[:1].mentorship_tag_id = False
        self.assertEqual(
            question.suggested_answer_ids[:1].mentorship_tag_id, self.env.ref("mentorship_core.tag_adaptation")
        )

    def test_a_tag_only_on_a_question_that_fills_tags(self):
        question = self.env.ref("mentorship_core.survey_mentee_application_format")
        with self.assertRefused("names a tag, but the question fills neither competencies nor difficulties"):
            question.suggested_answer_ids[:1].mentorship_tag_id = self.tag
        with self.assertRefused("names a tag"):
            self.env["survey.question.answer"].create(
                {"question_id": question.id, "value": "By pigeon", "mentorship_tag_id": self.tag.id}
            )

    def test_an_unknown_format_or_indicator_value(self):
        question = self.env.ref("mentorship_core.survey_mentee_application_format")
        with self.assertRefused("sets «teleport», which is not one of: in_person, remote, mixed"):
            question.suggested_answer_ids[:1].mentorship_value = "teleport"
        with self.assertRefused("sets «», which is not one of"):
            self.env["survey.question.answer"].create({"question_id": question.id, "value": "Whatever"})
        indicator = self._questionnaire("mentee_satisfaction_pupils").question_ids.filtered("mentorship_indicator")[:1]
        with self.assertRefused("sets «maybe», which is not one of: yes, no"):
            indicator.suggested_answer_ids[:1].mentorship_value = "maybe"

    def test_a_profile_field_only_on_its_questionnaire(self):
        with self.assertRefused(
            "fills «Mentee's Difficulties» in the profile: only a questionnaire «Mentee Application»"
        ):
            self._question(
                "mentor_application",
                question_type="multiple_choice",
                mentorship_profile_field="difficulty_tag_ids",
                suggested_answer_ids=[Command.create({"value": "Exams", "mentorship_tag_id": self.tag.id})],
            )
        with self.assertRefused("it must be of the type"):
            self._question("mentee_application", question_type="numerical_box", mentorship_profile_field="request")
        with self.assertRefused("must be a question with one answer"):
            self._question("mentee_application", question_type="simple_choice", mentorship_indicator="wants_to_mentor")
        survey = self._questionnaire("mentee_application")
        with self.assertRefused("only a questionnaire"):
            survey.mentorship_purpose = "mentor_application"
        self.assertEqual(survey.mentorship_purpose, "mentee_application")


@tagged("post_install", "-at_install")
class TestSatisfactionIncentive(QuestionnaireMixin, IncentiveCase, TransactionCase):
    """An incentive rule pays for a completed plan only when the mentees'
    answers to the shipped satisfaction questionnaire score above its
    threshold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls.survey = cls._questionnaire("mentee_satisfaction_teachers")
        cls.rule = cls._rule(
            "Completed plan",
            rule_type="plan_completed",
            amount=5000.0,
            survey_id=cls.survey.id,
            min_satisfaction=80.0,
        )
        cls._done_plan(cls.staff_pair)

    def test_paid_above_the_threshold(self):
        scores = [10, 9, 9, 8, 8, 9, 10]  # 63 of 70: 90%
        self._answer_satisfaction(self.survey, self.teacher_mentee.partner_id, scores, pair=self.staff_pair)
        self._generate()
        self.assertRecordValues(self._incentives(rule_id=self.rule.id), [{"amount": 5000.0, "satisfaction": 90.0}])

    def test_not_paid_below_the_threshold(self):
        scores = [8, 8, 7, 8, 8, 8, 8]  # 55 of 70: 78.57%
        answer = self._answer_satisfaction(self.survey, self.teacher_mentee.partner_id, scores, pair=self.staff_pair)
        self.assertAlmostEqual(answer.scoring_percentage, 78.57)
        self._generate()
        self.assertFalse(self._incentives(rule_id=self.rule.id))


@tagged("post_install", "-at_install")
class TestQuestionnaireAccess(QuestionnaireMixin, MentorshipRolesCase, TransactionCase):
    """Curators read and send the questionnaires and read the answers of
    their organisation's participants, the coordinator all, nobody else
    through the back office: participants answer with their own link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        pupils = cls._questionnaire("mentee_satisfaction_pupils")
        teachers = cls._questionnaire("mentee_satisfaction_teachers")
        mentors = cls._questionnaire("mentor_satisfaction_teachers")
        scores = [9] * 7
        cls.answers = {
            "pupil": cls._answer_satisfaction(pupils, cls.pupil_mentee.partner_id, scores[:6], pair=cls.pupil_pair),
            "teacher": cls._answer_satisfaction(teachers, cls.teacher_mentee.partner_id, scores, pair=cls.staff_pair),
            "staff_mentor": cls._answer_satisfaction(mentors, cls.staff_mentor.partner_id, scores[:6]),
            "other_pair": cls._answer_satisfaction(teachers, cls.other_pair.mentee_ids.partner_id, scores),
            "school_b": cls._answer_satisfaction(teachers, cls.pair_b.mentee_ids.partner_id, scores, pair=cls.pair_b),
        }
        cls.plain = cls._plain_survey()
        cls.plain_answer = cls.plain._create_answer(partner=cls.pupil_mentee.partner_id, check_attempts=False)

    def _visible(self, role, model="survey.user_input"):
        """The keys of ``answers`` whose answer (or its lines) ``role`` reads."""
        seen = self._as(role, model).search([])
        if model == "survey.user_input.line":
            return {key for key, answer in self.answers.items() if answer.user_input_line_ids & seen}
        return {key for key, answer in self.answers.items() if answer in seen}

    def test_curators_read_their_organisations_answers(self):
        own = {"pupil", "teacher", "staff_mentor", "other_pair"}
        for model in ("survey.user_input", "survey.user_input.line"):
            with self.subTest(model=model):
                self.assertEqual(self._visible("curator", model), own)
                self.assertEqual(self._visible("curator_b", model), {"school_b"})
                self.assertEqual(self._visible("coordinator", model), set(self.answers))
        with self.assertRaises(AccessError):
            self._as("curator", "survey.user_input").browse(self.answers["school_b"].id).read(["scoring_percentage"])
        with self.assertRaises(AccessError):
            self._as("curator", "survey.user_input").browse(self.plain_answer.id).read(["state"])

    def test_curators_read_the_questionnaires_coordinator_edits_them(self):
        survey = self._questionnaire("mentee_satisfaction_pupils")
        self.assertIn(survey, self._as("curator", "survey.survey").search([]))
        self.assertNotIn(self.plain, self._as("curator", "survey.survey").search([]))
        self.assertTrue(self._as("curator", "survey.question").browse(survey.question_ids.ids).read(["title"]))
        with self.assertRaises(AccessError):
            self._as("curator", "survey.survey").browse(survey.id).title = "Renamed"
        self._as("coordinator", "survey.survey").browse(survey.id).description_done = "<p>Спасибо!</p>"
        with self.assertRaises(AccessError):
            self._as("coordinator", "survey.survey").browse(self.plain.id).read(["title"])

    def test_staff_mentor_and_portal_users_read_no_answers(self):
        for role in ("staff_mentor", "portal_mentee", "portal_mentor", "parent", "hr_officer", "employee"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._as(role, "survey.user_input").search([])
        with self.assertRaises(AccessError):
            self._as("staff_mentor", "survey.user_input").browse(self.answers["staff_mentor"].id).read(["state"])

    def test_curator_sends_a_questionnaire_to_own_participants_only(self):
        """As the survey form's Share button does: the wizard with the
        invitation e-mail of survey."""
        survey = self._questionnaire("mentee_satisfaction_teachers")
        action = self._as("curator", "survey.survey").browse(survey.id).action_send_survey()
        Invite = self._as("curator", action["res_model"]).with_context(**action["context"])
        form = Invite.get_views([(False, "form")])["views"]["form"]
        self.assertIn("partner_ids", form["arch"])
        invited = self._mentee("Invited Teacher").partner_id
        Invite.create({"partner_ids": [Command.set(invited.ids)]}).action_invite()
        mail = self.env["mail.mail"].search([("recipient_ids", "in", invited.ids)])
        self.assertIn(survey.title, mail.subject)
        sent = self.env["survey.user_input"].search([("survey_id", "=", survey.id), ("partner_id", "=", invited.id)])
        self.assertEqual(sent.state, "new")
        self.assertIn(sent, self._as("curator", "survey.user_input").search([]))
        other = self.pair_b.mentee_ids.partner_id
        with self.assertRaises(AccessError):
            Invite.create({"partner_ids": [Command.set(other.ids)]}).action_invite()
