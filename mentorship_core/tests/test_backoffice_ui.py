from odoo.tests import HttpCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestBackofficeUi(MentorshipRolesCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def test_curator_opens_mentorship_menu(self):
        """A curator logs in, opens the Mentorship app and sees the forms list."""
        self.start_tour("/odoo", "mentorship_backoffice_menu", login="school_curator")
