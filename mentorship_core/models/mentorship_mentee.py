from odoo import api, fields, models
from odoo.fields import Domain


class MentorshipMentee(models.Model):
    """A person in the base of mentees."""

    _name = "mentorship.mentee"
    _description = "Mentee"
    _inherit = ["mentorship.participant.mixin"]
    _order = "partner_id"

    category_id = fields.Many2one("mentorship.mentee.category", tracking=True, index=True)
    difficulty_tag_ids = fields.Many2many(
        "mentorship.tag", "mentorship_mentee_tag_rel", string="Identified Difficulties"
    )
    request = fields.Text(help="What the mentee expects from mentorship, in their own words.")
    pair_ids = fields.Many2many("mentorship.pair", "mentorship_pair_mentee_rel", "mentee_id", "pair_id", string="Pairs")
    current_pair_id = fields.Many2one("mentorship.pair", compute="_compute_current_pair_id")
    has_pair = fields.Boolean(compute="_compute_current_pair_id", search="_search_has_pair", string="In a Pair")
    excluded_mentor_ids = fields.Many2many(
        "mentorship.mentor",
        "mentorship_mentee_excluded_mentor_rel",
        string="Excluded Mentors",
        help="Mentors this mentee asked to replace: they are not paired again.",
    )
    preferred_mentor_ids = fields.Many2many(
        "mentorship.mentor",
        "mentorship_mentee_preferred_mentor_rel",
        string="Preferred Mentors",
        help="Mentors the mentee asked for: matching scores them higher.",
    )
    unpaired_reason = fields.Text(
        string="Why No Pair", tracking=True, help="Why no mentor was found yet, and what follows."
    )

    _partner_uniq = models.Constraint("UNIQUE(partner_id)", "This person is already in the base of mentees.")

    @api.depends("pair_ids.state")
    def _compute_current_pair_id(self):
        Pair = self.env["mentorship.pair"]
        latest_pair = dict(
            Pair._read_group(
                [("mentee_ids", "in", self.ids), ("state", "in", Pair.ACTIVE_STATES)],
                ["mentee_ids"],
                ["id:max"],
            )
        )
        for mentee in self:
            mentee.current_pair_id = Pair.browse(latest_pair.get(mentee))
            mentee.has_pair = bool(mentee.current_pair_id)

    def _search_has_pair(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        domain = Domain("pair_ids.state", "in", self.env["mentorship.pair"].ACTIVE_STATES)
        return domain if (operator == "=") == bool(value) else ~domain

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Mentees"),
                "template": "/mentorship_core/static/import/mentorship_mentee_template.xlsx",
            }
        ]
