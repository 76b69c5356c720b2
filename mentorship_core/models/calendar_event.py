from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_date

MEETING_TYPES = [
    ("organisational", "Organisational"),
    ("trial", "Trial"),
    ("planning", "Planning"),
    ("regular", "Regular"),
    ("final", "Final"),
]
CONFIRMATION_FIELDS = ("mentorship_mentor_confirmed", "mentorship_mentee_confirmed")


class CalendarEvent(models.Model):
    """A meeting of a mentorship pair. It counts as held only when both the
    mentor and a mentee confirm their attendance, each side for itself, once
    the meeting has started. Who may read it is in the record rules."""

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

    @api.constrains("mentorship_mentor_confirmed", "mentorship_mentee_confirmed", "start")
    def _check_confirmed_after_start(self):
        now = fields.Datetime.now()
        for event in self:
            confirmed = event.mentorship_mentor_confirmed or event.mentorship_mentee_confirmed
            if confirmed and event.start > now:
                raise ValidationError(
                    self.env._(
                        "The meeting %(meeting)s has not taken place yet: attendance is confirmed after it starts.",
                        meeting=event.display_name,
                    )
                )

    @api.constrains("start", "mentorship_pair_id")
    def _check_within_pair_dates(self):
        """A meeting is evidence of the pair's work only inside its life:
        none is logged before the pair starts or after it ends (or was
        dissolved), whoever logs it and however."""
        for event in self.filtered("mentorship_pair_id"):
            pair = event.mentorship_pair_id.sudo()
            day = fields.Datetime.context_timestamp(event, event.start).date()
            if pair.date_start and day < pair.date_start:
                raise ValidationError(
                    self.env._(
                        "The first day of the pair %(pair)s is %(date)s: none of its meetings is dated before it.",
                        pair=pair.display_name,
                        date=format_date(self.env, pair.date_start),
                    )
                )
            if pair.date_end and day > pair.date_end:
                raise ValidationError(
                    self.env._(
                        "The last day of the pair %(pair)s is %(date)s: none of its meetings is dated after it.",
                        pair=pair.display_name,
                        date=format_date(self.env, pair.date_end),
                    )
                )

    @api.model
    def _check_attendance_sides(self, pair, fields_changed):
        """Each side confirms only its own attendance. A curator records it for
        a side that has no account to confirm with."""
        user = self.env.user
        if self.env.su or not fields_changed:
            return
        pair = pair.sudo()
        sides = {
            "mentorship_mentor_confirmed": pair.mentor_id.user_id,
            "mentorship_mentee_confirmed": pair.mentee_ids.user_id,
        }
        is_curator = user.has_group("mentorship_core.group_mentorship_curator")
        for field_name in fields_changed:
            side_users = sides[field_name]
            if user not in side_users and not (is_curator and not side_users):
                raise AccessError(
                    self.env._(
                        "%(user)s cannot confirm the attendance of the other side of a meeting: the mentor and "
                        "the mentee each confirm their own.",
                        user=user.name,
                    )
                )

    def write(self, vals):
        withdrawn = []
        for event in self:
            changed = [name for name in CONFIRMATION_FIELDS if name in vals and event[name] != bool(vals[name])]
            self._check_attendance_sides(event.mentorship_pair_id, changed)
            withdrawn += [(event, name) for name in changed if not vals[name]]
        result = super().write(vals)
        if any(name in vals for name in (*CONFIRMATION_FIELDS, "partner_ids")):
            self._sync_mentorship_attendees(withdrawn)
        return result

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            pair = self.env["mentorship.pair"].browse(vals.get("mentorship_pair_id"))
            self._check_attendance_sides(pair, [name for name in CONFIRMATION_FIELDS if vals.get(name)])
        events = super().create(vals_list)
        events._sync_mentorship_attendees()
        remote = events.filtered(
            lambda event: event.mentorship_pair_id.kind == "virtual" and not event.videocall_location
        )
        for event in remote:
            event._set_discuss_videocall_location()
        return events

    def _mentorship_side_attendees(self, field_name):
        """The invitations of one side of this meeting: the mentor's, or the
        mentees'. A mentee confirming for themselves answers only their own; a
        confirmation recorded for the mentees' side by someone else (the
        curator) answers all of theirs."""
        self.ensure_one()
        pair = self.mentorship_pair_id.sudo()
        if field_name == "mentorship_mentor_confirmed":
            partners = pair.mentor_id.partner_id
        else:
            partners = self.env.user.partner_id & pair.mentee_ids.partner_id or pair.mentee_ids.partner_id
        return self.sudo().attendee_ids.filtered(lambda attendee: attendee.partner_id in partners)

    def _sync_mentorship_attendees(self, withdrawn=()):
        """Calendar's invitations follow the sides' confirmations: a side that
        confirmed it took part has accepted, one whose confirmation was taken
        back (``withdrawn``: (event, field) couples) is asked again. The side
        checks decided who may confirm; the invitations follow, whoever the
        user is."""
        for event in self.filtered("mentorship_pair_id"):
            for field_name in CONFIRMATION_FIELDS:
                if event[field_name]:
                    attendees = event._mentorship_side_attendees(field_name)
                    attendees.filtered(lambda attendee: attendee.state != "accepted").state = "accepted"
        for event, field_name in withdrawn:
            attendees = event._mentorship_side_attendees(field_name)
            attendees.filtered(lambda attendee: attendee.state == "accepted").state = "needsAction"

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
