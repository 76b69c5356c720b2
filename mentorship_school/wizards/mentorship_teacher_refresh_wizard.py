from odoo import api, fields, models
from odoo.exceptions import UserError


class MentorshipTeacherRefreshWizard(models.TransientModel):
    """The curator's yearly refresh: propose the teachers of the organisation
    who need a mentor and turn the chosen ones into mentee profiles."""

    _name = "mentorship.teacher.refresh.wizard"
    _description = "Refresh the Teachers Who Need a Mentor"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    line_ids = fields.One2many("mentorship.teacher.refresh.line", "wizard_id", string="Proposed Teachers")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list:
            company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
            values["line_ids"] = [fields.Command.create(line) for line in self._proposals(company)]
        return values

    @api.model
    def _proposals(self, company):
        young = self.env.ref("mentorship_core.mentee_category_young_teacher")
        changed = self.env.ref("mentorship_core.mentee_category_teacher_changed")
        teachers = self.env["hr.employee"].search(
            [
                ("company_id", "=", company.id),
                ("mentorship_teaching_since", "!=", False),
                ("mentorship_mentee_ids", "=", False),
            ]
        )
        profiled = self.env["mentorship.mentee"].search([("partner_id", "in", teachers.work_contact_id.ids)]).partner_id
        proposals = []
        for teacher in teachers.filtered(lambda teacher: teacher.work_contact_id not in profiled):
            reason = teacher._mentorship_needs_mentor()
            if reason:
                category = young if teacher.mentorship_is_young_specialist else changed
                proposals.append({"employee_id": teacher.id, "reason": reason, "category_id": category.id})
        return proposals

    def action_create_mentees(self):
        self.ensure_one()
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(self.env._("Select at least one teacher."))
        mentees = self.env["mentorship.mentee"].create(
            [
                {
                    "partner_id": line.employee_id.work_contact_id.id,
                    "employee_id": line.employee_id.id,
                    "category_id": line.category_id.id,
                    "company_id": self.company_id.id,
                    "request": line.reason,
                }
                for line in lines
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_mentee_action")
        action["domain"] = [("id", "in", mentees.ids)]
        return action
