from odoo.addons.mail.tests.common import mail_new_test_user


class MentorshipUsersMixin:
    """Users of each mentorship group, for tests of access and menus."""

    @classmethod
    def _create_mentorship_users(cls):
        groups = {
            "mentor": "mentorship_core.group_mentorship_mentor",
            "curator": "mentorship_core.group_mentorship_curator",
            "coordinator": "mentorship_core.group_mentorship_coordinator",
            "hr_officer": "mentorship_core.group_mentorship_hr_officer",
            "employee": "base.group_user",
            "portal": "base.group_portal",
        }
        cls.mentorship_users = {
            key: mail_new_test_user(cls.env, login=f"test_{key}", name=f"Test {key}", groups=group)
            for key, group in groups.items()
        }
