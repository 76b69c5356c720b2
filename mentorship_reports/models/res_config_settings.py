from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_director_name = fields.Char(related="company_id.mentorship_director_name", readonly=False)
    mentorship_director_title = fields.Char(related="company_id.mentorship_director_title", readonly=False)
