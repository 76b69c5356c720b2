import base64
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase


class DocumentCase(MentorshipRolesCase):
    """The two schools and their roles, printing documents as a user does:
    through the print dialog, reading back what came out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.curator.name = "Соколова Ирина Викторовна"
        cls.school.write(
            {
                "city": "Бийск",
                "mentorship_director_name": "Максимова Елена Андреевна",
                "mentorship_director_title": "Директор",
            }
        )
        # the users print in Russian, as run.sh sets them up: the documents' own sentences
        # come from ru.po; the addons' Russian is not loaded into the database, so the names
        # and labels of records print as these tests create them
        cls.env["res.lang"]._activate_lang("ru_RU")
        for user in cls.users.values():
            user.lang = "ru_RU"

    def _print(self, role, records, document, output_format="pdf", **values):
        """The bytes of ``document`` (its xml id in this addon) printed by
        ``role`` for ``records`` in ``output_format``."""
        wizard = (
            self._as(role, "mentorship.document.print.wizard")
            .with_context(active_model=records._name, active_ids=records.ids)
            .create(
                {
                    "report_id": self.env.ref(f"mentorship_reports.action_report_{document}").id,
                    "output_format": output_format,
                    **values,
                }
            )
        )
        action = wizard.action_print()
        self.assertEqual((action["res_model"], action["res_id"]), (wizard._name, wizard.id))
        self.assertEqual(wizard.state, "done")
        self.assertTrue(wizard.document_name.endswith(f".{output_format}"), wizard.document_name)
        self.assertNotIn("..", wizard.document_name, "one dot before the extension, even after initials")
        self.last_document_name = wizard.document_name
        return base64.b64decode(wizard.document)

    @staticmethod
    def _pdf_text(content):
        """The text of a PDF as poppler's pdftotext reads it, lines joined
        by spaces so that a wrapped phrase is found whole."""
        assert content.startswith(b"%PDF"), content[:20]
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory, "document.pdf")
            path.write_bytes(content)
            text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
        return " ".join(text.split())

    @staticmethod
    def _odt_content(content):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            return etree.fromstring(archive.read("content.xml"))

    @classmethod
    def _odt_text(cls, content):
        return " ".join("".join(cls._odt_content(content).itertext()).split())

    @staticmethod
    def _docx_text(content):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            document = etree.fromstring(archive.read("word/document.xml"))
        namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        return " ".join(
            "".join(node.text or "" for node in paragraph.iter(f"{namespace}t"))
            for paragraph in document.iter(f"{namespace}p")
        )
