from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_young_specialist_max_age = fields.Integer(
        string="Young Specialist Age Limit",
        config_parameter="mentorship_school.young_specialist_max_age",
        default=35,
        help="A teacher with up to 3 years of experience counts as a young specialist up to this age.",
    )
