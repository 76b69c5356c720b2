from odoo import api, fields, models


class MentorshipPartnershipAgreement(models.Model):
    """A cooperation agreement with an employer, college, university or NGO
    from which mentors come."""

    _name = "mentorship.partnership.agreement"
    _description = "Cooperation Agreement"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _rec_name = "number"
    _check_company_auto = True

    number = fields.Char(string="Agreement No.", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Partner Organisation",
        required=True,
        index=True,
        check_company=True,
        domain=[("is_company", "=", True)],
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    scope = fields.Text(help="What the partners do together: mentors, career guidance, internships...")
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    mentor_ids = fields.Many2many("mentorship.mentor", string="Mentors", compute="_compute_mentor_ids")
    is_valid = fields.Boolean(string="In Force", compute="_compute_is_valid")

    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_start <= date_end)", "An agreement cannot end before it starts."
    )

    @api.depends("partner_id")
    def _compute_mentor_ids(self):
        mentors = self.env["mentorship.mentor"].search([("employer_partner_id", "in", self.partner_id.ids)])
        for agreement in self:
            agreement.mentor_ids = mentors.filtered(lambda mentor: mentor.employer_partner_id == agreement.partner_id)

    @api.depends("date_start", "date_end")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.is_valid = (
                bool(agreement.date_start)
                and agreement.date_start <= today
                and (not agreement.date_end or today <= agreement.date_end)
            )
