import calendar
from collections import defaultdict
from datetime import timedelta
from typing import NamedTuple

from odoo import api, fields, models
from odoo.tools import SQL

INDICATORS = [
    ("participants", "Participants"),
    ("pairs", "Pairs and Groups"),
    ("response_rate", "Response Rate (%)"),
    ("held_meetings", "Held Meetings"),
    ("meetings_per_month", "Held Meetings per Month"),
    ("plan_progress", "Plan Progress (%)"),
    ("plans_at_risk", "Pairs with the Plan at Risk"),
    ("mentor_satisfaction", "Mentors' Satisfaction (%)"),
    ("mentee_satisfaction", "Mentees' Satisfaction (%)"),
    ("competence_change", "Change of Self-Assessed Competences (points)"),
    ("mentors_continue", "Mentors Who Want to Continue"),
    ("mentees_continue", "Mentees Who Want to Continue"),
    ("mentees_become_mentors", "Mentees Who Want to Become Mentors"),
]
LEVELS = [("pair", "Pair or Group"), ("program", "Program"), ("form", "Form"), ("organisation", "Organisation")]
# the answers of each side, by the purpose of their questionnaire, and what their yes means
SIDE_OF_PURPOSE = {
    "mentor_satisfaction": "mentor",
    "mentee_satisfaction": "mentee",
    "self_assessment": "mentee",
}
SIGNAL_INDICATORS = {
    ("mentor", "wants_to_continue"): "mentors_continue",
    ("mentee", "wants_to_continue"): "mentees_continue",
    ("mentee", "wants_to_mentor"): "mentees_become_mentors",
}


class PairFacts(NamedTuple):
    id: int
    company: int
    program: int
    form: int
    start: object
    end: object
    mentor_partner: int
    mentees: tuple
    partners: tuple
    nodes: tuple  # the organisations it counts in: its school up to the campaign's organisation


class Ratio(NamedTuple):
    """An average kept as its sum and count, so that levels add up."""

    total: float
    count: float

    def __add__(self, other):
        return Ratio(self.total + other.total, self.count + other.count)


def _add(total, measure):
    if total is None:
        return measure
    if isinstance(measure, frozenset):
        return total | measure
    return total + measure


def _value(measure):
    """(value, base) of a measure, or None when there is nothing to show."""
    if isinstance(measure, frozenset):
        return float(len(measure)), len(measure)
    if isinstance(measure, Ratio):
        return (round(measure.total / measure.count, 4), round(measure.count)) if measure.count else None
    return float(measure), int(measure)


