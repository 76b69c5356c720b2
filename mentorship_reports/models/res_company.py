from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mentorship_director_name = fields.Char(
        string="Director's Full Name",
        help="The full name of the head who signs the organisation's orders and letters, surname first. "
        "Left empty, the user of the Director group of the organisation signs.",
    )
    mentorship_director_title = fields.Char(
        string="Director's Title",
        help="The title printed above the signature, e.g. “Director” or “Head of the Education Department”.",
    )
