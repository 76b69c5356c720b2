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
