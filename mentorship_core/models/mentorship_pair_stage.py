from odoo import api, fields, models

PAIR_STATES = [
    ("candidate", "Candidates"),
    ("matching", "Matching"),
    ("agreement", "Agreement"),
    ("approved", "Approved"),
    ("working", "Working"),
    ("completed", "Completed"),
    ("dissolved", "Dissolved"),
]


class MentorshipPairStage(models.Model):
    """A column of the pair formation pipeline. Its state drives the rules:
    pairs in Approved and Working are checked and count against capacity."""

    _name = "mentorship.pair.stage"
    _description = "Pair Pipeline Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    state = fields.Selection(PAIR_STATES, required=True, default="candidate")
    fold = fields.Boolean(string="Folded in Pipeline")
    description = fields.Text(translate=True)

    @api.model
    def _for_state(self, state):
        # the state read at once: moving pairs checks it
        return self.search_fetch([("state", "=", state)], ["state"], limit=1)
