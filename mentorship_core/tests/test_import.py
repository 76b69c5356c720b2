import csv
import io

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

from .common import MentorshipCase

FIELDS = ["partner_id", "email", "category_id", "difficulty_tag_ids", "preferred_format", "company_id"]
# row index (0-based, after the header) -> (the broken value, the reason the import gives)
BAD_ROWS = {
    7: ("category_id", "No such category", "No matching record found"),
    95: ("preferred_format", "by pigeon", "Value 'by pigeon' not found in selection field"),
    180: ("category_id", "Unknown category 2", "No matching record found"),
    260: ("difficulty_tag_ids", "Nonexistent difficulty", "No matching record found"),
    333: ("preferred_format", "teleport", "Value 'teleport' not found in selection field"),
    478: ("category_id", "Alien", "No matching record found"),
    512: ("company_id", "No Such School", "No matching record found"),
    640: ("preferred_format", "maybe", "Value 'maybe' not found in selection field"),
    777: ("difficulty_tag_ids", "Flying", "No matching record found"),
    999: ("category_id", "Ghost", "No matching record found"),
}


@tagged("post_install", "-at_install")
class TestParticipantImport(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()

    def _rows(self, count, bad_rows):
        category = self.cat_young_teacher.name
        for index in range(count):
            row = {
                "partner_id": f"Imported Teacher {index:04d}",
                "email": f"teacher{index:04d}@import.test",
                "category_id": category,
                "difficulty_tag_ids": "Lesson planning,Working with parents",
                "preferred_format": "in_person",
                "company_id": self.school.name,
            }
            if index in bad_rows:
                field, value, _reason = bad_rows[index]
                row[field] = value
            yield [row[field] for field in FIELDS]

    def _import(self, count, bad_rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(FIELDS)
        writer.writerows(self._rows(count, bad_rows))
        wizard = (
            self.env["base_import.import"]
            .with_context(tracking_disable=True)
            .create(
                {
                    "res_model": "mentorship.mentee",
                    "file": buffer.getvalue().encode(),
                    "file_type": "text/csv",
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "name_create_enabled_fields": {"partner_id": True},
        }
        return wizard.execute_import(FIELDS, FIELDS, options)

    def test_bad_rows_reported_and_nothing_imported(self):
        mentees_before = self.env["mentorship.mentee"].search_count([])
        partners_before = self.env["res.partner"].search_count([])
        result = self._import(1000, BAD_ROWS)
        errors = [message for message in result["messages"] if message["type"] == "error"]
        reported = {message["rows"]["from"]: message["message"] for message in errors}
        self.assertEqual(sorted(reported), sorted(BAD_ROWS), "each bad row reported once, with its number")
        for index, (_field, _value, reason) in BAD_ROWS.items():
            self.assertIn(reason, reported[index])
        self.assertFalse(result["ids"])
        self.assertEqual(self.env["mentorship.mentee"].search_count([]), mentees_before, "nothing half-imported")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "no person half-created")

    def test_good_file_imports_people_and_profiles(self):
        result = self._import(30, {})
        self.assertFalse(result["messages"])
        mentees = self.env["mentorship.mentee"].browse(result["ids"])
        self.assertEqual(len(mentees), 30)
        self.assertEqual(set(mentees.mapped("origin")), {"import"})
        self.assertEqual(mentees.company_id, self.school)
        first = mentees.filtered(lambda mentee: mentee.partner_id.name == "Imported Teacher 0000")
        self.assertEqual(first.email, "teacher0000@import.test")
        self.assertEqual(first.category_id, self.cat_young_teacher)
        self.assertEqual(len(first.difficulty_tag_ids), 2)

    def test_import_templates_exist(self):
        for model in ("mentorship.mentee", "mentorship.mentor"):
            (template,) = self.env[model].get_import_templates()
            path = template["template"].lstrip("/")
            with file_open(path, "rb") as template_file:
                self.assertEqual(template_file.read(2), b"PK", f"{path} is an XLSX file")
