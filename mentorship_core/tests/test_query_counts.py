from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase

TAGS = {"id": {}, "display_name": {}, "color": {}}
NAMED = {"fields": {"display_name": {}}}
PAIR_KANBAN = {
    "color": {},
    "priority": {},
    "mentor_id": NAMED,
    "mentee_ids": {"fields": {"display_name": {}}},
    "program_id": NAMED,
    "kind": {},
    "role_model_id": NAMED,
    "order_number": {},
    "order_date": {},
    "health": {},
    "health_reason": {},
    "activity_ids": {"fields": {}},
    "activity_state": {},
    "mentor_user_id": NAMED,
    "stage_id": NAMED,
}
PAIR_LIST = {
    "name": {},
    "program_id": NAMED,
    "mentor_id": NAMED,
    "mentee_ids": {"fields": {"display_name": {}}},
    "kind": {},
    "date_start": {},
    "last_meeting_date": {},
    "stage_id": NAMED,
}
PARTICIPANT_LIST = {
    "partner_id": NAMED,
    "category_id": NAMED,
    "preferred_format": {},
    "company_id": NAMED,
    "state": {},
}
MENTOR_LIST = {
    **PARTICIPANT_LIST,
    "competency_tag_ids": {"fields": TAGS},
    "capacity": {},
    "running_mentee_count": {},
    "is_trained": {},
}
MENTEE_LIST = {**PARTICIPANT_LIST, "difficulty_tag_ids": {"fields": TAGS}, "has_pair": {}}


@tagged("post_install", "-at_install")
class TestQueryCounts(MentorshipCase, TransactionCase):
    """The pair kanban and list and the mentor and mentee lists cost the same
    number of queries with 50 and with 5,000 pairs: no query per record."""

    QUERIES = 27

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        tags = cls.env["mentorship.tag"].search([], limit=3)
        partners = cls.env["res.partner"].create([{"name": f"Person {index}"} for index in range(150)])
        cls.mentors = cls.env["mentorship.mentor"].create(
            [
                {
                    "partner_id": partner.id,
                    "category_id": cls.cat_teacher.id,
                    "company_id": cls.school.id,
                    "competency_tag_ids": [Command.set(tags.ids)],
                }
                for partner in partners[:50]
            ]
        )
        cls.mentees = cls.env["mentorship.mentee"].create(
            [
                {
                    "partner_id": partner.id,
                    "category_id": cls.cat_young_teacher.id,
                    "company_id": cls.school.id,
                    "difficulty_tag_ids": [Command.set(tags.ids)],
                }
                for partner in partners[50:]
            ]
        )
        cls.stages = cls.env["mentorship.pair.stage"].search([("state", "in", ["candidate", "matching", "agreement"])])
        cls.curator_env = cls.env(user=cls.curator, context={"allowed_company_ids": cls.school.ids})

    def _create_pairs(self, count):
        self.env["mentorship.pair"].create(
            [
                {
                    "program_id": self.program_teachers.id,
                    "mentor_id": self.mentors[index % len(self.mentors)].id,
                    "mentee_ids": [Command.set(self.mentees[index % len(self.mentees)].ids)],
                    "stage_id": self.stages[index % len(self.stages)].id,
                }
                for index in range(count)
            ]
        )
        self.env.invalidate_all()

    def _open_views(self):
        env = self.curator_env
        env["mentorship.pair"].web_read_group(
            [],
            ["stage_id"],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification=PAIR_KANBAN,
            unfold_read_default_limit=80,
        )
        env["mentorship.pair"].web_search_read([], PAIR_LIST, limit=80)
        env["mentorship.mentor"].web_search_read([], MENTOR_LIST, limit=80)
        env["mentorship.mentee"].web_search_read([], MENTEE_LIST, limit=80)

    def _open_views_counted(self, queries):
        self._open_views()  # warm-up: rules, views and translations are cached
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            self._open_views()

    def test_same_queries_with_50_and_5000_pairs(self):
        self._create_pairs(50)
        self._open_views_counted(self.QUERIES)
        self._create_pairs(4950)
        self.assertEqual(
            self.env["mentorship.pair"].search_count([("program_id", "=", self.program_teachers.id)]), 5000
        )
        # the only extra query: the pager's count, once the pair list fills its page of 80
        self._open_views_counted(self.QUERIES + 1)
