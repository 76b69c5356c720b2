from odoo.tests import HttpCase, tagged

from .common import MentorshipUsersMixin


@tagged("post_install", "-at_install")
class TestBackofficeUi(MentorshipUsersMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_mentorship_users()

    def test_curator_opens_mentorship_menu(self):
        """A curator logs in, opens the Mentorship app and sees the forms list."""
        self.start_tour("/odoo", "mentorship_backoffice_menu", login="test_curator")