class MentorshipMonitoringIndicator(models.Model):
    """An indicator of a closed campaign at one level: a pair, a program, a
    form in an organisation, or an organisation. Organisations roll up: a
    department's rows hold its schools' pairs together.

    Counts add up from level to level; averages (satisfaction, progress,
    meetings per month) are weighted by their base, the number of answers,
    plans or months they are taken over."""

    _name = "mentorship.monitoring.indicator"
    _description = "Monitoring Indicator"
    _order = "monitoring_id desc, level, company_id, form_id, program_id, pair_id, indicator"
    _rec_name = "indicator"

    monitoring_id = fields.Many2one("mentorship.monitoring", required=True, index=True, ondelete="cascade")
    level = fields.Selection(LEVELS, required=True)
    indicator = fields.Selection(INDICATORS, required=True)
    company_id = fields.Many2one("res.company", string="Organisation", required=True, index=True)
    form_id = fields.Many2one("mentorship.form")
    program_id = fields.Many2one("mentorship.program")
    pair_id = fields.Many2one("mentorship.pair", string="Pair or Group", index="btree_not_null")
    value = fields.Float(digits=(16, 2), aggregator="avg")
    base = fields.Integer(
        aggregator="sum", help="What the value is taken over: answers, plans, months, pairs or participants."
    )

    # --- computing a campaign ---------------------------------------------------

    @api.model
    def _compute_campaign(self, campaign):
        """Store the indicators of ``campaign``, replacing any it had."""
        facts = self._pair_facts(campaign)
        campaign._report_progress(10)
        measures = self._pair_measures(campaign, facts)
        campaign._report_progress(70)
        self._store(campaign, self._rows(facts, measures))
        campaign._report_progress(100)

    @api.model
    def _pair_facts(self, campaign):
        """What every measure needs of each pair in scope, read at once."""
        Pair = self.env["mentorship.pair"].sudo().with_context(active_test=False)
        pairs = Pair.search_fetch(
            [("id", "in", campaign.sudo().pair_ids.ids)],
            ["company_id", "program_id", "form_id", "date_start", "date_end", "mentor_id"],
        )
        pairs.mentor_id.fetch(["partner_id"])
        mentees = {
            pair.id: (tuple(mentee_ids), tuple(partner_ids))
            for pair, mentee_ids, partner_ids in self.env["mentorship.mentee"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("pair_ids", "in", pairs.ids)], ["pair_ids"], ["id:array_agg", "partner_id:array_agg"])
        }
        root = campaign.company_id.id
        nodes = {}
        for company in pairs.company_id:
            path = [int(part) for part in company.parent_path.split("/") if part]
            nodes[company.id] = tuple(path[path.index(root) :]) if root in path else (company.id,)
        return {
            pair.id: PairFacts(
                id=pair.id,
                company=pair.company_id.id,
                program=pair.program_id.id,
                form=pair.form_id.id,
                start=pair.date_start,
                end=pair.date_end,
                mentor_partner=pair.mentor_id.partner_id.id,
                mentees=mentees.get(pair.id, ((), ()))[0],
                partners=mentees.get(pair.id, ((), ()))[1],
                nodes=nodes[pair.company_id.id],
            )
            for pair in pairs
        }

    @api.model
    def _pair_measures(self, campaign, facts):
        """{pair id: {indicator: measure}}: a number (a count), a Ratio (an
        average) or a frozenset (distinct participants). Other addons add
        theirs by extending this method."""
        measures = {
            pair_id: {
                "pairs": 1,
                "participants": frozenset(filter(None, (pair.mentor_partner, *pair.partners))),
            }
            for pair_id, pair in facts.items()
        }
        self._measure_meetings(campaign, facts, measures)
        self._measure_plans(campaign, facts, measures)
        self._measure_answers(campaign, facts, measures)
        return measures

    @staticmethod
    def _life(campaign, pair):
        """The first and last day of the pair's life inside the period, or None."""
        start = max(filter(None, (pair.start, campaign.date_from)))
        end = min(filter(None, (pair.end, campaign.date_to)))
        return (start, end) if start <= end else None

    @staticmethod
    def _months(start, end):
        """Months between two days, a part of a month counted by its days."""
        months, day = 0.0, start
        while day <= end:
            last_of_month = day.replace(day=calendar.monthrange(day.year, day.month)[1])
            until = min(last_of_month, end)
            months += ((until - day).days + 1) / last_of_month.day
            day = until + timedelta(days=1)
        return months

    @api.model
    def _measure_meetings(self, campaign, facts, measures):
        """Meetings both sides confirmed, held inside the pair's life and the
        period (days in the time zone of the user closing)."""
        lives = {pair_id: self._life(campaign, pair) for pair_id, pair in facts.items()}
        start, stop = self.env["mentorship.incentive.generation"]._utc_bounds(campaign.date_from, campaign.date_to)
        held = defaultdict(int)
        for pair, day, count in (
            self.env["calendar.event"]
            .sudo()
            .with_context(tz=self.env.user.tz or "UTC")
            ._read_group(
                [
                    ("mentorship_pair_id", "in", list(facts)),
                    ("mentorship_is_held", "=", True),
                    ("start", ">=", start),
                    ("start", "<", stop),
                ],
                ["mentorship_pair_id", "start:day"],
                ["__count"],
            )
        ):
            life = lives[pair.id]
            if life and life[0] <= day.date() <= life[1]:
                held[pair.id] += count
        for pair_id, life in lives.items():
            measures[pair_id]["held_meetings"] = held[pair_id]
            if life:
                months = self._months(*life)
                measures[pair_id]["meetings_per_month"] = Ratio(float(held[pair_id]), months)

    @api.model
    def _measure_plans(self, campaign, facts, measures):
        """Progress of the personal plans, and the pairs whose plan is behind
        its dates at the end of the period, or who have no plan."""
        plans = (
            self.env["mentorship.plan"]
            .sudo()
            .search_fetch([("pair_id", "in", list(facts))], ["pair_id", "state", "progress", "date_start", "date_end"])
        )
        # behind as pair health counts it: the same setting of points behind the share of time gone
        margin = self.env["mentorship.pair"]._health_thresholds()["plan_attention_gap"]
        at_risk = set(facts)
        for plan in plans:
            pair_id = plan.pair_id.id
            measure = measures[pair_id]
            measure["plan_progress"] = measure.get("plan_progress", Ratio(0.0, 0)) + Ratio(plan.progress, 1)
            if pair_id in at_risk and not self._plan_behind(campaign, plan, margin):
                at_risk.discard(pair_id)
        for pair_id in facts:
            measures[pair_id]["plans_at_risk"] = int(pair_id in at_risk)

    @staticmethod
    def _plan_behind(campaign, plan, margin):
        if plan.state == "done":
            return False
        return plan.progress < plan._elapsed_percent(campaign.date_to) - margin

    @api.model
    def _measure_answers(self, campaign, facts, measures):
        """Response rate, satisfaction of each side, the change of the
        self-assessed competences since the previous campaign, and who wants
        to continue or to become a mentor."""
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search_fetch(
                [("mentorship_monitoring_id", "=", campaign.id), ("mentorship_pair_id", "in", list(facts))],
                ["state", "partner_id", "mentorship_pair_id", "survey_id", "scoring_percentage"],
            )
        )
        purposes = {survey.id: survey.mentorship_purpose for survey in answers.survey_id}
        done = answers.filtered(lambda answer: answer.state == "done")
        previous = self._previous_self_assessment(campaign, done)
        for answer in answers:
            measure = measures[answer.mentorship_pair_id.id]
            measure["response_rate"] = measure.get("response_rate", Ratio(0.0, 0)) + Ratio(
                100.0 * (answer.state == "done"), 1
            )
        for answer in done:
            measure = measures[answer.mentorship_pair_id.id]
            purpose = purposes[answer.survey_id.id]
            key = {"mentor_satisfaction": "mentor_satisfaction", "mentee_satisfaction": "mentee_satisfaction"}.get(
                purpose
            )
            if key:
                measure[key] = measure.get(key, Ratio(0.0, 0)) + Ratio(answer.scoring_percentage, 1)
            before = previous.get(answer.partner_id.id)
            if purpose == "self_assessment" and before is not None:
                change = Ratio(answer.scoring_percentage - before, 1)
                measure["competence_change"] = measure.get("competence_change", Ratio(0.0, 0)) + change
        for answer, signal in self._signals(done):
            side = SIDE_OF_PURPOSE.get(purposes[answer.survey_id.id])
            key = SIGNAL_INDICATORS.get((side, signal))
            if key:
                measure = measures[answer.mentorship_pair_id.id]
                measure[key] = measure.get(key, frozenset()) | {answer.partner_id.id}

    @api.model
    def _previous_self_assessment(self, campaign, done):
        """{partner: score} of each participant's latest self-assessment in a
        campaign that ended before this one began."""
        partner_ids = sorted(set(done.partner_id.ids))
        earlier = (
            self.env["survey.user_input"]
            .sudo()
            .search_fetch(
                [
                    ("state", "=", "done"),
                    ("partner_id", "in", partner_ids),
                    ("survey_id.mentorship_purpose", "=", "self_assessment"),
                    ("mentorship_monitoring_id.date_to", "<", campaign.date_from),
                ],
                ["partner_id", "scoring_percentage"],
                order="mentorship_monitoring_id, id desc",
            )
        )
        scores = {}
        for answer in earlier:
            scores.setdefault(answer.partner_id.id, answer.scoring_percentage)
        return scores

    @api.model
    def _signals(self, done):
        """(answer, indicator) for each yes given to a question the monitoring
        counts (``mentorship_indicator``: wants to continue, to be a mentor)."""
        rows = (
            self.env["survey.user_input.line"]
            .sudo()
            ._read_group(
                [
                    ("user_input_id", "in", done.ids),
                    ("question_id.mentorship_indicator", "!=", False),
                    ("suggested_answer_id.mentorship_value", "=", "yes"),
                ],
                ["user_input_id", "question_id"],
            )
        )
        answers = {answer.id: answer for answer in done}
        return [(answers[answer.id], question.mentorship_indicator) for answer, question in rows]

    # --- levels -----------------------------------------------------------------

    @api.model
    def _rows(self, facts, measures):
        """The rows of every level: each pair, then its measures added into its
        program, its form in each organisation it counts in, and those
        organisations."""
        groups = defaultdict(dict)
        for pair_id, pair in facts.items():
            keys = [
                ("pair", pair.company, pair.form, pair.program, pair_id),
                ("program", pair.company, pair.form, pair.program, 0),
                *(("form", node, pair.form, 0, 0) for node in pair.nodes),
                *(("organisation", node, 0, 0, 0) for node in pair.nodes),
            ]
            for key in keys:
                group = groups[key]
                for indicator, measure in measures[pair_id].items():
                    group[indicator] = _add(group.get(indicator), measure)
        rows = []
        for key, group in groups.items():
            for indicator, measure in group.items():
                value = _value(measure)
                if value is not None:
                    rows.append((*key, indicator, *value))
        return rows

    @api.model
    def _store(self, campaign, rows):
        """Replace the campaign's rows in two statements, whatever their
        number: a municipality's campaign has a hundred thousand of them."""
        self.env.flush_all()
        self.env.cr.execute(SQL("DELETE FROM mentorship_monitoring_indicator WHERE monitoring_id = %s", campaign.id))
        if rows:
            columns = [list(column) for column in zip(*rows, strict=True)]
            names = ("level", "company", "form", "program", "pair", "indicator", "value", "base")
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO mentorship_monitoring_indicator
                           (monitoring_id, level, company_id, form_id, program_id, pair_id, indicator, value, base,
                            create_uid, create_date, write_uid, write_date)
                    SELECT %(campaign)s, level, company, NULLIF(form, 0), NULLIF(program, 0), NULLIF(pair, 0),
                           indicator, value, base, %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM unnest(%(level)s::varchar[], %(company)s::int[], %(form)s::int[], %(program)s::int[],
                                  %(pair)s::int[], %(indicator)s::varchar[], %(value)s::float[], %(base)s::int[])
                           AS row(level, company, form, program, pair, indicator, value, base)
                    """,
                    campaign=campaign.id,
                    uid=self.env.uid,
                    now=fields.Datetime.now(),
                    **dict(zip(names, columns, strict=True)),
                )
            )
        self.invalidate_model()
        campaign.invalidate_recordset(["indicator_ids", "indicator_count"])
