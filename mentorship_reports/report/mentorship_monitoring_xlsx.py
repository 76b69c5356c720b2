from xlsxwriter.utility import xl_range

from odoo import models
from odoo.exceptions import UserError

from .mentorship_xlsx_common import HEADER_ROW, STYLES, Column

INDICATOR = "mentorship.monitoring.indicator"
# indicators whose figures add up from school to department: the total row sums
# them with SUBTOTAL; the others (averages, people counted once) are the stored
# figures of the campaign's organisation, weighted as the closing computed them
ADDITIVE = {"pairs", "held_meetings", "plans_at_risk", "olympiads"}
AVERAGES = {
    "response_rate",
    "meetings_per_month",
    "plan_progress",
    "mentor_satisfaction",
    "mentee_satisfaction",
    "competence_change",
    "marks_change",
    "pupils_exam_pass",
}


class MentorshipMonitoringXlsx(models.AbstractModel):
    """The municipal monitoring table, as a department sends it up: a row per
    school and form of the selected closed campaigns (December and May side by
    side), a column per indicator and campaign, and the total of the
    campaign's organisation. The indicators are read as the user may read them."""

    _name = "report.mentorship_reports.monitoring_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Municipal Monitoring XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        campaigns = self._readable(objs).sorted(lambda campaign: (campaign.date_to, campaign.id))
        open_campaign = campaigns.filtered(lambda campaign: campaign.state != "closed")[:1]
        if open_campaign:
            raise UserError(
                self.env._(
                    "The campaign %(campaign)s is not closed: its indicators are computed when it is closed.",
                    campaign=open_campaign.display_name,
                )
            )
        figures, totals, schools = self._figures(campaigns)
        # every indicator, computed or not: the department's table keeps its columns
        indicators = list(self._selection_labels(INDICATOR, "indicator").items())
        columns = [
            self._field_column(INDICATOR, "company_id", 36),
            self._field_column(INDICATOR, "form_id", 24),
            *(
                Column(
                    label if len(campaigns) == 1 else f"{label} — {campaign.name}",
                    20,
                    "decimal" if key in AVERAGES else "integer",
                )
                for key, label in indicators
                for campaign in campaigns
            ),
        ]
        cells = [(key, campaign.id) for key, _label in indicators for campaign in campaigns]
        rows = [
            (school_name, form_name, *(figures[school, form].get(cell) for cell in cells))
            for (school, form), (school_name, form_name) in schools.items()
        ]
        sheet = self._write_table(
            workbook,
            self.env._("Monitoring"),
            self.env._("Municipal Monitoring by Organisation and Form"),
            self._organisation_name((campaign.company_id.id, campaign.company_id.name) for campaign in campaigns),
            columns,
            rows,
            frozen_columns=2,
        )
        self._write_totals(workbook, sheet, columns, rows, cells, totals)

    def _figures(self, campaigns):
        """({(school, form): {(indicator, campaign): value}}, {campaign:
        {indicator: value of its organisation}}, {(school, form): names}).
        The schools are the organisations the pairs belong to: a
        department's own form rows hold its schools' together."""
        Indicator = self.env[INDICATOR]
        domain = [("monitoring_id", "in", campaigns.ids)]
        schools_of = {
            (campaign.id, company.id)
            for campaign, company in Indicator._read_group(
                [*domain, ("level", "=", "program")], ["monitoring_id", "company_id"]
            )
        }
        figures, totals, schools = {}, {campaign.id: {} for campaign in campaigns}, {}
        rows = Indicator.search_read(
            [*domain, ("level", "in", ("form", "organisation"))],
            ["monitoring_id", "level", "company_id", "form_id", "indicator", "value"],
            order="company_id, form_id, id",
        )
        organisations = {campaign.id: campaign.company_id.id for campaign in campaigns}
        for row in rows:
            campaign_id, company = row["monitoring_id"][0], row["company_id"]
            if row["level"] == "organisation":
                if company[0] == organisations[campaign_id]:
                    totals[campaign_id][row["indicator"]] = row["value"]
                continue
            if (campaign_id, company[0]) not in schools_of:
                continue
            key = (company[0], row["form_id"][0])
            schools.setdefault(key, (company[1], row["form_id"][1]))
            figures.setdefault(key, {})[row["indicator"], campaign_id] = row["value"]
        return figures, totals, schools

    def _write_totals(self, workbook, sheet, columns, rows, cells, totals):
        """The total row: SUBTOTAL of the counts that add up (it follows the
        autofilter), the stored figure of the campaign's organisation for the
        averages and the people counted once."""
        if not rows:
            return
        total_row = HEADER_ROW + len(rows) + 1
        formats = {
            style: workbook.add_format({**props, "bold": True, "border": 1, "top": 2})
            for style, props in STYLES.items()
        }
        sheet.write_string(total_row, 0, self.env._("Total"), formats["text"])
        sheet.write_blank(total_row, 1, None, formats["text"])
        for index, (column, (key, campaign_id)) in enumerate(zip(columns[2:], cells, strict=True), start=2):
            cell_format = formats[column.style]
            if key in ADDITIVE:
                cached = sum(row[index] or 0 for row in rows)
                cell_range = xl_range(HEADER_ROW + 1, index, total_row - 1, index)
                sheet.write_formula(total_row, index, f"=SUBTOTAL(9,{cell_range})", cell_format, cached)
            elif totals[campaign_id].get(key) is None:
                sheet.write_blank(total_row, index, None, cell_format)
            else:
                sheet.write_number(total_row, index, totals[campaign_id][key], cell_format)
