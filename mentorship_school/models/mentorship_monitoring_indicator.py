from odoo import api, fields, models

from odoo.addons.mentorship_core.models.mentorship_monitoring_indicator import Ratio


class MentorshipMonitoringIndicator(models.Model):
    """The school's indicators of a campaign (seed 001 §5, stage 1): the
    dynamics of the pupil mentees' marks and olympiads since their mentorship
    began, and for teacher mentees the share of their pupils' ВПР/ОГЭ/ЕГЭ
    results that passed since then, as the mentee's profile shows them."""

    _inherit = "mentorship.monitoring.indicator"

    indicator = fields.Selection(
        selection_add=[
            ("marks_change", "Change of Pupils' Average Mark"),
            ("olympiads", "Olympiads Since the Mentorship Began"),
            ("pupils_exam_pass", "Teachers' Pupils Passing Exams (%)"),
        ],
        ondelete={"marks_change": "cascade", "olympiads": "cascade", "pupils_exam_pass": "cascade"},
    )

    @api.model
    def _pair_measures(self, campaign, facts):
        measures = super()._pair_measures(campaign, facts)
        mentees = (
            self.env["mentorship.mentee"]
            .sudo()
            .with_context(active_test=False)
            .browse(sorted({mentee for pair in facts.values() for mentee in pair.mentees}))
        )
        mentees.fetch(["partner_id", "employee_id"])
        mentees.partner_id.fetch(["mentorship_is_pupil"])
        # the dynamics of all the mentees at once: reading the fields would
        # compute them a thousand mentees at a time
        mentees._compute_school_dynamics()
        for pair_id, pair in facts.items():
            measure = measures[pair_id]
            for mentee in mentees.browse(pair.mentees):
                if mentee.employee_id and mentee.pupils_exam_pass_since:
                    measure["pupils_exam_pass"] = measure.get("pupils_exam_pass", Ratio(0.0, 0)) + Ratio(
                        mentee.pupils_exam_pass_since, 1
                    )
                if not mentee.partner_id.mentorship_is_pupil:
                    continue
                if mentee.marks_average_before and mentee.marks_average_since:
                    measure["marks_change"] = measure.get("marks_change", Ratio(0.0, 0)) + Ratio(mentee.marks_change, 1)
                measure["olympiads"] = measure.get("olympiads", 0) + mentee.olympiads_since
        return measures
