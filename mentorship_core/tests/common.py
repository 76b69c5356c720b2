from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError

from odoo.addons.mail.tests.common import mail_new_test_user


class MentorshipCase:
    """A school with a "teacher – teacher" and a "pupil – pupil" program, and
    helpers that build participants, consents and pairs as the rules require."""

    @classmethod
    def _setup_school(cls, department=None):
        env = cls.env
        cls.school = env["res.company"].create(
            {"name": "Test School No. 1", "parent_id": department.id if department else False}
        )
        cls.env = env = env(context=dict(env.context, allowed_company_ids=[cls.school.id, env.company.id]))
        cls.curator = cls._school_user("school_curator", "mentorship_core.group_mentorship_curator")
        cls.form_teachers = env.ref("mentorship_core.form_teacher_teacher")
        cls.form_pupils = env.ref("mentorship_core.form_pupil_pupil")
        cls.cat_teacher = env.ref("mentorship_core.mentor_category_teacher")
        cls.cat_pupil_mentor = env.ref("mentorship_core.mentor_category_pupil")
        cls.cat_parent = env.ref("mentorship_core.mentor_category_parent")
        cls.cat_young_teacher = env.ref("mentorship_core.mentee_category_young_teacher")
        cls.cat_pupil = env.ref("mentorship_core.mentee_category_pupil_support")
        cls.program_teachers = cls._program(cls.form_teachers, "Teachers 2025/2026")
        cls.program_pupils = cls._program(cls.form_pupils, "Pupils 2025/2026")
        cls.stage = {stage.state: stage for stage in env["mentorship.pair.stage"].search([])}

    @classmethod
    def _school_user(cls, login, group, companies=None):
        """A user of ``group`` working in ``companies`` (the school by default)."""
        companies = companies or cls.school
        return mail_new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            groups=group,
            company_id=companies[0].id,
            company_ids=[Command.set(companies.ids)],
        )

    @classmethod
    def _program(cls, form, name, company=None):
        return cls.env["mentorship.program"].create(
            {
                "name": name,
                "form_id": form.id,
                "company_id": (company or cls.school).id,
                "curator_id": cls.curator.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 5, 31),
            }
        )

    @classmethod
    def _partner(cls, name, minor=False, guardians=None):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "email": f"{name.lower().replace(' ', '.')}@school.test",
                "mentorship_is_minor": minor,
                "mentorship_guardian_ids": [Command.set(guardians.ids)] if guardians else [],
            }
        )

    @classmethod
    def _consent(cls, partner, signer=None, **values):
        return cls.env["mentorship.consent"].create(
            {
                "partner_id": partner.id,
                "signer_partner_id": (signer or partner).id,
                "company_id": cls.school.id,
                **values,
            }
        )

    @classmethod
    def _mentor(cls, name, category=None, capacity=1, trained=True, consent=True, partner=None, company=None):
        partner = partner or cls._partner(name)
        if consent:
            cls._consent(partner, company_id=(company or cls.school).id)
        return cls.env["mentorship.mentor"].create(
            {
                "partner_id": partner.id,
                "category_id": (category or cls.cat_teacher).id,
                "capacity": capacity,
                "is_trained": trained,
                "company_id": (company or cls.school).id,
                "state": "active",
            }
        )

    @classmethod
    def _mentee(cls, name, category=None, minor=False, guardians=None, consent=True, company=None):
        partner = cls._partner(name, minor=minor, guardians=guardians)
        if consent:
            cls._consent(partner, signer=guardians[:1] if minor else partner, company_id=(company or cls.school).id)
        return cls.env["mentorship.mentee"].create(
            {
                "partner_id": partner.id,
                "category_id": (category or cls.cat_young_teacher).id,
                "company_id": (company or cls.school).id,
                "state": "active",
            }
        )

    @classmethod
    def _pair(cls, mentor, mentees, program=None, state="matching", **values):
        return cls.env["mentorship.pair"].create(
            {
                "program_id": (program or cls.program_teachers).id,
                "mentor_id": mentor.id if mentor else False,
                "mentee_ids": [Command.set(mentees.ids)],
                "stage_id": cls.env["mentorship.pair.stage"]._for_state(state).id,
                **values,
            }
        )

    @classmethod
    def _approve(cls, pairs, number="12-o", on=date(2025, 9, 15)):
        wizard = pairs.env["mentorship.pair.approve.wizard"].create(
            {"pair_ids": [Command.set(pairs.ids)], "order_number": number, "order_date": on}
        )
        return wizard.action_approve()

    @contextmanager
    def assertRefused(self, pattern, exception=ValidationError):
        """The operation fails with ``exception`` matching ``pattern``, and
        is rolled back (``assertRaises`` of Odoo's cases uses a savepoint)."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)


class MentorshipRolesCase(MentorshipCase):
    """Two schools of one education department and a user for every role.

    School A (``cls.school``) has a curator, a staff mentor with a pair of
    teachers, an HR officer, a plain employee, and a pupil pair whose mentee,
    mentor (a senior pupil) and the mentee's mother have portal accounts.
    School B has its own curator and a pair. The coordinator works in the
    department and both schools. ``cls.users`` maps each role to its user and
    ``_as(role)`` gives the environment that role works in.
    """

    ROLES = (
        "curator",
        "coordinator",
        "staff_mentor",
        "hr_officer",
        "employee",
        "portal_mentee",
        "portal_mentor",
        "parent",
        "curator_b",
    )

    @classmethod
    def _setup_municipality(cls):
        env = cls.env
        cls.department = env["res.company"].create({"name": "Test Education Department"})
        cls._setup_school(department=cls.department)
        cls.school_b = cls.env["res.company"].create({"name": "Test School No. 2", "parent_id": cls.department.id})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.school.id, cls.school_b.id]))
        cls.program_b = cls._program(cls.form_teachers, "School B teachers", company=cls.school_b)
        user = cls._school_user
        cls.users = {
            "curator": cls.curator,
            "curator_b": user("test_school_b_curator", "mentorship_core.group_mentorship_curator", cls.school_b),
            "coordinator": user(
                "test_municipal_coordinator",
                "mentorship_core.group_mentorship_coordinator",
                cls.department | cls.school | cls.school_b,
            ),
            "staff_mentor": user("test_staff_mentor", "mentorship_core.group_mentorship_mentor"),
            "hr_officer": user("test_hr_officer", "mentorship_core.group_mentorship_hr_officer"),
            "director": user("test_school_director", "mentorship_core.group_mentorship_director"),
            "employee": user("test_plain_employee", "base.group_user"),
            "portal_mentee": user("test_portal_mentee", "base.group_portal"),
            "portal_mentor": user("test_portal_mentor", "base.group_portal"),
            "parent": user("test_portal_parent", "base.group_portal"),
        }
        cls.curator_b = cls.users["curator_b"]
        cls.coordinator = cls.users["coordinator"]
        # school A: a staff mentor with a young teacher
        cls.staff_mentor = cls._mentor("Staff Mentor", partner=cls.users["staff_mentor"].partner_id, capacity=3)
        cls.teacher_mentee = cls._mentee("Young Teacher")
        cls.staff_pair = cls._pair(cls.staff_mentor, cls.teacher_mentee, state="agreement")
        # school A: a pupil with his mother, mentored by a senior pupil, all in the portal
        parent = cls.users["parent"].partner_id
        child = cls.users["portal_mentee"].partner_id
        child.write({"mentorship_is_minor": True, "mentorship_guardian_ids": [Command.set(parent.ids)]})
        cls._consent(child, signer=parent)
        cls.pupil_mentee = cls.env["mentorship.mentee"].create(
            {"partner_id": child.id, "category_id": cls.cat_pupil.id, "company_id": cls.school.id, "state": "active"}
        )
        cls.pupil_mentor = cls._mentor(
            "Senior Pupil", category=cls.cat_pupil_mentor, partner=cls.users["portal_mentor"].partner_id
        )
        cls.pupil_pair = cls._pair(cls.pupil_mentor, cls.pupil_mentee, program=cls.program_pupils, state="agreement")
        # school A: a pair of other people, for "not my pair"
        cls.other_pair = cls._pair(cls._mentor("Other Mentor"), cls._mentee("Other Mentee"))
        # school B
        cls.pair_b = cls._pair(
            cls._mentor("B Mentor", company=cls.school_b),
            cls._mentee("B Mentee", company=cls.school_b),
            program=cls.program_b,
        )

    @classmethod
    def _user_companies(cls, user):
        return user.company_ids if user.company_ids else user.company_id

    def _as(self, role, model=None):
        """The environment of ``role`` (a key of ``users`` or a user), with all
        its organisations allowed, as the web client's company switcher does."""
        user = self.users[role] if isinstance(role, str) else role
        env = self.env(user=user, context={"allowed_company_ids": self._user_companies(user).ids})
        return env[model] if model else env
