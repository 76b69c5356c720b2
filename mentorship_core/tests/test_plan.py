from datetime import date

from odoo.tests import Form, TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestPersonalPlan(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.pair = cls._pair(cls._mentor("Plan Mentor"), cls._mentee("Plan Mentee"))

    def _plan(self, start, end, **values):
        return self.env["mentorship.plan"].create(
            {"name": "Plan", "pair_id": self.pair.id, "date_start": start, "date_end": end, **values}
        )

    def test_duration_between_three_months_and_a_year(self):
        with self.assertRefused("from 3 months to 1 year"):
            self._plan(date(2025, 9, 1), date(2025, 11, 30))
        with self.assertRefused("from 3 months to 1 year"):
            self._plan(date(2025, 9, 1), date(2026, 9, 2))
        self.assertTrue(self._plan(date(2025, 9, 1), date(2025, 12, 1)))
        self.assertTrue(self._plan(date(2025, 9, 1), date(2026, 9, 1)))

    def test_created_from_template_with_sections(self):
        template = self.env.ref("mentorship_core.plan_template_teacher_pupil")
        with Form(self.env["mentorship.plan"]) as plan_form:
            plan_form.name = "Gifted pupil plan"
            plan_form.pair_id = self.pair
            plan_form.date_start = date(2025, 9, 8)
            plan_form.date_end = date(2026, 5, 29)
            plan_form.template_id = template
        plan = plan_form.save()
        self.assertEqual(len(plan.line_ids), len(template.line_ids))
        sections = plan.line_ids.filtered("display_type")
        self.assertEqual(len(sections), 3)
        first_activity = plan.line_ids.filtered(lambda line: not line.display_type)[0]
        self.assertEqual(first_activity.date_start, date(2025, 9, 8))
        self.assertEqual(first_activity.date_end, date(2025, 9, 22))

    def test_progress_counts_done_activities(self):
        plan = self._plan(
            date(2025, 9, 1),
            date(2026, 5, 31),
            line_ids=[
                (0, 0, {"name": "Section", "display_type": "line_section"}),
                (0, 0, {"name": "Diagnostic", "status": "done"}),
                (0, 0, {"name": "Project", "status": "in_progress"}),
                (0, 0, {"name": "Olympiad", "status": "todo"}),
                (0, 0, {"name": "Dropped", "status": "cancelled"}),
            ],
        )
        self.assertAlmostEqual(plan.progress, 100.0 / 3)
        plan.line_ids.filtered(lambda line: line.status in ("in_progress", "todo")).status = "done"
        self.assertEqual(plan.progress, 100.0)
        self.assertEqual(self.pair.plan_count, 1)
