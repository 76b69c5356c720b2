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
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Pupil", required=True, index=True, ondelete="cascade", check_company=True
    )
    kind = fields.Selection(KINDS, required=True, default="olympiad")
    name = fields.Char(required=True)
    subject_id = fields.Many2one("mentorship.school.subject")
    date = fields.Date(required=True)
    level = fields.Selection(LEVELS, default="school")
    result = fields.Selection(RESULTS, default="participant")
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
