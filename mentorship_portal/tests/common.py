from datetime import timedelta

from odoo import Command, fields, http

from odoo.addons.mentorship_core.tests.common import MentorshipCase


class MentorshipPortalCase(MentorshipCase):
    """Two families in the same school, each with portal accounts for the
    mentee, the mentee's parent and the mentor, and a working pair with a
    personal plan and meetings: the second family tries the first one's
    records in the security tests."""

    @classmethod
    def _setup_portal(cls):
        cls._setup_school()
        cls.family_a = cls._portal_family("a")
        cls.family_b = cls._portal_family("b")

    @classmethod
    def _portal_user(cls, login):
        user = cls._school_user(login, "base.group_portal")
        user.partner_id.email = f"{login}@family.test"
        return user

    @classmethod
    def _portal_family(cls, key, lines=3, meetings=2):
        parent_user = cls._portal_user(f"parent_{key}")
        mentee_user = cls._portal_user(f"mentee_{key}")
        mentor_user = cls._portal_user(f"mentor_{key}")
        child = mentee_user.partner_id
        child.write({"mentorship_is_minor": True, "mentorship_guardian_ids": [Command.set(parent_user.partner_id.ids)]})
        cls._consent(child, signer=parent_user.partner_id)
        mentee = cls.env["mentorship.mentee"].create(
            {"partner_id": child.id, "category_id": cls.cat_pupil.id, "company_id": cls.school.id, "state": "active"}
        )
        mentor = cls._mentor(f"Mentor {key}", category=cls.cat_pupil_mentor, partner=mentor_user.partner_id)
        pair = cls._pair(mentor, mentee, program=cls.program_pupils, state="agreement")
        # approved before the first of its past meetings: they are inside its life
        cls._approve(pair, on=fields.Date.today() - timedelta(weeks=meetings))
        pair.action_start_work()
        plan = cls._plan(pair, lines)
        cls._meetings(pair, meetings)
        return {
            "parent": parent_user,
            "mentee": mentee_user,
            "mentor": mentor_user,
            "mentee_profile": mentee,
            "pair": pair,
            "plan": plan,
        }

    @classmethod
    def _plan(cls, pair, lines):
        today = fields.Date.today()
        return cls.env["mentorship.plan"].create(
            {
                "name": f"Plan of {pair.name}",
                "pair_id": pair.id,
                "date_start": today,
                "date_end": today + timedelta(days=180),
                "state": "active",
                "line_ids": [Command.create({"display_type": "line_section", "name": "Adaptation"})]
                + [Command.create({"name": f"Activity {number} of {pair.name}"}) for number in range(lines)],
            }
        )

    @classmethod
    def _meetings(cls, pair, count):
        """Half of them held in the past, the rest planned."""
        now = fields.Datetime.now().replace(microsecond=0)
        values = []
        for number in range(count):
            start = now + timedelta(days=7 * (number - count // 2) + (1 if number >= count // 2 else 0))
            held = start < now
            values.append(
                {
                    "name": f"Meeting {number}",
                    "mentorship_pair_id": pair.id,
                    "mentorship_meeting_type": "regular",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mentorship_mentor_confirmed": held,
                    "mentorship_mentee_confirmed": held,
                }
            )
        return cls.env["calendar.event"].with_context(no_mail_to_attendees=True).create(values)

    @classmethod
    def _consent_to_sign(cls, family):
        """A consent of the family's child waiting for the parent's signature."""
        return cls._consent(family["mentee"].partner_id, signer=family["parent"].partner_id, state="requested")

    def _post(self, url, data=None, files=None):
        """A form POST with the session's CSRF token; redirects not followed."""
        return self.url_open(
            url,
            data={**(data or {}), "csrf_token": http.Request.csrf_token(self)},
            files=files,
            allow_redirects=False,
        )
