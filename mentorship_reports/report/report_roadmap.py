from odoo import api, models


class ReportRoadmap(models.AbstractModel):
    """The roadmap in seed 004's layout: its stages, each with its
    activities, contents, deadlines, responsible and marks of completion."""

    _name = "report.mentorship_reports.roadmap"
    _inherit = "mentorship.document"
    _description = "Roadmap"

    @api.model
    def _document_model(self):
        return "mentorship.roadmap"

    @api.model
    def _document_values(self, records, data):
        return {"doc": self._roadmap_values(records)}

    @api.model
    def _roadmap_values(self, roadmap):
        activities = roadmap.roadmap_activity_ids
        done = activities.filtered(lambda activity: activity.status == "done")
        return {
            "name": roadmap.name,
            "period": self.env._(
                "%(start)s – %(end)s school year", start=roadmap.date_start.year, end=roadmap.date_start.year + 1
            ),
            "rows": self._rows(activities),
            "done": str(len(done)),
            "total": str(len(activities)),
            "progress": str(round(roadmap.progress)),
        }

    @api.model
    def _rows(self, activities):
        rows = []
        for stage_number, (stage, stage_activities) in enumerate(activities.grouped("stage_id").items(), start=1):
            rows.append({"is_stage": True, "name": f"{stage_number}. {stage.name}"})
            rows.extend(
                {
                    "is_stage": False,
                    "number": f"{stage_number}.{number}",
                    "name": activity.name,
                    "content": self._text(activity.content),
                    "deadline": self._short_date(activity.date_deadline),
                    "responsible": activity.responsible or activity.responsible_user_id.name or "",
                    "status": self._selection(activity, "status"),
                }
                for number, activity in enumerate(stage_activities, start=1)
            )
        return rows
