from odoo import Command, fields, models

from .survey_question import PROFILE_MAPPING

# the profile an application questionnaire fills
APPLICATION_PROFILES = {"mentor_application": "mentorship.mentor", "mentee_application": "mentorship.mentee"}


class SurveyUserInput(models.Model):
    """An answer to a questionnaire given about a pair: who answered (the
    survey's partner) and the pair it speaks of. A completed application
    fills the profile of the person who answered."""

    _inherit = "survey.user_input"

    mentorship_pair_id = fields.Many2one("mentorship.pair", index="btree_not_null", ondelete="set null")
    mentorship_monitoring_id = fields.Many2one(
        "mentorship.monitoring", string="Monitoring Campaign", index="btree_not_null", ondelete="set null"
    )

    def _mark_done(self):
        result = super()._mark_done()
        self._mentorship_fill_profiles()
        return result

    def _mentorship_fill_profiles(self):
        """Write what the completed application answers say into the mentor
        or mentee profile of the answering person (none: nothing to fill, the
        curator registers the candidate). Tags are added to those the profile
        has; texts and the format replace the former ones. As superuser: the
        answer is the person's own, and survey's pages complete it as such."""
        for answer in self:
            model = APPLICATION_PROFILES.get(answer.survey_id.mentorship_purpose)
            if not model or not answer.partner_id:
                continue
            values = answer._mentorship_profile_values()
            profile = self.env[model].sudo().search([("partner_id", "=", answer.partner_id.id)])
            if values and profile:
                profile.write(values)

    def _mentorship_profile_values(self):
        self.ensure_one()
        values = {}
        for line in self.user_input_line_ids.filtered(lambda line: not line.skipped):
            field = line.question_id.mentorship_profile_field
            if not field:
                continue
            choice = line.suggested_answer_id
            kind = PROFILE_MAPPING[field]["choice"]
            if kind == "tag" and choice:
                values.setdefault(field, []).append(Command.link(choice.mentorship_tag_id.id))
            elif kind == "value" and choice:
                values[field] = choice.mentorship_value
            elif kind is None and (text := (line.value_char_box or line.value_text_box or "").strip()):
                values[field] = text
        return values
