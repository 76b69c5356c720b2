from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentorship_participant_mixin import PREFERRED_FORMATS

CHOICE_TYPES = ("simple_choice", "multiple_choice")
TEXT_TYPES = ("char_box", "text_box")
APPLICATIONS = ("mentor_application", "mentee_application")
SATISFACTION = ("mentor_satisfaction", "mentee_satisfaction")

PROFILE_FIELDS = [
    ("competency_tag_ids", "Mentor's Competencies"),
    ("difficulty_tag_ids", "Mentee's Difficulties"),
    ("request", "Mentee's Request"),
    ("preferred_format", "Preferred Format"),
    ("availability", "Availability"),
]
INDICATORS = [
    ("wants_to_continue", "Wants to Continue in the Program"),
    ("wants_to_mentor", "Plans to Be a Mentor"),
    ("wants_to_be_mentee", "Plans to Be a Mentee"),
]
INDICATOR_VALUES = ("yes", "no")

# what each profile field takes: the questionnaires that may fill it, the
# question types that can, and what a choice of the question names
PROFILE_MAPPING = {
    "competency_tag_ids": {"purposes": ("mentor_application",), "types": CHOICE_TYPES, "choice": "tag"},
    "difficulty_tag_ids": {"purposes": ("mentee_application",), "types": CHOICE_TYPES, "choice": "tag"},
    "request": {"purposes": ("mentee_application",), "types": TEXT_TYPES, "choice": None},
    "preferred_format": {"purposes": APPLICATIONS, "types": ("simple_choice",), "choice": "value"},
    "availability": {"purposes": APPLICATIONS, "types": TEXT_TYPES, "choice": None},
}


class SurveyQuestion(models.Model):
    """A question of a questionnaire of the target model may say what its
    answer means to the product: the profile field an application answer
    fills (``mentorship_profile_field``), or the intention of the participant
    a satisfaction answer records (``mentorship_indicator``, a yes/no
    question). What each choice sets is on the choice
    (``survey.question.answer``)."""

    _inherit = "survey.question"

    mentorship_purpose = fields.Selection(related="survey_id.mentorship_purpose")
    mentorship_profile_field = fields.Selection(
        PROFILE_FIELDS,
        string="Fills in the Profile",
        help="The field of the candidate's mentor or mentee profile that the answer fills "
        "when the application questionnaire is completed.",
    )
    mentorship_indicator = fields.Selection(
        INDICATORS,
        string="Monitoring Indicator",
        help="A yes/no question of a satisfaction questionnaire counted by the monitoring; "
        "its choices say 'yes' or 'no' in their mentorship value.",
    )

    mentorship_is_scale = fields.Boolean(
        compute="_compute_mentorship_is_scale",
        help="A question with one answer whose choices score 1 to 10: shown as a compact scale.",
    )

    @api.depends("question_type", "suggested_answer_ids.answer_score")
    def _compute_mentorship_is_scale(self):
        for question in self:
            scores = question.suggested_answer_ids.mapped("answer_score")
            question.mentorship_is_scale = question.question_type == "simple_choice" and scores == list(range(1, 11))

    @api.constrains("mentorship_profile_field", "mentorship_indicator", "question_type", "survey_id")
    def _check_mentorship_mapping(self):
        for question in self:
            question._check_mentorship_profile_field()
            question._check_mentorship_indicator()
            for choice in question.suggested_answer_ids:
                question._check_mentorship_choice(choice)

    def _check_mentorship_profile_field(self):
        field = self.mentorship_profile_field
        if not field:
            return
        mapping = PROFILE_MAPPING[field]
        label = dict(self._fields["mentorship_profile_field"]._description_selection(self.env))[field]
        if self.survey_id.mentorship_purpose not in mapping["purposes"]:
            purposes = dict(self.survey_id._fields["mentorship_purpose"]._description_selection(self.env))
            raise ValidationError(
                self.env._(
                    "The question «%(question)s» fills «%(field)s» in the profile: only a questionnaire "
                    "«%(purposes)s» may, not this one.",
                    question=self.title,
                    field=label,
                    purposes=" / ".join(purposes[purpose] for purpose in mapping["purposes"]),
                )
            )
        if self.question_type not in mapping["types"]:
            types = dict(self._fields["question_type"]._description_selection(self.env))
            raise ValidationError(
                self.env._(
                    "The question «%(question)s» fills «%(field)s» in the profile: it must be of the type «%(types)s».",
                    question=self.title,
                    field=label,
                    types=" / ".join(types[question_type] for question_type in mapping["types"]),
                )
            )

    def _check_mentorship_indicator(self):
        if self.mentorship_indicator and (
            self.survey_id.mentorship_purpose not in SATISFACTION or self.question_type != "simple_choice"
        ):
            raise ValidationError(
                self.env._(
                    "The question «%(question)s» counts for the monitoring: it must be a question with one "
                    "answer (yes or no) of a satisfaction questionnaire.",
                    question=self.title,
                )
            )

    def _check_mentorship_choice(self, choice):
        """What ``choice`` names must be what its question fills: a tag for
        competencies and difficulties, a preferred format, 'yes' or 'no'
        for an indicator; nothing for the other questions."""
        expected = PROFILE_MAPPING.get(self.mentorship_profile_field, {}).get("choice")
        if self.mentorship_indicator:
            expected = "indicator"
        params = {"question": self.title, "choice": choice.value}
        if choice.mentorship_tag_id and expected != "tag":
            raise ValidationError(
                self.env._(
                    "The choice «%(choice)s» of the question «%(question)s» names a tag, but the question "
                    "fills neither competencies nor difficulties.",
                    **params,
                )
            )
        if expected == "tag" and not choice.mentorship_tag_id:
            raise ValidationError(
                self.env._(
                    "The choice «%(choice)s» of the question «%(question)s» names no tag: each choice of a "
                    "question that fills competencies or difficulties names the tag it adds to the profile.",
                    **params,
                )
            )
        allowed = {
            "value": [key for key, _label in PREFERRED_FORMATS],
            "indicator": list(INDICATOR_VALUES),
        }.get(expected, [])
        value = choice.mentorship_value
        if (value or expected == "value") and value not in allowed:
            raise ValidationError(
                self.env._(
                    "The choice «%(choice)s» of the question «%(question)s» sets «%(value)s», which is not one "
                    "of: %(allowed)s.",
                    value=value or "",
                    allowed=", ".join(allowed) or "-",
                    **params,
                )
            )
