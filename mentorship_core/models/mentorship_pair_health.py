from odoo import api, fields, models

from .mentorship_pair import DEFAULT_ATTENTION_DAYS

HEALTH_LEVELS = [("ok", "In Order"), ("attention", "Needs Attention"), ("risk", "At Risk")]
HEALTH_RANK = {"ok": 0, "attention": 1, "risk": 2}
HEALTH_REASONS = [
    ("meetings", "Meetings"),
    ("plan", "Personal Plan"),
    ("satisfaction", "Satisfaction"),
    ("replacement", "Request to Replace the Mentor"),
]
# what the mentor is shown on the portal: their own work with the mentees
MENTOR_REASONS = ("meetings", "plan")
SATISFACTION_PURPOSES = ("mentor_satisfaction", "mentee_satisfaction")
# ir.config_parameter key (after "mentorship_core.") -> default
HEALTH_THRESHOLDS = {
    "attention_days": DEFAULT_ATTENTION_DAYS,
    "risk_days": 60,
    "plan_attention_gap": 25,
    "plan_risk_gap": 50,
    "satisfaction_attention_percent": 60,
    "satisfaction_risk_percent": 40,
}


class MentorshipPair(models.Model):
    """The health of a running pair (approved or working): in order, needs
    attention or at risk, with its reasons, from four signals — the days since
    its last held meeting (both sides confirmed), its personal plans' progress
    against their dates, the latest satisfaction answers about it, and the
    open requests to replace its mentor.

    Stored, not a compute with a search method: the pipeline groups its cards
    by health in SQL (a non-stored field cannot be grouped by), and reading it
    costs nothing on the kanban. It is computed by whole days (the server's
    date), so it only changes with time at midnight: a daily cron recomputes
    the running pairs just after it, and every edit of a meeting, plan,
    answer or request recomputes the pairs it touches at once (``depends``).
    The same cron turns the health into the curator's activities."""

    _inherit = "mentorship.pair"

    replacement_request_ids = fields.One2many(
        "mentorship.replacement.request", "pair_id", string="Replacement Requests"
    )
    survey_input_ids = fields.One2many("survey.user_input", "mentorship_pair_id", string="Questionnaire Answers")
    health = fields.Selection(
        HEALTH_LEVELS,
        compute="_compute_health",
        store=True,
        index=True,
        group_expand="_read_group_expand_health",
        help="Of a pair approved or working: from its held meetings, its personal plan's progress against its "
        "dates, the latest satisfaction answers and open requests to replace the mentor.",
    )
    health_issues = fields.Json(compute="_compute_health", store=True)
    health_reason = fields.Text(compute="_compute_health_reason", string="Health Reasons")

    @api.model
    def _read_group_expand_health(self, values, domain):
        return [value for value, _label in HEALTH_LEVELS]

    @api.model
    def _health_thresholds(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        return {key: int(get_param(f"mentorship_core.{key}", default)) for key, default in HEALTH_THRESHOLDS.items()}

    @api.depends(
        "state",
        "date_start",
        "last_meeting_date",
        "plan_ids.state",
        "plan_ids.progress",
        "plan_ids.date_start",
        "plan_ids.date_end",
        "survey_input_ids.state",
        "survey_input_ids.scoring_percentage",
        "survey_input_ids.survey_id",
        "replacement_request_ids.state",
    )
    def _compute_health(self):
        today = fields.Date.today()
        limits = self._health_thresholds()
        running = self.filtered(lambda pair: pair.state in self.RUNNING_STATES)
        scores = running._latest_satisfaction_scores()
        running_ids = set(running.ids)
        for pair in self:
            if pair.id not in running_ids:
                pair.health, pair.health_issues = False, []
                continue
            issues = [
                issue
                for issue in (
                    pair._meeting_issue(today, limits),
                    pair._plan_issue(today, limits),
                    pair._satisfaction_issue(scores.get(pair.id), limits),
                    pair._replacement_issue(),
                )
                if issue
            ]
            pair.health_issues = issues
            pair.health = max((issue["level"] for issue in issues), key=HEALTH_RANK.get, default="ok")

    @staticmethod
    def _level(value, attention, risk):
        """The level of a value that is worse the larger it is."""
        return "risk" if value >= risk else "attention" if value >= attention else None

    def _meeting_issue(self, today, limits):
        """Days since the last meeting both sides confirmed, or since the
        pair's start when none was held yet."""
        since = self.last_meeting_date.date() if self.last_meeting_date else self.date_start
        if not since:
            return None
        days = (today - since).days
        level = self._level(days, limits["attention_days"], limits["risk_days"])
        return level and {"reason": "meetings", "level": level, "days": days, "held": bool(self.last_meeting_date)}

    def _plan_issue(self, today, limits):
        """The plan furthest behind its dates: the share of its period gone
        by, against the share of its activities done."""
        worst = None
        for plan in self.plan_ids.filtered(lambda plan: plan.state != "done" and plan.date_start <= today):
            elapsed = round(plan._elapsed_percent(today))
            gap = elapsed - round(plan.progress)
            if worst is None or gap > worst["gap"]:
                worst = {"plan": plan.name, "elapsed": elapsed, "progress": round(plan.progress), "gap": gap}
        level = worst and self._level(worst["gap"], limits["plan_attention_gap"], limits["plan_risk_gap"])
        return level and {"reason": "plan", "level": level, **worst}

    def _latest_satisfaction_scores(self):
        """{pair id: (lowest score, its side)} over the latest completed
        answer of each respondent to each scored satisfaction questionnaire
        about the pair: an answer given again replaces the earlier one."""
        answers = self.env["survey.user_input"].search_fetch(
            [
                ("mentorship_pair_id", "in", self.ids),
                ("state", "=", "done"),
                ("survey_id.mentorship_purpose", "in", SATISFACTION_PURPOSES),
                ("survey_id.scoring_type", "!=", "no_scoring"),
            ],
            ["mentorship_pair_id", "partner_id", "survey_id", "scoring_percentage"],
            order="end_datetime desc, id desc",
        )
        latest = {}
        for answer in answers:
            key = (answer.mentorship_pair_id.id, answer.partner_id.id or -answer.id, answer.survey_id.id)
            latest.setdefault(key, answer)
        scores = {}
        for (pair_id, _partner, _survey), answer in latest.items():
            score = (answer.scoring_percentage, answer.survey_id.mentorship_purpose)
            scores[pair_id] = min(scores.get(pair_id, score), score)
        return scores

    def _satisfaction_issue(self, score, limits):
        if not score:
            return None
        percent, purpose = score
        level = (
            "risk"
            if percent < limits["satisfaction_risk_percent"]
            else "attention"
            if percent < limits["satisfaction_attention_percent"]
            else None
        )
        side = "mentor" if purpose == "mentor_satisfaction" else "mentee"
        return level and {"reason": "satisfaction", "level": level, "score": round(percent), "side": side}

    def _replacement_issue(self):
        count = len(self.replacement_request_ids.filtered(lambda request: request.state == "submitted"))
        return count and {"reason": "replacement", "level": "risk", "count": count}

    # --- the reasons in words -------------------------------------------------

    @api.depends("health_issues")
    @api.depends_context("lang")
    def _compute_health_reason(self):
        for pair in self:
            pair.health_reason = "\n".join(pair._health_sentence(issue) for issue in pair.health_issues or [])

    def _health_sentence(self, issue):
        reason = issue["reason"]
        if reason == "meetings" and issue["held"]:
            return self.env._("No meeting confirmed by both sides for %(days)s days.", days=issue["days"])
        if reason == "meetings":
            return self.env._(
                "No meeting confirmed by both sides since the pair started %(days)s days ago.", days=issue["days"]
            )
        if reason == "plan":
            return self.env._(
                "The plan «%(plan)s» is %(progress)s%% done with %(elapsed)s%% of its period gone.",
                plan=issue["plan"],
                progress=issue["progress"],
                elapsed=issue["elapsed"],
            )
        if reason == "satisfaction" and issue["side"] == "mentor":
            return self.env._("The mentor's latest satisfaction answer scored %(score)s%%.", score=issue["score"])
        if reason == "satisfaction":
            return self.env._("A mentee's latest satisfaction answer scored %(score)s%%.", score=issue["score"])
        return self.env._("A request to replace the mentor awaits the curator's decision.")

    def _health_for_mentor(self):
        """(level, sentences) the mentor sees on their portal page: only the
        meetings and the plan, their own work. What a mentee answered about
        them and a mentee's request to replace them are the mentee's and the
        school's, and are never shown to the mentor, not even as a reason."""
        self.ensure_one()
        if self.state not in self.RUNNING_STATES:
            return False, []
        issues = [issue for issue in self.health_issues or [] if issue["reason"] in MENTOR_REASONS]
        level = max((issue["level"] for issue in issues), key=HEALTH_RANK.get, default="ok")
        return level, [self._health_sentence(issue) for issue in issues]

    # --- the curator's activities -----------------------------------------------

    @api.model
    def _cron_update_health(self):
        """Recompute the health of the running pairs for the new day, then
        keep one open activity of the program's curator per pair and reason:
        scheduled when the reason appears, marked done when it is gone."""
        pairs = self.search([("state", "in", self.RUNNING_STATES)])
        self.env.add_to_compute(self._fields["health"], pairs)
        self.env.add_to_compute(self._fields["health_issues"], pairs)
        pairs._recompute_recordset(["health", "health_issues"])
        # the day changed, not a field: the words read from the issues are recomputed too
        pairs.invalidate_recordset(["health_reason"])
        self._sync_health_activities(pairs)

    @api.model
    def _sync_health_activities(self, pairs):
        activity_type = self.env.ref("mentorship_core.mail_activity_type_pair_health")
        open_activities = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("activity_type_id", "=", activity_type.id)]
        )
        existing = {(activity.res_id, activity.mentorship_health_reason): activity for activity in open_activities}
        wanted = {(pair.id, issue["reason"]): (pair, issue) for pair in pairs for issue in pair.health_issues or []}
        resolved = open_activities.filtered(
            lambda activity: (activity.res_id, activity.mentorship_health_reason) not in wanted
        )
        for lang, activities in resolved.grouped(lambda activity: activity.user_id.lang).items():
            feedback = self.with_context(lang=lang).env._("Resolved: the reason no longer holds.")
            activities.action_feedback(feedback=feedback)
        new_values = [
            pair._health_activity_values(activity_type, issue)
            for key, (pair, issue) in wanted.items()
            if key not in existing and pair.curator_id
        ]
        # no e-mail per activity: a school may have dozens on the first day; they are on the curator's to-do list
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(new_values)

    def _health_activity_summary(self, reason):
        summaries = {
            "meetings": self.env._("Pair health: no held meetings"),
            "plan": self.env._("Pair health: plan behind its dates"),
            "satisfaction": self.env._("Pair health: low satisfaction"),
            "replacement": self.env._("Pair health: request to replace the mentor"),
        }
        return summaries[reason]

    def _health_activity_values(self, activity_type, issue):
        """An activity written in the curator's language."""
        pair = self.with_context(lang=self.curator_id.lang)
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "user_id": self.curator_id.id,
            "summary": pair._health_activity_summary(issue["reason"]),
            "note": pair._health_sentence(issue),
            "date_deadline": fields.Date.today(),
            "mentorship_health_reason": issue["reason"],
        }
