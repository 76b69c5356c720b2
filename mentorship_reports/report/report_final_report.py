from odoo import api, models

from odoo.addons.mentorship_core.tools import short_name


class ReportFinalReport(models.AbstractModel):
    """The final analytic report of a program: participants, pairs by stage
    and kind, meetings held, plan completion and the dynamics of marks and
    olympiads of its mentees (from mentorship_school). Every figure is read
    under the user's rules."""

    _name = "report.mentorship_reports.final_report"
    _inherit = "mentorship.document"
    _description = "Final Analytic Report"

    @api.model
    def _document_model(self):
        return "mentorship.program"

    @api.model
    def _document_values(self, records, data):
        program = records
        return {
            "doc": {
                **self._number_and_date(data),
                "name": self._quoted(program.name),
                "form": program.form_id.name,
                "period": self._period(program.date_start, program.date_end),
                "curator": short_name(program.curator_id.name),
                "state": self._selection(program, "state"),
                "mentor_count": str(program.mentor_count),
                "mentee_count": str(program.mentee_count),
                "coverage": str(round(program.coverage)),
                **self._pair_values(program),
                **self._meeting_values(program),
                **self._plan_values(program),
                **self._school_values(program),
            }
        }

    @api.model
    def _counts(self, model, domain, field_name):
        """Rows {name, count} of ``model`` grouped by ``field_name``, in the
        order of its values."""
        Model = self.env[model]
        counts = dict(Model._read_group(domain, [field_name], ["__count"]))
        field = Model._fields[field_name]
        if field.type == "selection":
            # in the order of the selection: the meetings' sequence, the kinds as listed
            return [
                {"name": label, "count": str(counts[value])}
                for value, label in field._description_selection(self.env)
                if value in counts
            ]
        return [{"name": value.display_name, "count": str(count)} for value, count in counts.items() if value]

    @api.model
    def _pair_values(self, program):
        domain = [("program_id", "=", program.id)]
        return {
            "stages": self._counts("mentorship.pair", domain, "stage_id"),
            "kinds": self._counts("mentorship.pair", domain, "kind"),
        }

    @api.model
    def _meeting_values(self, program):
        Event = self.env["calendar.event"]
        domain = [("mentorship_program_id", "=", program.id)]
        held = [*domain, ("mentorship_is_held", "=", True)]
        return {
            "meetings": str(Event.search_count(domain)),
            "held_meetings": str(Event.search_count(held)),
            "meeting_types": self._counts("calendar.event", held, "mentorship_meeting_type"),
        }

    @api.model
    def _plan_values(self, program):
        plans = self.env["mentorship.plan"].search([("pair_id.program_id", "=", program.id)])
        activities = self.env["mentorship.plan.line"].search(
            [("plan_id", "in", plans.ids), ("display_type", "=", False)]
        )
        progress = sum(plans.mapped("progress")) / len(plans) if plans else 0.0
        return {
            "plan_count": str(len(plans)),
            "plan_done": str(len(activities.filtered(lambda line: line.status == "done"))),
            "plan_total": str(len(activities)),
            "plan_progress": str(round(progress)),
        }

    @api.model
    def _school_values(self, program):
        mentees = program.pair_ids.filtered(lambda pair: pair.state != "dissolved").mentee_ids
        with_marks = mentees.filtered(lambda mentee: mentee.marks_average_before and mentee.marks_average_since)

        def average(field_name):
            values = [value for value in mentees.mapped(field_name) if value]
            return f"{sum(values) / len(values):.2f}".replace(".", ",") if values else self.env._("no data")

        return {
            "marks_before": average("marks_average_before"),
            "marks_since": average("marks_average_since"),
            "with_marks": str(len(with_marks)),
            "improved": str(len(with_marks.filtered(lambda mentee: mentee.marks_change > 0))),
            "olympiads_before": str(sum(mentees.mapped("olympiads_before"))),
            "olympiads_since": str(sum(mentees.mapped("olympiads_since"))),
        }
