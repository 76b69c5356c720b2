from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestReplacementRequest(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.mentor = cls._mentor("Strict Mentor", capacity=3)
        cls.mentee = cls._mentee("Unhappy Mentee")
        cls.pair = cls._pair(cls.mentor, cls.mentee)
        cls._approve(cls.pair)
        cls.pair.action_start_work()

    def _request(self, pair=None, mentee=None):
        return self.env["mentorship.replacement.request"].create(
            {
                "pair_id": (pair or self.pair).id,
                "mentee_id": (mentee or self.mentee).id,
                "reason": "We do not get along",
            }
        )

    def test_approval_closes_pair_and_opens_new_one_in_matching(self):
        request = self._request()
        request.action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.pair.state, "dissolved")
        self.assertIn("We do not get along", self.pair.dissolution_reason)
        new_pair = request.new_pair_id
        self.assertEqual(new_pair.state, "matching")
        self.assertEqual(new_pair.mentee_ids, self.mentee)
        self.assertFalse(new_pair.mentor_id)
        self.assertEqual(new_pair.program_id, self.pair.program_id)
        self.assertIn(self.mentor, self.mentee.excluded_mentor_ids)
        with self.assertRefused("cannot be paired with them again"):
            new_pair.mentor_id = self.mentor
        other_mentor = self._mentor("Kind Mentor")
        new_pair.mentor_id = other_mentor
        self.assertEqual(new_pair.mentor_id, other_mentor)

    def test_group_keeps_working_without_the_mentee(self):
        others = self._mentee("Group Mentee A") | self._mentee("Group Mentee B")
        group = self._pair(self.mentor, self.mentee | others, kind="group")
        request = self._request(pair=group)
        request.action_approve()
        self.assertEqual(group.state, "matching")
        self.assertEqual(group.mentee_ids, others)
        self.assertEqual(request.new_pair_id.mentee_ids, self.mentee)
        self.assertEqual(request.new_pair_id.kind, "traditional")

    def test_rejection_changes_nothing(self):
        request = self._request()
        request.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(self.pair.state, "working")
        self.assertFalse(self.mentee.excluded_mentor_ids)
        with self.assertRefused("Only a submitted request", UserError):
            request.action_approve()

    def test_request_for_a_stranger_is_refused(self):
        stranger = self._mentee("Stranger")
        with self.assertRefused("is not a mentee of the pair"):
            self._request(mentee=stranger)
