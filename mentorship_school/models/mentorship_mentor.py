from odoo import api, fields, models


class MentorshipMentor(models.Model):
    _inherit = "mentorship.mentor"
    _check_company_auto = True

    employer_partner_id = fields.Many2one(
        "res.partner",
        string="Partner Organisation",
        check_company=True,
        domain=[("is_company", "=", True)],
        help="The employer, college, university or NGO the mentor comes from.",
    )
    is_pupil = fields.Boolean(
        string="Pupil or Student",
        compute="_compute_is_pupil",
        help="Whose form the person opens in: a pupil's (class, date of birth, parents) or an adult's "
        "(organisation and position). Before the person is chosen, the category tells.",
    )
    agreement_id = fields.Many2one(
        "mentorship.partnership.agreement", string="Cooperation Agreement", compute="_compute_agreement_id"
    )

    @api.depends("partner_id.mentorship_is_pupil", "category_id")
    def _compute_is_pupil(self):
        pupil_category = self.env.ref("mentorship_core.mentor_category_pupil", raise_if_not_found=False)
        for mentor in self:
            if mentor.partner_id:
                mentor.is_pupil = mentor.partner_id.mentorship_is_pupil
            else:
                mentor.is_pupil = bool(pupil_category) and mentor.category_id == pupil_category

    @api.depends("employer_partner_id", "company_id")
    def _compute_agreement_id(self):
        agreements = self.env["mentorship.partnership.agreement"].search(
            [("partner_id", "in", self.employer_partner_id.ids)], order="date_start desc"
        )
        for mentor in self:
            mentor.agreement_id = agreements.filtered(
                lambda agreement: (
                    agreement.partner_id == mentor.employer_partner_id
                    and agreement.company_id == mentor.company_id
                    and agreement.is_valid
                )
            )[:1]
