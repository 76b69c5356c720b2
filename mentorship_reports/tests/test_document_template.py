import base64
import io
import zipfile
from importlib.resources import files

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import DocumentCase


@tagged("post_install", "-at_install")
class TestDocumentTemplate(DocumentCase, TransactionCase):
    """An organisation prints in its own layout: an ODT it uploaded in the
    back office, without code, for itself only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env.ref("mentorship_reports.action_report_order_curator")
        cls.shipped = (
            files("odoo.addons.mentorship_reports").joinpath("report/templates/order_curator.odt").read_bytes()
        )

    def _own_layout(self, title):
        """The shipped template with ``title`` instead of «ПРИКАЗ», saved
        again as an ODT the way an editor does."""
        source = zipfile.ZipFile(io.BytesIO(self.shipped))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "content.xml":
                    data = data.replace("ПРИКАЗ<".encode(), f"{title}<".encode())
                target.writestr(item, data)
        return output.getvalue()

    def _upload(self, role, content, name="layout.odt"):
        return self._as(role, "mentorship.document.template").create(
            {"report_id": self.report.id, "template": base64.b64encode(content), "template_name": name}
        )

    def test_own_template_is_used_for_its_organisation_only(self):
        template = self._upload("curator", self._own_layout("РАСПОРЯЖЕНИЕ ПО ШКОЛЕ"))
        self.assertEqual(template.company_id, self.school)
        own = self._pdf_text(self._print("curator", self.program_teachers, "order_curator"))
        self.assertIn("РАСПОРЯЖЕНИЕ ПО ШКОЛЕ", own)
        self.assertNotIn("ПРИКАЗ ", own)
        self.assertIn(
            "Назначить Соколову Ирину Викторовну куратором", own, "the fields are filled as in the shipped one"
        )
        other = self._pdf_text(self._print("curator_b", self.program_b, "order_curator"))
        self.assertIn("ПРИКАЗ", other)
        self.assertNotIn("РАСПОРЯЖЕНИЕ", other)
        template.action_archive()
        self.assertNotIn("РАСПОРЯЖЕНИЕ", self._pdf_text(self._print("curator", self.program_teachers, "order_curator")))

    def test_shipped_template_offered_to_start_from(self):
        template = self._as("curator", "mentorship.document.template").new({"report_id": self.report.id})
        self.assertEqual(base64.b64decode(template.default_template), self.shipped)
        self.assertEqual(template.default_template_name, "order_curator.odt")

    def test_not_an_odt_is_refused(self):
        docx = io.BytesIO()
        with zipfile.ZipFile(docx, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
        for content, name in ((b"%PDF-1.4 not a template", "order.pdf"), (docx.getvalue(), "order.docx")):
            with self.assertRefused(f"{name} is not an OpenDocument text"):
                self._upload("curator", content, name)
        self.assertFalse(self.env["mentorship.document.template"].search([("report_id", "=", self.report.id)]))

    def test_one_template_per_document_and_organisation(self):
        self._upload("curator", self.shipped)
        with self.assertRaises(UniqueViolation) as caught, mute_logger("odoo.sql_db"):
            self._upload("curator", self.shipped)
        self.assertIn("mentorship_document_template_one_per_document", str(caught.exception))

    def test_templates_of_another_school_stay_hidden(self):
        template = self._upload("curator", self.shipped)
        self.assertFalse(self._as("curator_b", "mentorship.document.template").search([("id", "=", template.id)]))
        with self.assertRaises(AccessError):
            self._as("curator", "mentorship.document.template").create(
                {
                    "report_id": self.report.id,
                    "company_id": self.school_b.id,
                    "template": base64.b64encode(self.shipped),
                }
            )
