from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_attention_days = fields.Integer(
        string="Days Without a Held Meeting",
        config_parameter="mentorship_core.attention_days",
        default=30,
        help="A working pair with no held meeting for this many days needs the curator's attention.",
    )
