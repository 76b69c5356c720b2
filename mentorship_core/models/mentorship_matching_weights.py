from odoo import api, fields, models

PRESETS = [
    ("balanced", "Balanced"),
    ("competency", "By Competencies"),
    ("proximity", "By Proximity"),
    ("custom", "Custom"),
]


class MentorshipMatchingWeights(models.AbstractModel):
    """The weights of the matching criteria, filled from a preset and changed
    freely: set on a program, copied and adjusted on each matching run.

    Addons add a criterion with a weight field computed by
    ``_compute_matching_weights``, its label in ``_matching_criterion_labels`` and its
    share of each preset in ``_matching_preset_weights``."""

    _name = "mentorship.matching.weights"
    _description = "Weights of the Matching Criteria"

    matching_preset = fields.Selection(
        PRESETS,
        default="balanced",
        required=True,
        help="Fills the weights below; change any weight to tune them.",
    )
    matching_weight_competency = fields.Float(
        string="Weight: Competencies",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="The mentor's competencies against the mentee's identified difficulties.",
    )
    matching_weight_format = fields.Float(
        string="Weight: Format",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="The same preferred format of meetings (in person, remote), either accepting both.",
    )
    matching_weight_organisation = fields.Float(
        string="Weight: Same Organisation",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="A mentor of the mentee's own organisation rather than one shared by another.",
    )
    matching_weight_preference = fields.Float(
        string="Weight: Mentee's Preference",
        compute="_compute_matching_weights",
        store=True,
        readonly=False,
        help="A mentor the mentee named among their preferred mentors.",
    )

    @api.model
    def _matching_criterion_labels(self):
        """{criterion: label} in the order of the explanations; each criterion
        has its weight field ``matching_weight_<criterion>``."""
        return {
            "competency": self.env._("competencies"),
            "format": self.env._("format"),
            "organisation": self.env._("same organisation"),
            "preference": self.env._("mentee's preference"),
        }

    @api.model
    def _matching_criteria(self):
        """{criterion: (weight field, label)} in the order of the explanations."""
        return {
            criterion: (f"matching_weight_{criterion}", label)
            for criterion, label in self._matching_criterion_labels().items()
        }

    @api.model
    def _matching_preset_weights(self):
        """{preset: {criterion: weight}}; weights are normalised when used."""
        return {
            "balanced": {"competency": 0.35, "format": 0.15, "organisation": 0.15, "preference": 0.15},
            "competency": {"competency": 0.6, "format": 0.1, "organisation": 0.05, "preference": 0.1},
            "proximity": {"competency": 0.2, "format": 0.25, "organisation": 0.4, "preference": 0.1},
        }

    @api.depends("matching_preset")
    def _compute_matching_weights(self):
        presets = self._matching_preset_weights()
        criteria = self._matching_criteria()
        for record in self:
            weights = presets.get(record.matching_preset)
            if weights is None:  # custom: the weights stay as they are
                continue
            for criterion, (field_name, _label) in criteria.items():
                record[field_name] = weights.get(criterion, 0.0)

    def _matching_weights(self):
        """{criterion: weight} normalised to add up to 1, or {} when all are zero."""
        self.ensure_one()
        weights = {
            criterion: max(self[field_name], 0.0)
            for criterion, (field_name, _label) in self._matching_criteria().items()
        }
        total = sum(weights.values())
        return {criterion: weight / total for criterion, weight in weights.items()} if total else {}
