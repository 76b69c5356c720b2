import re
import time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipCase
from odoo.addons.mentorship_portal.controllers.apply import apply_token
from odoo.addons.mentorship_portal.models.mentorship_program import PortalApplicationError


class ApplyCase(MentorshipCase):
    """A school with its two programs open to applications."""

    @classmethod
    def _setup_apply(cls):
        cls._setup_school()
        (cls.program_teachers | cls.program_pupils).write({"state": "running"})
        cls.public_user = cls.env.ref("base.public_user")

    def _apply(self, program, role, **values):
        """Apply as a visitor does: the public user, through sudo, having
        agreed to the processing of their personal data."""
        return program.with_user(self.public_user).sudo()._create_portal_application(role, {"consent": True, **values})

    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])


ANY_ROLE_MESSAGE = "One applies as a mentor or as a mentee."


@tagged("post_install", "-at_install")
class TestApplication(ApplyCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_apply()

    def test_adult_mentor(self):
        mentor = self._apply(
            self.program_teachers,
            "mentor",
            name="Olga Petrova",
            email="olga.petrova@example.com",
            phone="+7 900 000-00-01",
            category_id=self.cat_teacher.id,
            preferred_format="remote",
            availability="Tue after 15:00",
            note="Maths teacher, 20 years",
        )
        self.assertEqual(mentor._name, "mentorship.mentor")
        self.assertRecordValues(
            mentor,
            [
                {
                    "state": "candidate",
                    "origin": "application",
                    "company_id": self.school.id,
                    "category_id": self.cat_teacher.id,
                    "preferred_format": "remote",
                    "availability": "Tue after 15:00",
                    "has_valid_consent": True,
                }
            ],
        )
        self.assertIn("Maths teacher", mentor.note)
        partner = mentor.partner_id
        self.assertEqual(
            (partner.name, partner.email, partner.mentorship_is_minor), ("Olga Petrova", mentor.email, False)
        )
        self.assertRecordValues(
            partner.mentorship_consent_ids,
            [
                {
                    "state": "valid",
                    "signer_partner_id": partner.id,
                    "company_id": self.school.id,
                    "date": fields.Date.context_today(mentor),
                }
            ],
        )
        self.assertFalse(self.env["mentorship.pair"].search([("mentor_id", "=", mentor.id)]))
        activity = mentor.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.curator)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        mail = self._mails_to(partner)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "We received your application to become a mentor")
        self.assertEqual((mail.model, mail.res_id), ("mentorship.mentor", mentor.id))
        self.assertIn("Olga Petrova", str(mail.body_html))
        self.assertIn(self.school.name, str(mail.body_html))

    def test_adult_mentee_gets_candidate_pair(self):
        mentee = self._apply(
            self.program_teachers,
            "mentee",
            name="Young Teacher",
            email="young.teacher@example.com",
            category_id=self.cat_young_teacher.id,
            applicant_kind="adult",
            request="Help with discipline in class",
        )
        self.assertRecordValues(
            mentee,
            [
                {
                    "state": "candidate",
                    "origin": "application",
                    "company_id": self.school.id,
                    "category_id": self.cat_young_teacher.id,
                    "request": "Help with discipline in class",
                    "has_valid_consent": True,
                }
            ],
        )
        pair = mentee.pair_ids
        self.assertEqual(len(pair), 1)
        self.assertRecordValues(
            pair,
            [{"program_id": self.program_teachers.id, "kind": "traditional", "mentor_id": False, "state": "candidate"}],
        )
        self.assertEqual(mentee.activity_ids.user_id, self.curator)
        mail = self._mails_to(mentee.partner_id)
        self.assertEqual(mail.subject, "We received your application to find a mentor")
        self.assertIn(self.program_teachers.name, str(mail.body_html))

    def test_minor_mentee_guardian_signs_consent(self):
        mentee = self._apply(
            self.program_pupils,
            "mentee",
            name="Ivan Smirnov",
            email="ivan.smirnov@example.com",
            category_id=self.cat_pupil.id,
            applicant_kind="pupil",
            request="I want to choose a profession",
            is_minor=True,
            guardian_name="Anna Smirnova",
            guardian_email="anna.smirnova@example.com",
            guardian_phone="+7 900 000-00-02",
        )
        child = mentee.partner_id
        self.assertTrue(child.mentorship_is_minor)
        guardian = child.mentorship_guardian_ids
        self.assertEqual((guardian.name, guardian.email), ("Anna Smirnova", "anna.smirnova@example.com"))
        self.assertEqual(guardian.mentorship_ward_ids, child)
        consent = child.mentorship_consent_ids
        self.assertRecordValues(consent, [{"state": "requested", "signer_partner_id": guardian.id}])
        self.assertTrue(consent.access_token)
        self.assertFalse(mentee.has_valid_consent)
        self.assertEqual(mentee.pair_ids.state, "candidate")

        request_mail = self._mails_to(guardian)
        self.assertEqual(len(request_mail), 1)
        self.assertEqual((request_mail.model, request_mail.res_id), ("mentorship.consent", consent.id))
        self.assertIn("Ivan Smirnov", request_mail.subject)
        sign_url = consent.get_base_url() + consent.get_portal_url()
        self.assertIn(f"/my/mentorship/consent/{consent.id}?access_token={consent.access_token}", sign_url)
        self.assertIn(sign_url.replace("&", "&amp;"), str(request_mail.body_html))
        confirmation = self._mails_to(child)
        self.assertEqual(confirmation.subject, "We received your application to find a mentor")
        self.assertIn("parent or guardian", str(confirmation.body_html))

    def test_category_not_allowed_creates_nothing(self):
        partners_before = self.env["res.partner"].search_count([])
        with self.assertRaisesRegex(UserError, "not open to applications"):
            self._apply(
                self.program_teachers,
                "mentee",
                name="Wrong Category",
                email="wrong.category@example.com",
                category_id=self.cat_pupil.id,
                applicant_kind="pupil",
                request="Anything",
            )
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertFalse(self.env["res.partner"].search([("email", "=", "wrong.category@example.com")]))
        self.assertFalse(self.env["mentorship.mentee"].search([("partner_id.name", "=", "Wrong Category")]))
        self.assertFalse(self.program_teachers.pair_ids)

    def test_repeated_application_lands_on_the_existing_profile(self):
        """Whoever types the e-mail address of a registered person is taken
        as a new applicant would be, but nothing is created: the curator
        finds the application, as typed, on the chatter of the profile with
        a to-do, and the address gets no e-mail."""
        values = {"name": "Twice", "email": "twice@example.com", "category_id": self.cat_teacher.id}
        mentor = self._apply(self.program_teachers, "mentor", **values)
        partners_before = self.env["res.partner"].search_count([])
        mails_before = self._mails_to(mentor.partner_id).ids
        again = self._apply(
            self.program_teachers,
            "mentor",
            **{
                **values,
                "name": "Someone Else",
                "email": "TWICE@example.com",
                "phone": "+7 900 000-00-09",
                "note": "Call me <b>now</b>",
            },
        )
        self.assertEqual(again, mentor)
        self.assertEqual(self.env["mentorship.mentor"].search_count([("email", "=ilike", "twice@example.com")]), 1)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertEqual(self._mails_to(mentor.partner_id).ids, mails_before)
        as_curator = mentor.with_env(self.env(user=self.curator, context={}))
        note = as_curator.message_ids.filtered(lambda message: "in the name of Someone Else" in message.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        for typed in (self.program_teachers.name, "+7 900 000-00-09", "Call me &lt;b&gt;now&lt;/b&gt;"):
            self.assertIn(typed, note.body)
        self.assertEqual(
            sorted(as_curator.activity_ids.mapped("summary")),
            ["Review the application of a new mentor", "Review the repeated application"],
        )
        self.assertEqual(as_curator.activity_ids.user_id, self.curator)
        # the other role is a separate application; an archived profile takes no more
        self._apply(
            self.program_teachers,
            "mentee",
            **{**values, "category_id": self.cat_young_teacher.id, "applicant_kind": "adult", "request": "Help"},
        )
        mentor.action_archive_profile()
        self._apply(self.program_teachers, "mentor", **values)
        self.assertEqual(self.env["mentorship.mentor"].search_count([("email", "=", "twice@example.com")]), 2)

    def test_repeated_minor_application_creates_no_parent_nor_consent(self):
        pupil = self._apply(
            self.program_pupils,
            "mentee",
            name="Ivan Smirnov",
            email="ivan.smirnov@example.com",
            category_id=self.cat_pupil.id,
            applicant_kind="pupil",
            request="I want to choose a profession",
            is_minor=True,
            guardian_name="Anna Smirnova",
            guardian_email="anna.smirnova@example.com",
        )
        partners_before = self.env["res.partner"].search_count([])
        again = self._apply(
            self.program_pupils,
            "mentee",
            name="Stranger",
            email="ivan.smirnov@example.com",
            category_id=self.cat_pupil.id,
            applicant_kind="pupil",
            request="Anything",
            is_minor=True,
            guardian_name="Not A Parent",
            guardian_email="not.a.parent@example.com",
        )
        self.assertEqual(again, pupil)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertEqual(len(pupil.partner_id.mentorship_consent_ids), 1)
        self.assertEqual(len(pupil.pair_ids), 1)
        self.assertIn("Not A Parent, not.a.parent@example.com", pupil.message_ids[0].body)

    def test_repeated_application_to_another_school_goes_to_the_profiles_curator(self):
        pupil = self._mentee("Registered Pupil", category=self.cat_pupil)
        other_school = self.env["res.company"].create({"name": "Test School No. 2"})
        other_curator = self._school_user("other_curator", "mentorship_core.group_mentorship_curator", other_school)
        other_program = self._program(self.form_pupils, "Pupils of School No. 2", company=other_school)
        other_program.write({"curator_id": other_curator.id, "state": "running"})
        again = self._apply(
            other_program,
            "mentee",
            name="Registered Pupil",
            email=pupil.email,
            category_id=self.cat_pupil.id,
            applicant_kind="pupil",
            request="Help",
        )
        self.assertEqual(again, pupil)
        self.assertEqual(pupil.activity_ids.user_id, self.curator)
        self.assertFalse(other_program.pair_ids)

    def test_closed_program_refused(self):
        draft = self._program(self.form_teachers, "Draft program")
        with self.assertRaisesRegex(UserError, "does not take applications"):
            self._apply(draft, "mentor", name="Late", email="late@example.com", category_id=self.cat_teacher.id)

    def test_errors_keyed_by_field_and_nothing_written(self):
        partners_before = self.env["res.partner"].search_count([])
        bad = {
            "name": " ",
            "email": "Name <name@example.com>",
            "category_id": self.cat_pupil.id,
            "applicant_kind": "pupil",
            "is_minor": True,
            "guardian_email": "not-an-email",
            "consent": False,
        }
        with self.assertRaises(PortalApplicationError) as caught:
            self.program_pupils.with_user(self.public_user).sudo()._create_portal_application("mentee", bad)
        self.assertEqual(
            caught.exception.errors,
            {
                "name": "Enter your full name.",
                "email": "Enter a valid e-mail address, e.g. name@example.com.",
                "guardian_name": "Enter the full name of your parent or guardian.",
                "guardian_email": "Enter a valid e-mail address, e.g. name@example.com.",
                "request": "Tell us what you expect from a mentor.",
                "consent": "Agree to the processing of your personal data to apply.",
            },
        )
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertEqual(
            self.program_pupils._portal_application_errors(
                "mentee", {**bad, "email": "same@example.com", "guardian_email": "SAME@example.com"}
            )["guardian_email"],
            "Enter the e-mail address of your parent or guardian, not yours.",
        )
        self.assertEqual(
            self.env["mentorship.program"]._portal_application_errors("mentor", {"email": "a@example.com"})["choice"],
            "Choose a program and who you are.",
        )
        self.assertEqual(self.program_pupils._portal_application_errors("curator", {}), {"form": ANY_ROLE_MESSAGE})

    def test_pupil_offered_only_programs_for_pupils(self):
        self.assertFalse(self.program_teachers._portal_application_categories("mentee", "pupil"))
        self.assertFalse(self.program_pupils._portal_application_categories("mentee", "adult"))
        self.assertEqual(
            self.program_pupils._portal_application_categories("mentee", "pupil"),
            self.form_pupils.mentee_category_ids,
        )
        pupil = {
            "name": "Pupil",
            "email": "pupil@example.com",
            "request": "Help",
            "applicant_kind": "pupil",
            "consent": True,
        }
        errors = self.program_teachers._portal_application_errors(
            "mentee", {**pupil, "category_id": self.cat_young_teacher.id}
        )
        self.assertEqual(
            errors, {"choice": f"The program {self.program_teachers.name} is for teachers and other adults."}
        )
        teacher = {**pupil, "applicant_kind": "adult", "category_id": self.cat_pupil.id}
        self.assertEqual(
            self.program_pupils._portal_application_errors("mentee", teacher),
            {"choice": f"The program {self.program_pupils.name} is for pupils and students."},
        )
        self.assertIn(
            "applicant_kind",
            self.program_pupils._portal_application_errors(
                "mentee", {**pupil, "applicant_kind": False, "category_id": self.cat_pupil.id}
            ),
        )
        # a category nobody classified is offered to everyone
        self.cat_pupil.applicant_kind = False
        self.assertFalse(
            self.program_pupils._portal_application_errors("mentee", {**teacher, "category_id": self.cat_pupil.id})
        )

    def test_minor_applies_only_as_pupil(self):
        minor = {
            "name": "Young Mentor",
            "email": "young.mentor@example.com",
            "is_minor": True,
            "guardian_name": "Mother",
            "guardian_email": "mother@example.com",
        }
        with self.assertRaisesRegex(UserError, "Under 18, you apply as a pupil or a student"):
            self._apply(self.program_teachers, "mentor", **minor, category_id=self.cat_teacher.id)
        self.assertFalse(self.env["res.partner"].search([("email", "=", "mother@example.com")]))
        mentor = self._apply(self.program_pupils, "mentor", **minor, category_id=self.cat_pupil_mentor.id)
        self.assertTrue(mentor.is_minor)
        self.assertEqual(mentor.partner_id.mentorship_guardian_ids.email, "mother@example.com")


@tagged("post_install", "-at_install")
class TestApplyPages(ApplyCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_apply()
        cls.env["ir.config_parameter"].set_param("mentorship_portal.apply_min_seconds", 0)

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _form(self, role, who=None):
        """The rendered form (for a mentee, of who they are) and its hidden tokens."""
        page = self.url_open(f"/mentorship/apply/{role}{f'?who={who}' if who else ''}")
        self.assertEqual(page.status_code, 200)
        tokens = {
            name: re.search(rf'name="{name}" value="([^"]+)"', page.text).group(1)
            for name in ("csrf_token", "apply_token")
        }
        return page, tokens

    def _submit(self, role, **values):
        _page, tokens = self._form(role, values.get("who"))
        return self.url_open(f"/mentorship/apply/{role}", data={**tokens, **values})

    def _mentor_values(self, **values):
        return {
            "name": "Web Mentor",
            "email": "web.mentor@example.com",
            "phone": "+7 900 000-00-03",
            "choice": f"{self.program_teachers.id}-{self.cat_teacher.id}",
            "preferred_format": "mixed",
            "availability": "Weekends",
            "note": "Physics teacher",
            "consent": "1",
            **values,
        }

    def _mentors(self, email="web.mentor@example.com"):
        return self.env["mentorship.mentor"].search([("email", "=", email)])

    def test_get_renders_open_programs(self):
        page, _tokens = self._form("mentor")
        self.assertIn("Become a Mentor", page.text)
        self.assertIn(self.program_teachers.name, page.text)
        self.assertIn(self.school.name, page.text)
        self.assertIn(f'value="{self.program_teachers.id}-{self.cat_teacher.id}"', page.text)
        # a mentee category is not offered to mentors, nor a draft program
        self.assertIn(self.cat_teacher.name, page.text)
        self.assertNotIn(self.cat_young_teacher.name, page.text)
        draft = self._program(self.form_teachers, "Draft program not shown")
        self.assertNotIn(draft.name, self.url_open("/mentorship/apply/mentor").text)
        self.assertEqual(self.url_open("/mentorship/apply/curator").status_code, 404)

    def test_mentee_says_who_they_are_and_sees_programs_for_them(self):
        chooser = self.url_open("/mentorship/apply/mentee").text
        self.assertIn("Find a Mentor", chooser)
        self.assertIn("/mentorship/apply/mentee?who=pupil", chooser)
        self.assertIn("/mentorship/apply/mentee?who=adult", chooser)
        self.assertNotIn("o_mentorship_apply_form", chooser, "no program before the visitor says who they are")
        pupil_page = self.url_open("/mentorship/apply/mentee?who=pupil").text
        self.assertIn(f'value="{self.program_pupils.id}-{self.cat_pupil.id}"', pupil_page)
        self.assertNotIn(self.program_teachers.name, pupil_page)
        self.assertIn('name="who" value="pupil"', pupil_page)
        self.assertIn('name="is_minor"', pupil_page)
        teacher_page = self.url_open("/mentorship/apply/mentee?who=adult").text
        self.assertIn(f'value="{self.program_teachers.id}-{self.cat_young_teacher.id}"', teacher_page)
        self.assertNotIn(self.program_pupils.name, teacher_page)
        self.assertNotIn('name="is_minor"', teacher_page, "a teacher is not asked for a parent")
        Program = self.env["mentorship.program"]
        Program.search(Program._portal_open_domain()).write({"state": "completed"})
        self.assertIn(
            "No mentorship program takes applications", self.url_open("/mentorship/apply/mentee?who=pupil").text
        )

    def test_pupil_cannot_post_to_a_program_for_teachers(self):
        response = self._submit(
            "mentee",
            who="pupil",
            name="Forged Pupil",
            email="forged.pupil@example.com",
            choice=f"{self.program_teachers.id}-{self.cat_young_teacher.id}",
            request="Anything",
            consent="1",
        )
        self.assertIn(f"The program {self.program_teachers.name} is for teachers and other adults.", response.text)
        self.assertFalse(self.env["mentorship.mentee"].search([("email", "=", "forged.pupil@example.com")]))

    def test_post_creates_application(self):
        response = self._submit("mentor", **self._mentor_values())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/mentorship/apply/mentor/thanks"), response.url)
        self.assertIn("Thank you for your application!", response.text)
        mentor = self._mentors()
        self.assertEqual(len(mentor), 1)
        self.assertRecordValues(
            mentor,
            [
                {
                    "state": "candidate",
                    "origin": "application",
                    "category_id": self.cat_teacher.id,
                    "company_id": self.school.id,
                    "preferred_format": "mixed",
                    "has_valid_consent": True,
                }
            ],
        )
        self.assertEqual(len(self._mails_to(mentor.partner_id)), 1)

    def test_post_minor_mentee(self):
        response = self._submit(
            "mentee",
            who="pupil",
            name="Web Pupil",
            email="web.pupil@example.com",
            choice=f"{self.program_pupils.id}-{self.cat_pupil.id}",
            request="Help with maths",
            is_minor="1",
            guardian_name="Web Parent",
            guardian_email="web.parent@example.com",
            consent="1",
        )
        self.assertIn("sign the consent", response.text)
        mentee = self.env["mentorship.mentee"].search([("email", "=", "web.pupil@example.com")])
        self.assertEqual(mentee.partner_id.mentorship_guardian_ids.email, "web.parent@example.com")
        self.assertEqual(mentee.partner_id.mentorship_consent_ids.state, "requested")
        self.assertEqual(mentee.pair_ids.program_id, self.program_pupils)
        self.assertEqual(len(self._mails_to(mentee.partner_id.mentorship_guardian_ids)), 1)

    def test_honeypot_refused(self):
        response = self._submit("mentor", **self._mentor_values(homepage="http://spam.example.com"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("could not be accepted", response.text)
        self.assertFalse(self._mentors())
        self.assertFalse(self.env["res.partner"].search([("email", "=", "web.mentor@example.com")]))

    def test_too_fast_or_forged_token_refused(self):
        self.env["ir.config_parameter"].set_param("mentorship_portal.apply_min_seconds", 60)
        response = self._submit("mentor", **self._mentor_values())
        self.assertIn("That was very fast!", response.text)
        self.assertFalse(self._mentors())
        _page, tokens = self._form("mentor")
        for token in (
            apply_token(self.env, "mentor", time.time() - 2 * 24 * 3600),  # older than a day
            apply_token(self.env, "mentee", time.time() - 120),  # of the other form
            f"{int(time.time()) - 120}.forged",
        ):
            response = self.url_open(
                "/mentorship/apply/mentor", data={**self._mentor_values(), **tokens, "apply_token": token}
            )
            self.assertIn("This form has expired", response.text)
        self.assertFalse(self._mentors())
        # a person who took their time gets through
        response = self.url_open(
            "/mentorship/apply/mentor",
            data={**self._mentor_values(), **tokens, "apply_token": apply_token(self.env, "mentor", time.time() - 120)},
        )
        self.assertIn("Thank you for your application!", response.text)
        self.assertTrue(self._mentors())

    def test_missing_consent_rerenders_with_values(self):
        values = self._mentor_values()
        del values["consent"]
        response = self._submit("mentor", **values)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Agree to the processing of your personal data to apply.", response.text)
        self.assertIn('value="Web Mentor"', response.text)
        self.assertIn('value="web.mentor@example.com"', response.text)
        self.assertIn("Physics teacher", response.text)
        self.assertIn(f'value="{self.program_teachers.id}-{self.cat_teacher.id}" selected="selected"', response.text)
        self.assertFalse(self._mentors())

    def test_invalid_input_rerenders_with_messages(self):
        response = self._submit(
            "mentee",
            who="pupil",
            name="",
            email="not-an-email",
            choice=f"{self.program_teachers.id}-0",
            is_minor="1",
            consent="1",
        )
        for message in (
            "Enter your full name.",
            "Enter a valid e-mail address",
            "Choose a program and who you are.",
            "Enter the full name of your parent or guardian.",
            "Enter the e-mail address of your parent or guardian.",
            "Tell us what you expect from a mentor.",
        ):
            self.assertIn(message, response.text)
        # the details of the parent are marked required while the box is ticked
        for field in ("guardian_name", "guardian_email"):
            self.assertRegex(response.text, rf'<input[^>]*name="{field}"[^>]*required="required"')
        self.assertNotRegex(response.text, r'<input[^>]*name="guardian_phone"[^>]*required')
        self.assertFalse(self.env["mentorship.mentee"].search([("email", "=", "not-an-email")]))

    def _answer(self, response):
        """What the visitor is shown: status, address and page, but for the
        CSRF token, which changes with time."""
        return response.status_code, response.url, re.sub(r"[0-9a-f]{40}o[0-9]+", "csrf", response.text)

    def test_repeated_application_answered_as_a_new_one(self):
        """The pages never tell whether an e-mail address is registered."""
        registered = {
            "mentor": self._mentor("Registered Mentor"),
            "mentee": self._mentee("Registered Pupil", category=self.cat_pupil),
        }
        forms = {
            "mentor": self._mentor_values(name="Anyone"),
            "mentee": {
                "who": "pupil",
                "name": "Anyone",
                "choice": f"{self.program_pupils.id}-{self.cat_pupil.id}",
                "request": "Help with maths",
                "consent": "1",
            },
        }
        for role, profile in registered.items():
            with self.subTest(role=role):
                new = self._submit(role, **{**forms[role], "email": f"new.{role}@example.com"})
                repeated = self._submit(role, **{**forms[role], "email": profile.email.upper()})
                self.assertEqual(self._answer(repeated), self._answer(new))
                self.assertIn("Thank you for your application!", repeated.text)
                self.assertEqual(self.env[profile._name].search_count([("email", "=ilike", profile.email)]), 1)
                self.assertIn("in the name of Anyone", profile.message_ids[0].body)
                self.assertEqual(profile.activity_ids.summary, "Review the repeated application")

    def test_tour_visitor_applies_as_mentor(self):
        self.start_tour("/mentorship/apply/mentor", "mentorship_apply_mentor", login=None)
        mentor = self._mentors("tour.mentor@example.com")
        self.assertEqual(len(mentor), 1)
        self.assertEqual(mentor.state, "candidate")
        self.assertTrue(mentor.has_valid_consent)

    def test_tour_pupil_applies_for_a_mentor(self):
        self.start_tour("/mentorship/apply/mentee", "mentorship_apply_pupil", login=None)
        mentee = self.env["mentorship.mentee"].search([("email", "=", "tour.pupil@example.com")])
        self.assertEqual(mentee.pair_ids.program_id, self.program_pupils)
        self.assertEqual(mentee.category_id.applicant_kind, "pupil")
        self.assertEqual(mentee.partner_id.mentorship_guardian_ids.email, "tour.mother@example.com")
