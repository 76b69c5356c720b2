from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import formatLang


class MentorshipMentor(models.Model):
    """A person in the base of mentors."""

    _name = "mentorship.mentor"
    _description = "Mentor"
    _inherit = ["mentorship.participant.mixin"]
    _order = "partner_id"

    category_id = fields.Many2one("mentorship.mentor.category", tracking=True, index=True)
    competency_tag_ids = fields.Many2many("mentorship.tag", "mentorship_mentor_tag_rel", string="Competencies")
    capacity = fields.Integer(default=1, tracking=True, help="How many mentees this mentor takes at once.")
    shared_company_ids = fields.Many2many(
        "res.company",
        "mentorship_mentor_shared_company_rel",
        string="Also Mentors For",
        help="Other organisations of the municipality that, by agreement, may pair their mentees with this mentor. "
        "The mentor's capacity counts all their pairs together.",
    )
    cleared_for_minors = fields.Boolean(
        string="Cleared to Work with Minors",
        tracking=True,
        help="The mentor gave a certificate of no criminal record: matching pairs adult mentors with minor "
        "mentees only then (a minor mentor is their peer).",
    )
    clearance_date = fields.Date(
        string="Certificate of No Criminal Record Dated",
        tracking=True,
    )
    training_ids = fields.One2many("mentorship.mentor.training", "mentor_id", string="Trainings")
    is_trained = fields.Boolean(
        string="Trained",
        tracking=True,
        help="Prepared for mentoring; set automatically when a training is recorded.",
    )
    pair_ids = fields.One2many("mentorship.pair", "mentor_id", string="Pairs")
    running_mentee_count = fields.Integer(
        string="Current Mentees",
        compute="_compute_running_mentee_count",
        store=True,
        help="Mentees in the approved and working pairs of this mentor.",
    )
    free_capacity = fields.Integer(compute="_compute_free_capacity")
    recognition_ids = fields.One2many(
        "mentorship.incentive",
        "mentor_id",
        string="Recognitions",
        domain=[("category", "=", "recognition"), ("state", "=", "approved")],
        help="The approved non-material incentives of the mentor: letters, certificates, nominations.",
    )

    _partner_uniq = models.Constraint("UNIQUE(partner_id)", "This person is already in the base of mentors.")
    _capacity_positive = models.Constraint("CHECK(capacity > 0)", "A mentor takes at least one mentee.")

    @api.depends("pair_ids.state", "pair_ids.mentee_ids")
    def _compute_running_mentee_count(self):
        """Stored on purpose: approving a pair writes the mentor's row, so two
        curators approving pairs of the same mentor at once cannot both pass
        the capacity check (the second transaction fails to serialize)."""
        counts = Counter(
            mentor
            for mentor, mentee in self.env["mentorship.pair"]._read_group(
                [("mentor_id", "in", self.ids), ("state", "in", self.env["mentorship.pair"].RUNNING_STATES)],
                ["mentor_id", "mentee_ids"],
            )
            if mentee
        )
        for mentor in self:
            mentor.running_mentee_count = counts.get(mentor, 0)

    @api.depends("capacity", "running_mentee_count")
    def _compute_free_capacity(self):
        for mentor in self:
            mentor.free_capacity = mentor.capacity - mentor.running_mentee_count

    @api.constrains("capacity")
    def _check_capacity_covers_current_mentees(self):
        for mentor in self:
            if mentor.capacity < mentor.running_mentee_count:
                raise ValidationError(
                    self.env._(
                        "The mentor %(mentor)s has %(count)s current mentee(s): the capacity cannot be lower.",
                        mentor=mentor.display_name,
                        count=mentor.running_mentee_count,
                    )
                )

    def _check_capacity(self):
        for mentor in self:
            if mentor.running_mentee_count > mentor.capacity:
                raise ValidationError(
                    self.env._(
                        "The mentor %(mentor)s takes %(capacity)s mentee(s) at once; approving this pair "
                        "would make %(count)s.",
                        mentor=mentor.display_name,
                        capacity=mentor.capacity,
                        count=mentor.running_mentee_count,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Mentors"),
                "template": "/mentorship_core/static/import/mentorship_mentor_template.xlsx",
            }
        ]

    @api.depends("partner_id", "capacity", "running_mentee_count")
    @api.depends_context("mentorship_show_free_capacity")
    def _compute_display_name(self):
        """With ``mentorship_show_free_capacity`` in the context (the mentor
        field of a pair), the name tells how many mentees the mentor can still
        take."""
        result = super()._compute_display_name()
        if self.env.context.get("mentorship_show_free_capacity"):
            for mentor in self:
                mentor.display_name = self.env._(
                    "%(mentor)s (free places: %(free)s)", mentor=mentor.display_name, free=mentor.free_capacity
                )
        return result

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        """On a pair's mentor field (its program and mentees in the context),
        the mentors the matching rules allow, those with free places first,
        the best scored first, each with their score; the others are left out."""
        program_id = self.env.context.get("mentorship_matching_program_id")
        mentee_ids = self.env.context.get("mentorship_matching_mentee_ids")
        if not (program_id and mentee_ids) or not self.env["mentorship.matching"].has_access("create"):
            return super().name_search(name, domain, operator, limit)
        found = self.browse([mentor_id for mentor_id, _name in super().name_search(name, domain, operator, None)])
        run = self.env["mentorship.matching"].new({"program_ids": [program_id]})
        ranked = run._rank_mentors(self.env["mentorship.mentee"].browse(mentee_ids), found)
        if ranked is None:
            return super().name_search(name, domain, operator, limit)
        return [
            (
                mentor.id,
                self.env._(
                    "%(mentor)s · score %(score)s",
                    mentor=mentor.display_name,
                    score=formatLang(self.env, score, digits=2),
                ),
            )
            for mentor, score in ranked[:limit]
        ]
