from odoo import api, fields, models

MEETING_TYPES = [
    ("organisational", "Organisational"),
    ("trial", "Trial"),
    ("planning", "Planning"),
    ("regular", "Regular"),
    ("final", "Final"),
]


class CalendarEvent(models.Model):
    """A meeting of a mentorship pair. It counts as held only when both the
    mentor and a mentee confirm their attendance."""

    _inherit = "calendar.event"

    mentorship_pair_id = fields.Many2one("mentorship.pair", index="btree_not_null", ondelete="cascade")
    mentorship_meeting_type = fields.Selection(MEETING_TYPES, string="Meeting Type")
    mentorship_mentor_confirmed = fields.Boolean(string="Mentor Confirmed Attendance")
    mentorship_mentee_confirmed = fields.Boolean(string="Mentee Confirmed Attendance")
    mentorship_is_held = fields.Boolean(string="Held", compute="_compute_mentorship_is_held", store=True, index=True)
    mentorship_minutes = fields.Text(string="Minutes")

    @api.depends("mentorship_mentor_confirmed", "mentorship_mentee_confirmed")
    def _compute_mentorship_is_held(self):
        for event in self:
            event.mentorship_is_held = event.mentorship_mentor_confirmed and event.mentorship_mentee_confirmed

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        remote = events.filtered(
            lambda event: event.mentorship_pair_id.kind == "virtual" and not event.videocall_location
        )
        for event in remote:
            event._set_discuss_videocall_location()
        return events

    # --- the curator's calendar, reports and counts -------------------------

    mentorship_program_id = fields.Many2one(
        related="mentorship_pair_id.program_id", store=True, index="btree_not_null", string="Mentorship Program"
    )
    mentorship_mentor_id = fields.Many2one(
        related="mentorship_pair_id.mentor_id", store=True, index="btree_not_null", string="Mentor"
    )

    @api.model
    def _get_default_privacy_domain(self):
        """Odoo leaves out of grouped reads (counts, pivots, graphs) the events
        whose organiser has no calendar settings: portal mentors, OdooBot. The
        pairs showed "0 / 0 meetings held" where their tab listed seven. Who
        reads a meeting of a pair is for the record rules, not for the
        organiser's calendar privacy."""
        return fields.Domain.OR(
            [super()._get_default_privacy_domain(), fields.Domain("mentorship_pair_id", "!=", False)]
        )

    @api.model
    def _get_public_fields(self):
        """The pair, type and attendance of a meeting stay readable when its
        organiser marks it private: they are facts of the pair (its counters
        and next meeting type), not of anyone's private agenda."""
        return super()._get_public_fields() | {
            "mentorship_pair_id",
            "mentorship_program_id",
            "mentorship_mentor_id",
            "mentorship_meeting_type",
            "mentorship_mentor_confirmed",
            "mentorship_mentee_confirmed",
            "mentorship_is_held",
        }
