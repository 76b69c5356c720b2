from odoo import api, models

from odoo.addons.mentorship_core.tools import short_name


class ReportPlan(models.AbstractModel):
    """The personal plan in seed 002's layout: goal, tasks, planned results
    and the table difficulty → activity → dates → responsible → planned
    result, with the marks of completion."""

    _name = "report.mentorship_reports.plan"
    _inherit = "mentorship.document"
    _description = "Personal Plan"

    @api.model
    def _document_model(self):
        return "mentorship.plan"

    @api.model
    def _document_values(self, records, data):
        plan = records
        pair = plan.pair_id
        activities = plan.line_ids.filtered(lambda line: not line.display_type)
        done = activities.filtered(lambda line: line.status == "done")
        mentees = pair.mentee_ids.partner_id
        return {
            "doc": {
                "name": self._quoted(plan.name),
                "mentor": pair.mentor_id.partner_id.name or "",
                "mentor_short": short_name(pair.mentor_id.partner_id.name),
                "mentees": self._names(mentees),
                "mentees_short": ", ".join(short_name(name) for name in mentees.mapped("name")),
                "form": pair.form_id.name or "",
                "program": pair.program_id.name or "",
                "period": self._period(plan.date_start, plan.date_end),
                "goal": self._lines(plan.goal),
                "tasks": self._lines(plan.tasks),
                "planned_results": self._lines(plan.planned_results),
                "lines": self._rows(plan.line_ids),
                "done": str(len(done)),
                "total": str(len(activities)),
                "progress": str(round(plan.progress)),
            }
        }

    @api.model
    def _rows(self, lines):
        rows, number = [], 0
        for line in lines:
            if line.display_type == "line_section":
                rows.append({"is_section": True, "name": line.name})
                continue
            number += 1
            rows.append(
                {
                    "is_section": False,
                    "number": str(number),
                    "difficulties": ", ".join(line.difficulty_tag_ids.mapped("name")),
                    "name": self._text(line.name),
                    "dates": self._period(line.date_start, line.date_end),
                    "responsible": self._selection(line, "responsible"),
                    "planned_result": self._text(line.planned_result),
                    "status": self._selection(line, "status"),
                }
            )
        return rows
