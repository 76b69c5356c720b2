from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"].search([("name", "=", "mentorship_core")])._update_translations(["ru_RU"])
        cls.env_ru = cls.env(context=dict(cls.env.context, lang="ru_RU"))

    def test_menu_names_in_russian(self):
        root = self.env_ru.ref("mentorship_core.menu_mentorship_root")
        self.assertEqual(root.name, "Наставничество")
        self.assertEqual(root.with_context(lang="en_US").name, "Mentorship")
        self.assertEqual(self.env_ru.ref("mentorship_core.menu_mentorship_form").name, "Формы наставничества")

    def test_group_names_in_russian(self):
        names = {
            "group_mentorship_mentor": "Наставник",
            "group_mentorship_curator": "Куратор",
            "group_mentorship_coordinator": "Координатор",
            "group_mentorship_hr_officer": "Специалист по кадрам",
        }
        for xmlid, russian in names.items():
            self.assertEqual(self.env_ru.ref(f"mentorship_core.{xmlid}").name, russian)
        category = self.env_ru.ref("mentorship_core.module_category_mentorship")
        self.assertEqual(category.name, "Наставничество")

    def test_reference_data_in_russian(self):
        form = self.env_ru.ref("mentorship_core.form_teacher_teacher")
        self.assertEqual(form.name, "Учитель – учитель")


@tagged("post_install", "-at_install")
class TestRussianErrors(MentorshipCase, TransactionCase):
    """The rules of the pipeline speak the user's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"].search([("name", "=", "mentorship_core")])._update_translations(["ru_RU"])
        cls._setup_school()

    def test_capacity_error_in_russian_and_english(self):
        mentor = self._mentor("Busy Mentor", capacity=1)
        first, second = self._pair(mentor, self._mentee("First")), self._pair(mentor, self._mentee("Second"))
        self._approve(first)
        with self.assertRefused("Busy Mentor.*takes 1 mentee"):
            self._approve(second)
        russian = self.env(context=dict(self.env.context, lang="ru_RU"))
        with self.assertRefused(r"(?i)^(?!.*takes).*наставник.*Busy Mentor"):
            self._approve(second.with_env(russian))
