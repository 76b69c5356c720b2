import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

# documented layout of the marks file; headers in English or Russian
COLUMNS = {
    "pupil_code": ("pupil_code", "код ученика"),
    "period": ("period", "период"),
    "subject": ("subject", "предмет"),
    "average": ("average", "средний балл"),
}
ERRORS_SHOWN = 50


class MentorshipSchoolMarkImportWizard(models.TransientModel):
    """Import average marks exported by a school information system.

    The file is checked whole before anything is written: a file with bad rows
    is refused with the number and the reason of each bad row."""

    _name = "mentorship.school.mark.import.wizard"
    _description = "Import Average Marks"

    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        values, errors = self._validate(rows)
        if errors:
            shown = "\n".join(errors[:ERRORS_SHOWN])
            more = len(errors) - ERRORS_SHOWN
            raise UserError(
                self.env._("The file was not imported: %(count)s bad rows.\n%(rows)s", count=len(errors), rows=shown)
                + (self.env._("\n... and %(more)s more.", more=more) if more > 0 else "")
            )
        return self._write(values)

    def _read_rows(self):
        """The data rows as dicts keyed by the documented column names, each
        with its row number in the file."""
        content = base64.b64decode(self.file)
        if (self.filename or "").lower().endswith(".xlsx"):
            table = self._xlsx_table(content)
        else:
            text = content.decode("utf-8-sig")
            first_line = text.split("\n", 1)[0]
            table = list(csv.reader(io.StringIO(text), delimiter=max(";,\t", key=first_line.count)))
        if not table:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        positions = {}
        for column, names in COLUMNS.items():
            found = [index for index, title in enumerate(header) if title in names]
            if not found:
                raise UserError(self.env._("The column %(column)s is missing from the file.", column=" / ".join(names)))
            positions[column] = found[0]
        return [
            (number, {column: row[index] if index < len(row) else None for column, index in positions.items()})
            for number, row in enumerate(table[1:], start=2)
            if any(cell not in (None, "") for cell in row)
        ]

    def _xlsx_table(self, content):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def _validate(self, rows):
        codes = {str(row["pupil_code"] or "").strip() for _number, row in rows}
        pupils = {
            partner.mentorship_pupil_code: partner
            for partner in self.env["res.partner"].search([("mentorship_pupil_code", "in", list(codes))])
        }
        periods = self._names_to_ids("mentorship.school.period")
        subjects = self._names_to_ids("mentorship.school.subject")
        values, errors, seen = [], [], {}
        for number, row in rows:
            code = str(row["pupil_code"] or "").strip()
            period = periods.get(str(row["period"] or "").strip().lower())
            subject = subjects.get(str(row["subject"] or "").strip().lower())
            average = self._parse_average(row["average"])
            problems = [
                message
                for failed, message in (
                    (code not in pupils, self.env._("unknown pupil code %(code)r", code=code)),
                    (not period, self.env._("unknown period %(period)r", period=row["period"])),
                    (not subject, self.env._("unknown subject %(subject)r", subject=row["subject"])),
                    (
                        average is None,
                        self.env._("the average mark %(mark)r is not a number from 1 to 5", mark=row["average"]),
                    ),
                )
                if failed
            ]
            pupil = pupils.get(code)
            key = (pupil and pupil.id, period, subject)
            if not problems and key in seen:
                problems.append(self.env._("the same pupil, period and subject as row %(row)s", row=seen[key]))
            if problems:
                errors.append(self.env._("Row %(row)s: %(problems)s", row=number, problems="; ".join(problems)))
                continue
            seen[key] = number
            values.append(
                {
                    "partner_id": pupil.id,
                    "period_id": period,
                    "subject_id": subject,
                    "average": average,
                    # the mark belongs to the pupil's school, whatever school the user works in now
                    "company_id": (pupil.company_id or self.env.company).id,
                }
            )
        return values, errors

    def _names_to_ids(self, model):
        """Names in the user's language and in English, lower-cased, to ids."""
        records = self.env[model].search([])
        return {
            record.name.lower(): record.id
            for lang_records in (records, records.with_context(lang="en_US"))
            for record in lang_records
        }

    @staticmethod
    def _parse_average(value):
        try:
            average = float(str(value).strip().replace(",", "."))
        except (TypeError, ValueError):
            return None
        return float_round(average, 2) if 1 <= average <= 5 else None

    def _write(self, values):
        """Create the new marks and update the ones the file gives again."""
        Mark = self.env["mentorship.school.mark"]
        existing = {
            (mark.partner_id.id, mark.period_id.id, mark.subject_id.id): mark
            for mark in Mark.search([("partner_id", "in", list({v["partner_id"] for v in values}))])
        }
        to_create = []
        for vals in values:
            mark = existing.get((vals["partner_id"], vals["period_id"], vals["subject_id"]))
            if mark:
                mark.average = vals["average"]
            else:
                to_create.append(vals)
        Mark.create(to_create)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s average marks imported.", count=len(values)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
