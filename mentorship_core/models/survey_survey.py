from odoo import api, fields, models

QUESTIONNAIRE_PURPOSES = [
    ("mentor_application", "Mentor Application"),
    ("mentee_application", "Mentee Application"),
    ("mentor_satisfaction", "Mentor Satisfaction"),
    ("mentee_satisfaction", "Mentee Satisfaction"),
    ("curator_review", "Curator's Review of the Program (SWOT)"),
    ("self_assessment", "Self-Assessment of Competences"),
]


class SurveySurvey(models.Model):
    """A questionnaire of the target model is an Odoo survey that says what it
    is for: monitoring campaigns, pair health, matching and incentive rules
    find the questionnaires they read by this purpose."""

    _inherit = "survey.survey"

    mentorship_purpose = fields.Selection(
        QUESTIONNAIRE_PURPOSES, string="Mentorship Questionnaire", index="btree_not_null"
    )
    mentorship_form_ids = fields.Many2many(
        "mentorship.form",
        string="Forms of Mentorship",
        help="The forms of mentorship whose participants answer it; none: every form.",
    )

    @api.constrains("mentorship_purpose")
    def _check_mentorship_questions(self):
        """A question that fills a profile or counts for the monitoring stays
        in a questionnaire of the right purpose."""
        self.question_ids._check_mentorship_mapping()

    def _compute_survey_statistic(self):
        """Survey's average score adds each distinct score once (it groups
        the answers by score), so five answers scoring 91.43, 82.86 and three
        times 85.71 averaged 52%. The same average, over the same answers,
        counting each answer."""
        result = super()._compute_survey_statistic()
        totals = dict(
            self.env["survey.user_input"]._read_group(
                [("survey_id", "in", self.ids)], ["survey_id"], ["scoring_percentage:sum"]
            )
        )
        for survey in self:
            total = totals.get(survey._origin, 0.0)
            survey.answer_score_avg = total / (survey.answer_count or 1)
        return result
