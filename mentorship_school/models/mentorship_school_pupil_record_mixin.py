from odoo import api, fields, models


class MentorshipSchoolPupilRecordMixin(models.AbstractModel):
    """A record of a pupil's results: it belongs to the pupil's school,
    whoever creates or imports it (a department imports for all its schools);
    a pupil of no school leaves it to the organisation given."""

    _name = "mentorship.school.pupil.record.mixin"
    _description = "Record of a Pupil's Results"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Pupil", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )

    @api.depends("partner_id")
    def _compute_company_id(self):
        for record in self:
            record.company_id = record.partner_id.company_id or record.company_id or self.env.company
