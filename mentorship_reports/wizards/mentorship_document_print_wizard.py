import base64
import subprocess
import tempfile
from pathlib import Path

from odoo import api, fields, models
from odoo.exceptions import UserError

OUTPUT_FORMATS = [("pdf", "PDF"), ("docx", "Word (DOCX)"), ("odt", "OpenDocument (ODT)")]
CONVERSION_TIMEOUT = 300


class MentorshipDocumentPrintWizard(models.TransientModel):
    """Print a document of the records as PDF, or as DOCX or ODT to edit
    before signing, with the number and date the user gives it."""

    _name = "mentorship.document.print.wizard"
    _description = "Print a Mentorship Document"

    res_model = fields.Char(required=True, default=lambda self: self.env.context.get("active_model"))
    res_ids = fields.Json(required=True, default=lambda self: self.env.context.get("active_ids"))
    report_id = fields.Many2one(
        "ir.actions.report",
        string="Document",
        required=True,
        default=lambda self: self._reports_of(self.env.context.get("active_model"))[:1],
        domain="[('id', 'in', report_ids)]",
    )
    report_ids = fields.Many2many(
        "ir.actions.report",
        string="Documents Offered",
        compute="_compute_report_ids",
        help="The documents the user may print of the records.",
    )
    output_format = fields.Selection(OUTPUT_FORMATS, string="Format", required=True, default="pdf")
    number = fields.Char(
        string="Document No.",
        help="Printed on orders and letters that have no number of their own; left empty, a line to write it on.",
    )
    date = fields.Date(default=fields.Date.context_today)
    state = fields.Selection([("choose", "Choose"), ("done", "Done")], default="choose", required=True)
    document = fields.Binary(string="File", readonly=True, attachment=False)
    document_name = fields.Char()

    @api.depends("res_model")
    def _compute_report_ids(self):
        for wizard in self:
            wizard.report_ids = self._reports_of(wizard.res_model)

    @api.model
    def _reports_of(self, model):
        """The documents of ``model`` the user's groups may print."""
        groups = self.env.user.all_group_ids
        return (
            self.env["ir.actions.report"]
            .search([("model", "=", model), ("report_type", "=", "py3o"), ("module", "=", "mentorship_reports")])
            .filtered(lambda report: not report.group_ids or report.group_ids & groups)
        )

    def action_print(self):
        """Render the document and show it to download."""
        self.ensure_one()
        records = self.env[self.res_model].browse(self.res_ids).exists()
        if not records:
            raise UserError(self.env._("There is nothing to print: the records were deleted."))
        if self.report_id not in self._reports_of(self.res_model):
            raise UserError(self.env._("You may not print %(document)s.", document=self.report_id.name))
        self.write(
            {
                "document": base64.b64encode(self._render(records)),
                "document_name": self._file_name(records),
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.report_id.name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _render(self, records):
        report = self.report_id
        data = {"number": self.number, "date": fields.Date.to_string(self.date)}
        if self.output_format == "pdf":
            return report._render_py3o(report, records.ids, data)[0]
        odt = report.with_context(report_py3o_skip_conversion=True)._render_py3o(report, records.ids, data)[0]
        return odt if self.output_format == "odt" else self._convert(odt, self.output_format)

    def _convert(self, odt, output_format):
        """LibreOffice makes the other formats, as for report_py3o's own."""
        with tempfile.TemporaryDirectory() as directory:
            source = Path(directory, "document.odt")
            source.write_bytes(odt)
            subprocess.run(
                [
                    self.report_id.lo_bin_path,
                    "--headless",
                    "--convert-to",
                    output_format,
                    "--outdir",
                    directory,
                    str(source),
                    f"-env:UserInstallation=file://{directory}/profile",
                ],
                check=True,
                capture_output=True,
                timeout=CONVERSION_TIMEOUT,
            )
            return source.with_suffix(f".{output_format}").read_bytes()

    def _file_name(self, records):
        report = self.report_id
        name = report.gen_report_download_filename(records.ids, {}).removesuffix(f".{report.py3o_filetype}")
        # a name ending in initials («Иванов К. Д.») takes no second dot before the extension
        return f"{name.replace('/', '-').rstrip('. ')}.{self.output_format}"
