from datetime import date, datetime

from odoo import Command

from odoo.addons.queue_job.job import Job

from ..models.mentorship_monitoring_indicator import INDICATORS
from .common_incentive import IncentiveCase

CORE_INDICATORS = {key for key, _label in INDICATORS}

PERIOD = (date(2025, 10, 1), date(2025, 11, 30))


class MonitoringCase(IncentiveCase):
    """The municipality of ``IncentiveCase`` with three working pairs: the
    staff pair (teachers) and the pupil pair in school A, and a teachers'
    pair in school B; small scored questionnaires of every purpose and a
    department campaign of October and November 2025."""

    @classmethod
    def _setup_monitoring(cls):
        cls._setup_incentives()
        cls._approve(cls.pair_b, number="7-b")
        cls.pair_b.action_start_work()
        others = cls.env["survey.survey"].search([("mentorship_purpose", "!=", False)])
        cls.mentor_survey = cls._questionnaire("mentor_satisfaction", signals=("wants_to_continue",))
        cls.mentee_survey = cls._questionnaire("mentee_satisfaction", signals=("wants_to_continue", "wants_to_mentor"))
        cls.self_survey = cls._questionnaire("self_assessment", forms=cls.form_teachers)
        cls.curator_survey = cls._questionnaire("curator_review")
        # the campaign takes the active questionnaires: these, not the demo's or the shipped ones. Archived
        # after these are made: survey gives a new survey a session code unused among the active ones only
        others.active = False
        cls.young_teacher = cls.teacher_mentee.partner_id
        cls.mentor_b = cls.pair_b.mentor_id.partner_id
        cls.mentee_b = cls.pair_b.mentee_ids.partner_id

    @classmethod
    def _questionnaire(cls, purpose, signals=(), forms=None):
        """A survey of ``purpose``: a scored question (10, 6, 5, 2 or 0 of 10)
        and a yes/no question for each signal."""
        survey = cls.env["survey.survey"].create(
            {
                "title": f"Questionnaire {purpose}",
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
                "mentorship_purpose": purpose,
                "mentorship_form_ids": [Command.set(forms.ids)] if forms else [],
            }
        )
        cls.env["survey.question"].create(
            [
                {
                    "survey_id": survey.id,
                    "title": "How do you rate it?",
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create({"value": f"{score} of 10", "answer_score": score}) for score in (10, 6, 5, 2, 0)
                    ],
                },
                *(
                    {
                        "survey_id": survey.id,
                        "title": f"Yes or no: {signal}?",
                        "question_type": "simple_choice",
                        "mentorship_indicator": signal,
                        "suggested_answer_ids": [
                            Command.create({"value": "Yes", "mentorship_value": "yes"}),
                            Command.create({"value": "No", "mentorship_value": "no"}),
                        ],
                    }
                    for signal in signals
                ),
            ]
        )
        return survey

    @classmethod
    def _campaign(cls, company=None, period=PERIOD, **values):
        return cls.env["mentorship.monitoring"].create(
            {
                "name": "Monitoring, autumn 2025",
                "company_id": (company or cls.department).id,
                "date_from": period[0],
                "date_to": period[1],
                **values,
            }
        )

    @classmethod
    def _held_meetings(cls):
        """Staff pair: 4 held in the period, one the mentor alone confirmed,
        one held after it; pupil pair: 1; pair B: 2."""
        cls._meetings(cls.staff_pair, (2, 9, 16))
        cls._meeting(cls.staff_pair, datetime(2025, 10, 20, 15), mentee=False)
        cls._meeting(cls.staff_pair, datetime(2025, 11, 5, 15))
        cls._meeting(cls.staff_pair, datetime(2025, 12, 5, 15))
        cls._meeting(cls.pupil_pair, datetime(2025, 11, 10, 15))
        cls._meetings(cls.pair_b, (6, 13))

    @classmethod
    def _plans(cls):
        """Staff pair: half done and on time; pair B: nothing done at its end."""
        Plan = cls.env["mentorship.plan"]
        Plan.create(
            {
                "name": "Plan of the young teacher",
                "pair_id": cls.staff_pair.id,
                "date_start": date(2025, 9, 15),
                "date_end": date(2026, 5, 31),
                "line_ids": [
                    Command.create({"name": "Lesson observation", "status": "done"}),
                    Command.create({"name": "Open lesson"}),
                ],
            }
        )
        Plan.create(
            {
                "name": "Plan of school B",
                "pair_id": cls.pair_b.id,
                "date_start": date(2025, 9, 15),
                "date_end": date(2025, 12, 31),
                "line_ids": [Command.create({"name": "Lesson observation"})],
            }
        )

    def _respond(self, campaign, partner, survey, score, yes=(), user=None):
        """The participant answers as survey's controller does for them:
        their token's answer, written with sudo, in their own session."""
        answer = campaign.sudo().user_input_ids.filtered(
            lambda answer: answer.partner_id == partner and answer.survey_id == survey
        )
        self.assertEqual(len(answer), 1, f"{partner.name} has one {survey.title}")
        answer = answer.with_user(user or self.env.ref("base.public_user")).sudo()
        questions = survey.question_ids
        scored = questions.filtered(lambda question: not question.mentorship_indicator)
        answer._save_lines(scored, scored.suggested_answer_ids.filtered(lambda choice: choice.answer_score == score).id)
        for question in questions - scored:
            choice = question.suggested_answer_ids.filtered(
                lambda choice, question=question: (
                    (choice.mentorship_value == "yes") == (question.mentorship_indicator in yes)
                )
            )
            answer._save_lines(question, choice.id)
        answer._mark_done()
        return answer

    def _close(self, campaign):
        campaign.action_close()
        Job.load(self.env, campaign.job_uuid).perform()
        return campaign

    @staticmethod
    def _indicators(campaign, level, company, form=None, pair=None, keys=CORE_INDICATORS):
        """{indicator: value} of a level of ``campaign``, of the indicators of
        this addon (other addons add theirs)."""
        rows = campaign.indicator_ids.filtered(
            lambda row: (
                row.level == level
                and row.company_id == company
                and (form is None or row.form_id == form)
                and (pair is None or row.pair_id == pair)
            )
        )
        return {row.indicator: round(row.value, 2) for row in rows if row.indicator in keys}
