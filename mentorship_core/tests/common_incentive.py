from datetime import date, datetime, timedelta

from odoo import Command

from .common import MentorshipRolesCase

OCTOBER = (date(2025, 10, 1), date(2025, 10, 31))
NOVEMBER = (date(2025, 11, 1), date(2025, 11, 30))


class IncentiveCase(MentorshipRolesCase):
    """The municipality of ``MentorshipRolesCase`` with incentives in mind:
    the staff mentor is an employee (wage 50,000 from 2025, 60,000 from
    December 2025) with a working pair, the senior pupil (no employee) mentors
    a working pupil pair, and helpers for meetings, rules, surveys and
    generation. Users have no time zone: the period is in UTC."""

    WAGE = 50000.0

    @classmethod
    def _setup_incentives(cls):
        cls._setup_municipality()
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Staff Mentor",
                "company_id": cls.school.id,
                "user_id": cls.users["staff_mentor"].id,
                "date_version": date(2025, 1, 1),
                "wage": cls.WAGE,
                "mentorship_personnel_number": "00-0042",
            }
        )
        cls.employee.create_version({"date_version": date(2025, 12, 1), "wage": 60000.0})
        cls.staff_mentor.employee_id = cls.employee
        cls._approve(cls.staff_pair | cls.pupil_pair)
        (cls.staff_pair | cls.pupil_pair).action_start_work()
        cls.Generation = cls.env["mentorship.incentive.generation"]

    @classmethod
    def _meeting(cls, pair, when, mentor=True, mentee=True):
        return (
            cls.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Meeting",
                    "start": when,
                    "stop": when + timedelta(hours=1),
                    "mentorship_pair_id": pair.id,
                    "mentorship_meeting_type": "regular",
                    "mentorship_mentor_confirmed": mentor,
                    "mentorship_mentee_confirmed": mentee,
                }
            )
        )

    @classmethod
    def _meetings(cls, pair, days, month=10, **values):
        return cls.env["calendar.event"].concat(
            *(cls._meeting(pair, datetime(2025, month, day, 15), **values) for day in days)
        )

    @classmethod
    def _rule(cls, name, rule_type="meetings", company=None, **values):
        return cls.env["mentorship.incentive.rule"].create(
            {
                "name": name,
                "rule_type": rule_type,
                "company_id": (company or cls.school).id,
                "accrual_code": "STIM-01",
                "basis": "Regulation on remuneration, clause 5.2",
                **values,
            }
        )

    @classmethod
    def _generate(cls, period=OCTOBER, company=None):
        return cls.Generation._generate(company or cls.school, *period)

    def _incentives(self, period=OCTOBER, **domain):
        return self.env["mentorship.incentive"].search(
            [("date_from", "=", period[0]), *((name, "=", value) for name, value in domain.items())]
        )

    @classmethod
    def _scored_survey(cls):
        survey = cls.env["survey.survey"].create(
            {
                "title": "Satisfaction with the mentorship",
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
            }
        )
        question = cls.env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "How satisfied are you?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    Command.create({"value": f"{score} of 10", "answer_score": score}) for score in (10, 9, 7, 0)
                ],
            }
        )
        return survey, question

    @classmethod
    def _answer(cls, survey, question, partner, score):
        answer = survey._create_answer(partner=partner, check_attempts=False)
        choice = question.suggested_answer_ids.filtered(lambda choice: choice.answer_score == score)
        answer._save_lines(question, choice.id)
        answer._mark_done()
        return answer

    @classmethod
    def _done_plan(cls, pair, end=date(2025, 10, 31)):
        plan = cls.env["mentorship.plan"].create(
            {
                "name": "Plan",
                "pair_id": pair.id,
                "date_start": date(2025, 7, 1),
                "date_end": end,
                "line_ids": [Command.create({"name": "Lesson observation", "status": "done"})],
            }
        )
        plan.action_done()
        # completed on its last day: the completion is evidence of that month
        plan.date_done = end
        return plan
