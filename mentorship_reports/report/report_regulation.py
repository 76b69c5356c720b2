from odoo import api, models

from odoo.addons.mentorship_core.models.mentorship_pair import DEFAULT_ATTENTION_DAYS


class ReportRegulation(models.AbstractModel):
    """The regulation on mentorship of the organisation (seed 001's
    structure), filled from what the organisation set up: its forms and role
    models, curators, categories, the days a pair may go without meeting and
    its incentive rules."""

    _name = "report.mentorship_reports.regulation"
    _inherit = "mentorship.document"
    _description = "Regulation on Mentorship"

    @api.model
    def _document_model(self):
        return "mentorship.program"

    @api.model
    def _document_values(self, records, data):
        company = records.company_id
        programs = self.env["mentorship.program"].search([("company_id", "=", company.id)])
        forms = programs.form_id
        rules = self.env["mentorship.incentive.rule"].search([("company_id", "=", company.id)])
        return {
            "doc": {
                "forms": [
                    {
                        "name": form.name,
                        "role_models": " "
                        + self.env._(
                            "(role models: %(role_models)s)", role_models=", ".join(form.role_model_ids.mapped("name"))
                        )
                        if form.role_model_ids
                        else "",
                    }
                    for form in forms
                ],
                "curators": ", ".join(programs.curator_id.mapped("name"))
                or self.env._("appointed by an order of the head of the organisation"),
                "mentor_categories": (
                    forms.mentor_category_ids or self.env["mentorship.mentor.category"].search([])
                ).mapped("name"),
                "mentee_categories": (
                    forms.mentee_category_ids or self.env["mentorship.mentee.category"].search([])
                ).mapped("name"),
                "attention_days": self.env["ir.config_parameter"]
                .sudo()
                .get_param("mentorship_core.attention_days", str(DEFAULT_ATTENTION_DAYS)),
                "incentive_rules": [f"{rule.name} ({rule.basis})" if rule.basis else rule.name for rule in rules],
            }
        }
