from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common_monitoring import MonitoringCase

SCHOOL_INDICATORS = {"marks_change", "olympiads", "pupils_exam_pass"}


@tagged("post_install", "-at_install")
class TestMonitoringSchoolIndicators(MonitoringCase, TransactionCase):
    """The school's indicators of a campaign: the pupil mentee's marks and
    olympiads before and since his pair began (15 September 2025), and the
    exam results of the pupils the teacher mentee prepared."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_monitoring()
        env = cls.env
        pupil = cls.pupil_mentee.partner_id
        pupil.mentorship_is_pupil = True
        maths = env.ref("mentorship_school.subject_mathematics")
        Period = env["mentorship.school.period"]
        before = Period.create(
            {"name": "Spring 2025 (test)", "date_start": date(2025, 3, 1), "date_end": date(2025, 5, 31)}
        )
        since = Period.create(
            {"name": "Autumn 2025 (test)", "date_start": date(2025, 9, 1), "date_end": date(2025, 10, 31)}
        )
        for period, average in ((before, 3.0), (since, 4.5)):
            env["mentorship.school.mark"].create(
                {
                    "partner_id": pupil.id,
                    "period_id": period.id,
                    "subject_id": maths.id,
                    "average": average,
                    "company_id": cls.school.id,
                }
            )
        for day in (date(2025, 5, 10), date(2025, 10, 10), date(2025, 11, 12)):
            env["mentorship.school.achievement"].create(
                {
                    "partner_id": pupil.id,
                    "name": "Olympiad",
                    "kind": "olympiad",
                    "date": day,
                    "company_id": cls.school.id,
                }
            )
        teacher = env["hr.employee"].create({"name": "Young Teacher", "company_id": cls.school.id})
        cls.teacher_mentee.employee_id = teacher
        prepared = cls._partner("Prepared Pupil")
        for day, passed in ((date(2025, 5, 20), False), (date(2025, 10, 20), True), (date(2025, 11, 20), False)):
            env["mentorship.school.exam.result"].create(
                {
                    "partner_id": prepared.id,
                    "company_id": cls.school.id,
                    "exam": "vpr",
                    "subject_id": maths.id,
                    "date": day,
                    "passed": passed,
                    "teacher_id": teacher.id,
                }
            )

    def test_closing_adds_the_school_indicators(self):
        campaign = self._campaign()
        campaign.action_send()
        self._close(campaign)
        keys = SCHOOL_INDICATORS
        # 3.0 before, 4.5 since; two olympiads since, one before
        self.assertEqual(
            self._indicators(campaign, "pair", self.school, pair=self.pupil_pair, keys=keys),
            {"marks_change": 1.5, "olympiads": 2},
        )
        # one of the two results since the pair began passed
        self.assertEqual(
            self._indicators(campaign, "pair", self.school, pair=self.staff_pair, keys=keys), {"pupils_exam_pass": 50.0}
        )
        self.assertEqual(
            self._indicators(campaign, "organisation", self.department, keys=keys),
            {"marks_change": 1.5, "olympiads": 2, "pupils_exam_pass": 50.0},
        )
        self.assertFalse(self._indicators(campaign, "organisation", self.school_b, keys=keys))
