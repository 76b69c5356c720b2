import base64
import binascii
import io
import zipfile
from importlib.resources import files

from odoo import api, fields, models
from odoo.exceptions import ValidationError

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class MentorshipDocumentTemplate(models.Model):
    """An organisation's own layout of a document: an ODT made from the
    shipped template in LibreOffice or Word, with the same fields."""

    _name = "mentorship.document.template"
    _description = "Document Template of an Organisation"
    _order = "company_id, report_id"
    _rec_name = "report_id"
    _check_company_auto = True

    report_id = fields.Many2one(
        "ir.actions.report",
        string="Document",
        required=True,
        ondelete="cascade",
        domain=[("report_type", "=", "py3o"), ("module", "=", "mentorship_reports")],
    )
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    template = fields.Binary(string="Own Template (ODT)", required=True, attachment=True)
    template_name = fields.Char()
    default_template = fields.Binary(string="Shipped Template", compute="_compute_default_template")
    default_template_name = fields.Char(compute="_compute_default_template")
    active = fields.Boolean(default=True)

    _one_per_document = models.Constraint(
        "UNIQUE(report_id, company_id)", "The organisation already has its own template of this document."
    )

    @api.depends("report_id")
    def _compute_default_template(self):
        for template in self:
            report = template.report_id
            path = report.py3o_template_fallback
            template.default_template = path and base64.b64encode(
                files(f"odoo.addons.{report.module}").joinpath(path).read_bytes()
            )
            template.default_template_name = path and path.rsplit("/", 1)[-1]

    @api.constrains("template")
    def _check_template_is_odt(self):
        for template in self:
            try:
                with zipfile.ZipFile(io.BytesIO(base64.b64decode(template.template))) as archive:
                    is_odt = archive.read("mimetype").strip() == ODT_MIMETYPE and "content.xml" in archive.namelist()
            except (zipfile.BadZipFile, KeyError, binascii.Error):
                is_odt = False
            if not is_odt:
                raise ValidationError(
                    self.env._(
                        "%(file)s is not an OpenDocument text (ODT). Save the template in LibreOffice or Word "
                        "as «ODF Text Document (.odt)».",
                        file=template.template_name or self.env._("The file"),
                    )
                )

    @api.model
    def _template_for(self, report, records):
        """The ODT of the records' organisation for ``report``, or None. The
        layout of the organisation is no secret: whoever prints a document
        prints it in its layout."""
        company = records[:1].company_id if "company_id" in records._fields else self.env.company
        own = self.sudo().search([("report_id", "=", report.id), ("company_id", "=", company.id)], limit=1)
        return base64.b64decode(own.template) if own else None
