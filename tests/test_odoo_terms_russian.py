"""Russian to the last word: the terms of Odoo and the OCA that our users meet
and that have no Russian of their own get it from our addons' ru.po (menus,
the web client's and the portal chatter's texts), and every portal page has a
Russian title of its own."""

import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# a term Odoo's ru.po «translates» with the English itself: a translation file
# of another module cannot replace it (README, Translations)
ENGLISH_IN_ODOO_RU = {"hr_skills.hr_skill_learning_menu"}
# web and mail terms the web client shows (search panel, person dialog, empty
# lists, chatter) whose Russian Odoo leaves empty: (module of the term, term)
BACK_OFFICE_TERMS = [
    ("web", "Custom Filter..."),
    ("web", "Custom Group"),
    ("web", "Add Photo"),
    ("web", "Try to add some records, or make sure that there is no\n" + " " * 24 + "active filter in the search bar."),
    ("mail", "Filter Messages"),
]
PORTAL_TERMS = [
    ("mail", "The conversation is empty."),
    ("mail", "Message Copied!"),
    ("web", "Custom Filter..."),
]


@tagged("post_install", "-at_install")
class TestOdooTermsRussian(MentorshipRolesCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.env["res.lang"]._activate_lang("ru_RU")
        # as in a database where Russian is loaded: every installed module's terms
        cls.env["ir.module.module"].search([("state", "=", "installed")])._update_translations(["ru_RU"])
        cls.admin = cls.env.ref("base.user_admin")
        (cls.admin | cls.env["res.users"].union(*cls.users.values())).lang = "ru_RU"

    def _login(self, user):
        self.authenticate(user.login, user.login if user != self.admin else "admin")

    def _translate(self, response, module, term):
        """The term as the web client shows it: the module's own translation,
        else any module's (web/core/l10n/translation.js)."""
        modules = response.json()["modules"]
        every_module = {
            message["id"]: message["string"] for messages in modules.values() for message in messages["messages"]
        }
        own = {message["id"]: message["string"] for message in modules.get(module, {"messages": []})["messages"]}
        return own.get(term) or every_module.get(term, term)

    def test_every_menu_a_role_sees_is_russian(self):
        """The menus of each back-office role, and of the administrator who is
        the demo's coordinator (job queue, HR reports), read in Russian."""
        Menu = self.env["ir.ui.menu"]
        roles = {
            role: self.users[role] for role in ("curator", "coordinator", "staff_mentor", "hr_officer", "director")
        }
        for role, user in {**roles, "administrator": self.admin}.items():
            menus = Menu.with_user(user).with_context(lang="ru_RU").load_menus(debug=False)
            english = [
                (menu["xmlid"], menu["name"])
                for key, menu in menus.items()
                if key != "root"
                and menu["xmlid"] not in ENGLISH_IN_ODOO_RU
                and (
                    not CYRILLIC.search(menu["name"])
                    or menu["name"] == Menu.browse(menu["id"]).with_context(lang="en_US").name
                )
            ]
            with self.subTest(role=role):
                self.assertGreater(len(menus), 10)
                self.assertFalse(english, f"menus of the {role} without Russian")
        queue = Menu.with_context(lang="ru_RU").browse(self.env.ref("queue_job.menu_queue_job_root").id)
        self.assertEqual(queue.name, "Очередь заданий")

    def test_person_dialog_in_russian(self):
        company_type = self.env["res.partner"].with_context(lang="ru_RU")._fields["company_type"]
        self.assertEqual(
            dict(company_type._description_selection(self.env(context={"lang": "ru_RU"}))),
            {"person": "Физическое лицо", "company": "Компания"},
        )

    def test_back_office_web_translations(self):
        self._login(self.users["curator"])
        response = self.url_open("/web/webclient/translations?lang=ru_RU")
        for module, term in BACK_OFFICE_TERMS:
            with self.subTest(term=term):
                self.assertRegex(self._translate(response, module, term), CYRILLIC)
        self.assertEqual(self._translate(response, "web", "Custom Group"), "Своя группировка")

    def test_portal_web_translations(self):
        """The portal pages load mail's translations (the chatter of a pair)
        and the web and mail terms mentorship_core ships."""
        self._login(self.users["parent"])
        response = self.url_open("/website/translations?lang=ru_RU")
        self.assertIn("mail", response.json()["modules"])
        for module, term in PORTAL_TERMS:
            with self.subTest(term=term):
                self.assertRegex(self._translate(response, module, term), CYRILLIC)
        self.assertEqual(self._translate(response, "mail", "The conversation is empty."), "Беседа пуста.")

    def test_error_pages_in_russian(self):
        self._login(self.users["parent"])
        response = self.url_open(f"/my/mentorship/pair/{self.other_pair.id}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("403: Запрещено", response.text)
        self.assertIn("У вас нет доступа к этой странице наставничества.", response.text)
        self.assertNotIn("permission", response.text)
        self.assertEqual(TITLE.search(response.text).group(1), "Доступ запрещён")
        with mute_logger("odoo.http"):
            missing = self.url_open("/my/mentorship/pair/999999999")
        self.assertEqual(missing.status_code, 404)
        self.assertEqual(TITLE.search(missing.text).group(1), "Страница не найдена")

    def test_every_portal_page_has_a_russian_title(self):
        consent = self.env["mentorship.consent"].search(
            [("partner_id", "=", self.users["portal_mentee"].partner_id.id)]
        )
        pages = {
            "parent": ["/my", "/my/mentorship", f"/my/mentorship/pair/{self.pupil_pair.id}", "/my/mentorship/consents"],
            "portal_mentee": ["/my/mentorship/portfolio", f"/my/mentorship/consent/{consent.id}"],
            None: ["/mentorship/apply/mentor", "/mentorship/apply/mentee", "/mentorship/practices"],
        }
        titles = {}
        for role, paths in pages.items():
            if role:
                self._login(self.users[role])
            else:
                self.authenticate(None, None)
                self.opener.cookies["frontend_lang"] = "ru_RU"
            for path in paths:
                response = self.url_open(path)
                self.assertEqual(response.status_code, 200, path)
                titles[path] = TITLE.search(response.text).group(1).strip()
        # a pair's page is titled with the pair's name (its people's names)
        self.assertEqual(titles.pop(f"/my/mentorship/pair/{self.pupil_pair.id}"), self.pupil_pair.name)
        for path, title in titles.items():
            with self.subTest(path=path):
                self.assertRegex(title, CYRILLIC)
        self.assertEqual(len(set(titles.values())), len(titles), f"pages sharing a title: {titles}")
        self.assertEqual(titles["/my/mentorship"], "Моё наставничество")
