from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_attention_days = fields.Integer(
        string="Days Without a Held Meeting",
        config_parameter="mentorship_core.attention_days",
        default=30,
        help="A running pair with no held meeting for this many days needs the curator's attention.",
    )
    mentorship_risk_days = fields.Integer(
        string="Days Without a Held Meeting: At Risk",
        config_parameter="mentorship_core.risk_days",
        default=60,
        help="A running pair with no held meeting for this many days is at risk.",
    )
    mentorship_plan_attention_gap = fields.Integer(
        string="Plan Behind Its Dates (points)",
        config_parameter="mentorship_core.plan_attention_gap",
        default=25,
        help="A plan whose share of its period gone by exceeds the share of its activities done by this many "
        "percentage points needs attention.",
    )
    mentorship_plan_risk_gap = fields.Integer(
        string="Plan Behind Its Dates: At Risk (points)",
        config_parameter="mentorship_core.plan_risk_gap",
        default=50,
    )
    mentorship_satisfaction_attention_percent = fields.Integer(
        string="Satisfaction Below (%)",
        config_parameter="mentorship_core.satisfaction_attention_percent",
        default=60,
        help="A latest satisfaction answer scored below this percentage needs attention.",
    )
    mentorship_matching_background_threshold = fields.Integer(
        string="Matching in the Background From (mentees)",
        config_parameter="mentorship_core.matching_background_threshold",
        default=2000,
        help="A matching run with more unpaired mentees than this runs as a background job with its progress.",
    )
    mentorship_satisfaction_risk_percent = fields.Integer(
        string="Satisfaction Below: At Risk (%)",
        config_parameter="mentorship_core.satisfaction_risk_percent",
        default=40,
    )
