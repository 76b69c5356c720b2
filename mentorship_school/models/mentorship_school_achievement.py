from odoo import fields, models

KINDS = [("olympiad", "Olympiad"), ("contest", "Contest"), ("project", "Project")]
LEVELS = [
    ("school", "School"),
    ("municipal", "Municipal"),
    ("regional", "Regional"),
    ("federal", "Federal"),
    ("international", "International"),
]
RESULTS = [("participant", "Participant"), ("prize_winner", "Prize winner"), ("winner", "Winner")]


class MentorshipSchoolAchievement(models.Model):
    """A pupil's olympiad, contest or project."""

    _name = "mentorship.school.achievement"
    _description = "Olympiad, Contest or Project of a Pupil"
    _order = "date desc, id desc"
    _inherit = ["mentorship.school.pupil.record.mixin"]

    kind = fields.Selection(KINDS, required=True, default="olympiad")
    name = fields.Char(required=True)
    subject_id = fields.Many2one("mentorship.school.subject")
    date = fields.Date(required=True)
    level = fields.Selection(LEVELS, default="school")
    result = fields.Selection(RESULTS, default="participant")
