from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestRoadmap(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.roadmap = cls.env["mentorship.roadmap"].create(
            {"name": "Roadmap 2025/2026", "company_id": cls.school.id, "date_start": date(2025, 9, 1)}
        )

    def test_filled_from_the_seven_stage_template(self):
        self.roadmap.action_fill_from_template()
        activities = self.roadmap.roadmap_activity_ids
        self.assertEqual(len(activities.stage_id), 7)
        order = activities.filtered(lambda activity: "by order" in activity.name)
        self.assertEqual(order.date_deadline, date(2025, 10, 31))
        self.assertEqual(self.roadmap.progress, 0.0)
        activities[0].status = "done"
        self.assertAlmostEqual(self.roadmap.progress, 100.0 / len(activities))

    @freeze_time("2025-12-15")
    def test_overdue_activity_becomes_a_todo_of_the_responsible(self):
        self.roadmap.action_fill_from_template()
        activities = self.roadmap.roadmap_activity_ids
        activities.responsible_user_id = self.curator
        overdue = activities.filtered(lambda activity: activity.date_deadline < date(2025, 12, 15))
        overdue[1:].status = "done"
        self.assertEqual(self.roadmap.overdue_count, 1)
        self.env["mentorship.roadmap"]._cron_flag_overdue_activities()
        todo = self.roadmap.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.curator)
        self.assertIn(overdue[0].name, todo.summary)
        self.env["mentorship.roadmap"]._cron_flag_overdue_activities()
        self.assertEqual(len(self.roadmap.activity_ids), 1, "flagged once")
