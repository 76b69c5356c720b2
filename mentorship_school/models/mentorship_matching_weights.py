from odoo import api, fields, models


class MentorshipMatchingWeights(models.AbstractModel):
    """Teachers' criteria of the matching: the subjects taught and the gap of
    pedagogical experience."""

    _inherit = "mentorship.matching.weights"

    matching_weight_subject = fields.Float(
        string="Weight: Subject",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="For teachers: the share of the mentee's subjects the mentor teaches too.",
    )
    matching_weight_experience = fields.Float(
        string="Weight: Experience Gap",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="For teachers: how many more years the mentor has taught, ten years or more counting in full.",
    )

    @api.model
    def _matching_criterion_labels(self):
        return {
            **super()._matching_criterion_labels(),
            "subject": self.env._("subject"),
            "experience": self.env._("experience gap"),
        }

    @api.model
    def _matching_preset_weights(self):
        presets = super()._matching_preset_weights()
        teachers = {
            "balanced": {"subject": 0.1, "experience": 0.1},
            "competency": {"subject": 0.1, "experience": 0.05},
            "proximity": {"subject": 0.05, "experience": 0.0},
        }
        return {preset: {**weights, **teachers.get(preset, {})} for preset, weights in presets.items()}
