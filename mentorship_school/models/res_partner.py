import json
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

ADULT_AGE = 18
PUPIL_DATA_GROUPS = "mentorship_core.group_mentorship_curator"


class ResPartner(models.Model):
    """Pupils and students: class, birth date and the minor flag it gives."""

    _inherit = "res.partner"

    mentorship_is_pupil = fields.Boolean(string="Pupil or Student")
    # personal data of pupils, most of them minors: for curators; a staff
    # mentor reads them on the profiles of their own mentees only
    mentorship_pupil_code = fields.Char(
        string="Pupil Code",
        index="btree_not_null",
        copy=False,
        groups=PUPIL_DATA_GROUPS,
        help="The pupil's code in the school information system.",
    )
    mentorship_school_class = fields.Char(
        string="Class", groups=PUPIL_DATA_GROUPS, help='Class or study group, e.g. "7A".'
    )
    mentorship_grade = fields.Integer(
        string="Grade",
        compute="_compute_mentorship_grade",
        store=True,
        groups=PUPIL_DATA_GROUPS,
        help="The number of the class.",
    )
    mentorship_birthdate = fields.Date(string="Date of Birth", groups=PUPIL_DATA_GROUPS)
    mentorship_has_sen = fields.Boolean(
        string="Special Educational Needs",
        groups=PUPIL_DATA_GROUPS,
        help="Health limitations that need adapted education; visible to curators only.",
    )
    # computed from the date of birth when it is known, still editable otherwise
    mentorship_is_minor = fields.Boolean(compute="_compute_mentorship_is_minor", store=True, readonly=False)

    mentorship_mark_ids = fields.One2many(
        "mentorship.school.mark", "partner_id", string="Marks", groups=PUPIL_DATA_GROUPS
    )
    mentorship_exam_result_ids = fields.One2many(
        "mentorship.school.exam.result", "partner_id", string="Exam Results", groups=PUPIL_DATA_GROUPS
    )
    mentorship_achievement_ids = fields.One2many(
        "mentorship.school.achievement",
        "partner_id",
        string="Olympiads, Contests and Projects",
        groups=PUPIL_DATA_GROUPS,
    )

    _mentorship_pupil_code_uniq = models.Constraint(
        "UNIQUE(mentorship_pupil_code)", "Another pupil already has this pupil code."
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Pupils belong to their school: curators of other schools never see them."""
        for vals in vals_list:
            if vals.get("mentorship_is_pupil") and "company_id" not in vals:
                vals["company_id"] = self.env.company.id
        return super().create(vals_list)

    def write(self, vals):
        """A contact who becomes a pupil (a portal user's, an imported one)
        joins the school too."""
        if vals.get("mentorship_is_pupil") and "company_id" not in vals:
            self.filtered(lambda partner: not partner.company_id).company_id = self.env.company
        return super().write(vals)

    @api.depends("mentorship_school_class")
    def _compute_mentorship_grade(self):
        for partner in self:
            number = re.match(r"\s*(\d+)", partner.mentorship_school_class or "")
            partner.mentorship_grade = int(number.group(1)) if number else 0

    @api.depends("mentorship_birthdate")
    def _compute_mentorship_is_minor(self):
        adult_born_before = fields.Date.context_today(self) - relativedelta(years=ADULT_AGE)
        for partner in self.filtered("mentorship_birthdate"):
            partner.mentorship_is_minor = partner.mentorship_birthdate > adult_born_before

    @api.model
    def _cron_mentorship_update_minors(self):
        """Minors who turned 18 since the last run become adults."""
        adult_born_before = fields.Date.context_today(self) - relativedelta(years=ADULT_AGE)
        self.search(
            [("mentorship_is_minor", "=", True), ("mentorship_birthdate", "<=", adult_born_before)]
        ).mentorship_is_minor = False

    def _mentorship_mark_dynamics(self, start_by_partner):
        """Average marks of these pupils before and since the day their
        mentorship started: {partner_id: (before, since)}, None where no mark.

        An average per pupil and period, then the periods ending before the
        start count as "before"."""
        return self._mentorship_before_and_since(
            start_by_partner,
            "mentorship.school.mark",
            [],
            ("partner_id", "period_id", "average"),
            """
            WITH mark AS (%(visible)s),
                 per_period AS (
                     SELECT partner_id, period_id, AVG(average) AS average
                       FROM mark GROUP BY partner_id, period_id),
                 dated AS (
                     SELECT per_period.partner_id, per_period.average,
                            period.date_end < (%(starts)s::jsonb ->> per_period.partner_id::text)::date AS before
                       FROM per_period
                       JOIN mentorship_school_period period ON period.id = per_period.period_id)
            SELECT partner_id,
                   ROUND(AVG(average) FILTER (WHERE before), 2)::float,
                   ROUND(AVG(average) FILTER (WHERE NOT before), 2)::float
              FROM dated
             GROUP BY partner_id
            """,
        )

    def _mentorship_olympiad_counts(self, start_by_partner):
        """Olympiads of these pupils before and since the day their mentorship
        started: {partner_id: (before, since)}."""
        return self._mentorship_before_and_since(
            start_by_partner,
            "mentorship.school.achievement",
            [("kind", "=", "olympiad")],
            ("partner_id", "date"),
            """
            WITH olympiad AS (%(visible)s)
            SELECT partner_id,
                   COUNT(*) FILTER (WHERE date < (%(starts)s::jsonb ->> partner_id::text)::date),
                   COUNT(*) FILTER (WHERE date >= (%(starts)s::jsonb ->> partner_id::text)::date)
              FROM olympiad
             GROUP BY partner_id
            """,
        )

    def _mentorship_before_and_since(self, start_by_partner, model, domain, columns, aggregate):
        """{partner_id: (before, since)} of one SQL ``aggregate`` over the
        ``columns`` of the rows of ``model`` about these pupils that the user
        may read (``%(visible)s``); each pupil's start day is looked up in the
        JSON ``%(starts)s`` (a join on an unnested array plans as a nested loop)."""
        starts = {pupil: start_by_partner[pupil] for pupil in self.ids if start_by_partner.get(pupil)}
        if not starts:
            return {}
        Model = self.env[model]
        visible = Model._search([("partner_id", "in", list(starts)), *domain]).select(
            *(SQL.identifier(Model._table, column) for column in columns)
        )
        starts_json = json.dumps({str(pupil): day.isoformat() for pupil, day in starts.items()})
        rows = self.env.execute_query(SQL(aggregate, visible=visible, starts=starts_json))
        return {partner_id: (before, since) for partner_id, before, since in rows}
