from collections import Counter

from odoo import api, fields, models

SCHOOL_DYNAMICS = (
    "mentorship_start_date",
    "marks_average_before",
    "marks_average_since",
    "marks_change",
    "olympiads_before",
    "olympiads_since",
    "pupils_exam_pass_before",
    "pupils_exam_pass_since",
)
PUPIL_CATEGORIES = (
    "mentorship_core.mentee_category_pupil_support",
    "mentorship_core.mentee_category_pupil_gifted",
    "mentorship_core.mentee_category_pupil_sen",
)


class MentorshipMentee(models.Model):
    """The pupil's class, date of birth and parents for the mentor, and the
    dynamics the monitoring asks for (seed 001): marks and olympiads of a
    pupil, and the exam results of a teacher's pupils, before and since the
    mentorship started."""

    _inherit = "mentorship.mentee"

    # the pupil's personal data, read with sudo through the mentee profile:
    # a staff mentor reads it for the mentees their record rule shows them
    school_class = fields.Char(
        related="partner_id.mentorship_school_class", string="Class", groups="mentorship_core.group_mentorship_mentor"
    )
    birthdate = fields.Date(
        related="partner_id.mentorship_birthdate",
        string="Date of Birth",
        groups="mentorship_core.group_mentorship_mentor",
    )
    guardian_ids = fields.Many2many(
        related="partner_id.mentorship_guardian_ids",
        string="Parents and Guardians",
        groups="mentorship_core.group_mentorship_mentor",
    )
    is_pupil = fields.Boolean(
        string="Pupil or Student",
        compute="_compute_is_pupil",
        help="Whose form the person opens in: a pupil's (class, date of birth, parents) or an adult's. "
        "Before the person is chosen, the category tells.",
    )
    mentorship_start_date = fields.Date(string="In Mentorship Since", compute="_compute_school_dynamics")
    marks_average_before = fields.Float(string="Average Mark Before", digits=(3, 2), compute="_compute_school_dynamics")
    marks_average_since = fields.Float(string="Average Mark Since", digits=(3, 2), compute="_compute_school_dynamics")
    marks_change = fields.Float(string="Change of Average Mark", digits=(3, 2), compute="_compute_school_dynamics")
    olympiads_before = fields.Integer(compute="_compute_school_dynamics")
    olympiads_since = fields.Integer(compute="_compute_school_dynamics")
    pupils_exam_pass_before = fields.Float(
        string="Pupils Passing Exams Before (%)",
        compute="_compute_school_dynamics",
        help="For a teacher: the share of their pupils' VPR, OGE and EGE results that passed.",
    )
    pupils_exam_pass_since = fields.Float(string="Pupils Passing Exams Since (%)", compute="_compute_school_dynamics")

    @api.depends("partner_id.mentorship_is_pupil", "category_id", "employee_id")
    def _compute_is_pupil(self):
        pupil_categories = self.env["mentorship.mentee.category"]
        for xmlid in PUPIL_CATEGORIES:
            pupil_categories |= self.env.ref(xmlid, raise_if_not_found=False) or pupil_categories
        for mentee in self:
            if mentee.partner_id:
                mentee.is_pupil = mentee.partner_id.mentorship_is_pupil
            else:
                mentee.is_pupil = not mentee.employee_id and mentee.category_id in pupil_categories

    def _mentorship_start_dates(self):
        """The start of the first approved pair of each mentee."""
        Pair = self.env["mentorship.pair"]
        return dict(
            Pair._read_group(
                [("mentee_ids", "in", self.ids), ("state", "in", [*Pair.RUNNING_STATES, "completed"])],
                ["mentee_ids"],
                ["date_start:min"],
            )
        )

    @api.depends("pair_ids.state", "pair_ids.date_start")
    def _compute_school_dynamics(self):
        starts = self._mentorship_start_dates()
        partner_of = {mentee: mentee.partner_id.id for mentee in self}
        start_by_partner = {partner_of[mentee]: starts.get(mentee) for mentee in self}
        marks = self.partner_id._mentorship_mark_dynamics(start_by_partner)
        olympiads = self.partner_id._mentorship_olympiad_counts(start_by_partner)
        exams = self._pupils_exam_pass_rates(starts)
        columns = {name: [] for name in SCHOOL_DYNAMICS}
        for mentee in self:
            before, since = marks.get(partner_of[mentee], (None, None))
            row = (
                starts.get(mentee),
                before or 0.0,
                since or 0.0,
                round(since - before, 2) if before and since else 0.0,
                *olympiads.get(partner_of[mentee], (0, 0)),
                *exams.get(mentee, (0.0, 0.0)),
            )
            for name, value in zip(SCHOOL_DYNAMICS, row, strict=True):
                columns[name].append(value)
        # a whole municipality's mentees: one cache insertion per field costs
        # a tenth of an assignment per mentee and field; the values are in the
        # cache's form already (a date or None, floats rounded to the digits)
        for name, values in columns.items():
            self._fields[name]._insert_cache(self, values)

    def _pupils_exam_pass_rates(self, starts):
        """{mentee: (% passed before, % passed since)} over the exam results of
        the pupils a teacher-mentee prepared."""
        teachers = {mentee.employee_id: mentee for mentee in self if mentee.employee_id and starts.get(mentee)}
        totals = Counter()
        for teacher, day, passed, count in self.env["mentorship.school.exam.result"]._read_group(
            [("teacher_id", "in", [t.id for t in teachers])], ["teacher_id", "date:day", "passed"], ["__count"]
        ):
            mentee = teachers[teacher]
            since = day >= starts[mentee]
            totals[mentee, since, "all"] += count
            totals[mentee, since, "passed"] += count if passed else 0
        return {
            mentee: tuple(
                100.0 * totals[mentee, since, "passed"] / totals[mentee, since, "all"]
                if totals[mentee, since, "all"]
                else 0.0
                for since in (False, True)
            )
            for mentee in teachers.values()
        }
