from itertools import pairwise

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

YOUNG_SPECIALIST_YEARS = 3
RECENT_CHANGE_MONTHS = 12
DEFAULT_YOUNG_SPECIALIST_MAX_AGE = 35
QUALIFICATIONS = [("none", "No category"), ("first", "First category"), ("highest", "Highest category")]
# Teacher data is not on hr.employee.public: only HR users and curators read it
# (like hr_skills' skill_ids), so that employees reading their colleagues'
# public profiles never ask for it.
TEACHER_GROUPS = "hr.group_hr_user,mentorship_core.group_mentorship_curator"


class HrEmployee(models.Model):
    """Teachers: pedagogical experience and what makes them need a mentor
    (seed 001, the curator's yearly refresh of the list of mentees).

    Curators read teachers without HR rights (an ACL of this addon)."""

    _inherit = "hr.employee"

    mentorship_teaching_since = fields.Date(
        string="Teaching Since",
        groups=TEACHER_GROUPS,
        help="Start of the pedagogical experience; empty for staff who do not teach.",
    )
    mentorship_experience_years = fields.Integer(
        string="Pedagogical Experience (years)", compute="_compute_mentorship_experience_years", groups=TEACHER_GROUPS
    )
    mentorship_subject_ids = fields.Many2many(
        "mentorship.school.subject", string="Subjects Taught", groups=TEACHER_GROUPS
    )
    mentorship_qualification = fields.Selection(
        QUALIFICATIONS, string="Qualification Category", default="none", groups=TEACHER_GROUPS
    )
    mentorship_last_attestation = fields.Date(string="Last Attestation", groups=TEACHER_GROUPS)
    mentorship_returned_to_profession = fields.Boolean(string="Returned to the Profession", groups=TEACHER_GROUPS)
    mentorship_position_changed_on = fields.Date(
        string="Changed School or Position On",
        compute="_compute_mentorship_position_changed_on",
        store=True,
        readonly=False,
        groups=TEACHER_GROUPS,
        help="Taken from the contract history: the start of the contract in this school after teaching "
        "elsewhere, or the last change of job position.",
    )
    mentorship_is_young_specialist = fields.Boolean(
        string="Young Specialist",
        compute="_compute_mentorship_is_young_specialist",
        search="_search_mentorship_is_young_specialist",
        groups=TEACHER_GROUPS,
    )
    mentorship_mentee_ids = fields.One2many(
        "mentorship.mentee", "employee_id", string="Mentee Profiles", groups=TEACHER_GROUPS
    )

    @api.depends("mentorship_teaching_since")
    def _compute_mentorship_experience_years(self):
        today = fields.Date.context_today(self)
        for employee in self:
            since = employee.mentorship_teaching_since
            employee.mentorship_experience_years = relativedelta(today, since).years if since else 0

    @api.depends(
        "mentorship_teaching_since",
        "version_ids.date_version",
        "version_ids.job_id",
        "version_ids.contract_date_start",
    )
    def _compute_mentorship_position_changed_on(self):
        for employee in self:
            versions = employee.sudo().version_ids.sorted("date_version")
            changes = [
                version.date_version for previous, version in pairwise(versions) if version.job_id != previous.job_id
            ]
            joined = versions[:1].contract_date_start
            since = employee.mentorship_teaching_since
            if joined and since and since < joined:
                changes.append(joined)
            employee.mentorship_position_changed_on = max(changes, default=employee.mentorship_position_changed_on)

    def _young_specialist_limits(self):
        """Teaching since after, and born after: the dates that make a young specialist."""
        today = fields.Date.context_today(self)
        max_age = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("mentorship_school.young_specialist_max_age", DEFAULT_YOUNG_SPECIALIST_MAX_AGE)
        )
        return today - relativedelta(years=YOUNG_SPECIALIST_YEARS), today - relativedelta(years=max_age + 1)

    @api.depends("mentorship_teaching_since")
    def _compute_mentorship_is_young_specialist(self):
        teaching_after, born_after = self._young_specialist_limits()
        for employee in self:
            since, birthday = employee.mentorship_teaching_since, employee.sudo().birthday
            employee.mentorship_is_young_specialist = bool(
                since and since > teaching_after and (not birthday or birthday > born_after)
            )

    def _search_mentorship_is_young_specialist(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        teaching_after, born_after = self._young_specialist_limits()
        young_ids = self.sudo()._search(
            Domain("mentorship_teaching_since", ">", teaching_after)
            & (Domain("birthday", "=", False) | Domain("birthday", ">", born_after))
        )
        domain = Domain("id", "in", young_ids)
        return domain if (operator == "=") == value else ~domain

    def _mentorship_needs_mentor(self):
        """Why this teacher should be offered a mentor now, or an empty string."""
        self.ensure_one()
        reasons = []
        if self.mentorship_is_young_specialist:
            reasons.append(self.env._("young specialist"))
        if self.mentorship_returned_to_profession:
            reasons.append(self.env._("returned to the profession"))
        changed_on = self.mentorship_position_changed_on
        if changed_on and changed_on > fields.Date.context_today(self) - relativedelta(months=RECENT_CHANGE_MONTHS):
            reasons.append(self.env._("changed school or position"))
        return ", ".join(reasons)
