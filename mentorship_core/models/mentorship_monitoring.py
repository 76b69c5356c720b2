import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentorship_pair import MentorshipPair

_logger = logging.getLogger(__name__)

STAGES = [("process", "Stage 1: Process"), ("influence", "Stage 2: Influence")]
# the side of the pair each questionnaire is for
PURPOSES_BY_SIDE = {
    "mentor": ("mentor_satisfaction",),
    "mentee": ("mentee_satisfaction", "self_assessment"),
    "curator": ("curator_review",),
}


class MentorshipMonitoring(models.Model):
    """A monitoring campaign (seed 001 §5): the participants of the pairs in
    scope answer the questionnaires of their side, then closing stores the
    indicators of the campaign by pair, program, form and organisation.

    An organisation's campaign covers its own programs and those of the
    organisations under it: a department's covers its schools."""

    _name = "mentorship.monitoring"
    _description = "Monitoring Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
        help="A school, or an education department: its schools are included.",
    )
    date_from = fields.Date(string="Period Start", required=True, tracking=True)
    date_to = fields.Date(string="Period End", required=True, tracking=True)
    stage = fields.Selection(STAGES, required=True, default="process", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("closing", "Closing"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    program_ids = fields.Many2many(
        "mentorship.program",
        string="Programs",
        compute="_compute_program_ids",
        store=True,
        readonly=False,
        help="By default the programs of the organisation and the ones under it that run in the period.",
    )
    pair_ids = fields.Many2many(
        "mentorship.pair",
        string="Pairs",
        compute="_compute_pair_ids",
        store=True,
        readonly=False,
        help="By default the running and completed pairs of the programs.",
    )
    pair_count = fields.Integer(compute="_compute_pair_count")
    user_input_ids = fields.One2many("survey.user_input", "mentorship_monitoring_id", string="Answers")
    sent_count = fields.Integer(string="Questionnaires Sent", compute="_compute_response")
    answered_count = fields.Integer(string="Questionnaires Answered", compute="_compute_response")
    response_rate = fields.Float(string="Response Rate (%)", compute="_compute_response", digits=(5, 1))
    indicator_ids = fields.One2many("mentorship.monitoring.indicator", "monitoring_id", string="Indicators")
    indicator_count = fields.Integer(compute="_compute_indicator_count")
    progress_ids = fields.One2many("mentorship.monitoring.progress", "monitoring_id", string="Progress Rows")
    progress = fields.Integer(compute="_compute_progress", help="Percent of the closing done.")
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    date_reminded = fields.Datetime(string="Last Reminder", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    close_error = fields.Text(string="Why Closing Failed", readonly=True, copy=False)
    job_uuid = fields.Char(readonly=True, copy=False)

    # --- computes -----------------------------------------------------------

    @api.depends("company_id", "date_from", "date_to")
    def _compute_program_ids(self):
        for campaign in self:
            if campaign.state != "draft" or not (campaign.company_id and campaign.date_from and campaign.date_to):
                continue
            campaign.program_ids = self.env["mentorship.program"].search(campaign._program_domain())

    def _program_domain(self):
        return [
            ("company_id", "child_of", self.company_id.id),
            ("date_start", "<=", self.date_to),
            ("date_end", ">=", self.date_from),
        ]

    @api.depends("program_ids")
    def _compute_pair_ids(self):
        for campaign in self:
            if campaign.state != "draft":
                continue
            campaign.pair_ids = self.env["mentorship.pair"].search(
                [
                    ("program_id", "in", campaign.program_ids.ids),
                    ("state", "in", [*MentorshipPair.RUNNING_STATES, "completed"]),
                ]
            )

    def _compute_pair_count(self):
        for campaign in self:
            campaign.pair_count = len(campaign.pair_ids)

    def _compute_response(self):
        counts = {
            (campaign.id, state == "done"): count
            for campaign, state, count in self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("mentorship_monitoring_id", "in", self.ids)], ["mentorship_monitoring_id", "state"], ["__count"]
            )
        }
        for campaign in self:
            answered = counts.get((campaign.id, True), 0)
            sent = answered + counts.get((campaign.id, False), 0)
            campaign.sent_count = sent
            campaign.answered_count = answered
            campaign.response_rate = 100.0 * answered / sent if sent else 0.0

    def _compute_indicator_count(self):
        counts = dict(
            self.env["mentorship.monitoring.indicator"]._read_group(
                [("monitoring_id", "in", self.ids)], ["monitoring_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.indicator_count = counts.get(campaign, 0)

    @api.depends("state", "progress_ids.percent")
    def _compute_progress(self):
        for campaign in self:
            closing = campaign.state == "closing"
            campaign.progress = (
                campaign.sudo().progress_ids[:1].percent if closing else 100 * (campaign.state == "closed")
            )

    # --- checks ---------------------------------------------------------------

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if self.filtered(lambda campaign: campaign.date_from > campaign.date_to):
            raise ValidationError(self.env._("A campaign cannot end before it starts."))

    @api.constrains("company_id", "program_ids", "pair_ids")
    def _check_scope_in_organisation(self):
        for campaign in self:
            outside = next(
                (
                    record
                    for record in (*campaign.program_ids, *campaign.pair_ids)
                    if campaign.company_id not in record.company_id.parent_ids
                ),
                None,
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "%(record)s belongs to %(company)s, outside the organisation of the campaign.",
                        record=outside.display_name,
                        company=outside.company_id.display_name,
                    )
                )

    def write(self, vals):
        scope = {"company_id", "date_from", "date_to", "program_ids", "pair_ids", "stage"}
        if scope & set(vals) and self.filtered(lambda campaign: campaign.state != "draft"):
            raise UserError(self.env._("The scope of a campaign is fixed once it is sent."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_sent(self):
        if self.filtered(lambda campaign: campaign.state not in ("draft", "cancelled")):
            raise UserError(self.env._("Only a draft or cancelled campaign can be deleted: cancel it first."))

    def _check_state(self, states, message):
        wrong = self.filtered(lambda campaign: campaign.state not in states)
        if wrong:
            raise UserError(message % {"campaign": wrong[0].display_name})

    # --- sending --------------------------------------------------------------

    def action_send(self):
        """Create each participant's questionnaire and send it by e-mail."""
        self.check_access("write")
        self._check_state(("draft",), self.env._("The campaign %(campaign)s is sent already."))
        for campaign in self:
            invitations = campaign._invitations()
            if not invitations:
                raise UserError(
                    self.env._(
                        "The campaign %(campaign)s has nobody to ask: it has no pairs, or no questionnaire "
                        "(Surveys with a mentorship purpose) is for their forms.",
                        campaign=campaign.display_name,
                    )
                )
            answers = campaign._create_answers(invitations)
            campaign.write({"state": "running", "date_sent": fields.Datetime.now()})
            campaign._send_invitations(answers)
            campaign.message_post(
                body=self.env._("%(count)s questionnaires sent.", count=len(answers)),
            )
        return True

    def _questionnaires(self):
        """{purpose: [(survey, forms)]}: the active questionnaires by purpose,
        the ones for particular forms first."""
        surveys = (
            self.env["survey.survey"]
            .sudo()
            .search(
                [("mentorship_purpose", "in", [p for purposes in PURPOSES_BY_SIDE.values() for p in purposes])],
                order="id",
            )
        )
        found = {}
        for survey in surveys.sorted(lambda survey: not survey.mentorship_form_ids):
            found.setdefault(survey.mentorship_purpose, []).append((survey, survey.mentorship_form_ids))
        return found

    @staticmethod
    def _questionnaire_for(questionnaires, purpose, form):
        return next(
            (survey for survey, forms in questionnaires.get(purpose, ()) if not forms or form in forms),
            None,
        )

    def _invitations(self):
        """[(survey, partner, pair)]: what each participant answers. Mentors
        and mentees answer about their pair, curators once per program."""
        self.ensure_one()
        questionnaires = self._questionnaires()
        invitations = []
        for pair in self.pair_ids.sudo():
            sides = (("mentor", pair.mentor_id.partner_id), ("mentee", pair.mentee_ids.partner_id))
            for side, partners in sides:
                for purpose in PURPOSES_BY_SIDE[side]:
                    survey = self._questionnaire_for(questionnaires, purpose, pair.form_id)
                    if survey:
                        invitations += [(survey, partner, pair) for partner in partners]
        for program in self.program_ids.sudo().filtered("curator_id"):
            survey = self._questionnaire_for(questionnaires, "curator_review", program.form_id)
            if survey:
                invitations.append((survey, program.curator_id.partner_id, self.env["mentorship.pair"]))
        return list(dict.fromkeys(invitations))

    def _create_answers(self, invitations):
        answers = self.env["survey.user_input"].sudo()
        for survey, partner, pair in invitations:
            answers |= survey._create_answer(
                partner=partner,
                check_attempts=False,
                mentorship_pair_id=pair.id,
                mentorship_monitoring_id=self.id,
                deadline=fields.Datetime.to_datetime(self.date_to).replace(hour=23, minute=59),
            )
        return answers

    def _send_invitations(self, answers):
        """Survey's own invitation e-mail, one for each answer with an address:
        its link opens that answer."""
        template = self.env.ref("survey.mail_template_user_input_invite", raise_if_not_found=False)
        for survey, survey_answers in answers.filtered("partner_id.email").grouped("survey_id").items():
            invite = (
                self.env["survey.invite"]
                .sudo()
                .with_context(default_email_layout_xmlid="mail.mail_notification_light")
                .create({"survey_id": survey.id, "template_id": template.id if template else False})
            )
            for answer in survey_answers:
                invite._send_mail(answer)

    # --- reminders ------------------------------------------------------------

    def action_remind(self):
        """Send the invitation again to those who have not answered."""
        self.check_access("write")
        self._check_state(("running",), self.env._("Only a running campaign sends reminders (%(campaign)s)."))
        for campaign in self:
            pending = campaign.sudo().user_input_ids.filtered(lambda answer: answer.state != "done")
            campaign._send_invitations(pending)
            campaign.date_reminded = fields.Datetime.now()
            campaign.message_post(body=self.env._("Reminder sent to %(count)s participants.", count=len(pending)))
        return True

    @api.model
    def _cron_remind(self):
        """Weekly reminders of the running campaigns whose period has not ended."""
        today = fields.Date.context_today(self)
        for campaign in self.sudo().search([("state", "=", "running"), ("date_to", ">=", today)]):
            campaign.action_remind()

    # --- closing --------------------------------------------------------------

    def action_close(self):
        """Queue the computation of the indicators: a municipality's campaign
        reads tens of thousands of answers and meetings."""
        self.check_access("write")
        self._check_state(("running",), self.env._("Only a running campaign can be closed (%(campaign)s)."))
        Progress = self.env["mentorship.monitoring.progress"].sudo()
        for campaign in self:
            Progress.search([("monitoring_id", "=", campaign.id)]).unlink()
            Progress.create({"monitoring_id": campaign.id})
            campaign.write({"state": "closing", "close_error": False})
            job = campaign.with_delay(
                description=self.env._("Closing of the campaign %(campaign)s", campaign=campaign.display_name)
            )._close()
            campaign.job_uuid = job.uuid
        return True

    def _close(self):
        """The job: compute and store the indicators, or go back to running
        with the reason. Run again, it stores the same indicators. The
        chatter is written in the language of the user who closes."""
        self.ensure_one()
        self = self.with_context(lang=self.env.user.lang)  # noqa: PLW0642
        if self.state not in ("closing", "closed"):
            return
        try:
            with self.env.cr.savepoint():
                self.env["mentorship.monitoring.indicator"]._compute_campaign(self)
        except Exception as error:  # the user reads why on the campaign; nothing was stored
            _logger.info("Closing of campaign %s failed", self.id, exc_info=True)
            self.write({"state": "running", "close_error": str(error)})
            return
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        self.message_post(body=self.env._("Campaign closed: the indicators are computed."))

    def _report_progress(self, percent):
        """Show the progress at once, in a transaction of its own, when run as
        a job (the demo data closes its campaign while the tables are being
        created: another transaction would not see them)."""
        if not self.env.context.get("job_uuid"):
            return
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE mentorship_monitoring_progress SET percent = %s WHERE monitoring_id = %s", [percent, self.id]
            )

    def action_refresh(self):
        """Reload the form to show the job's progress."""
        return True

    def action_cancel(self):
        self.check_access("write")
        self._check_state(("draft", "running"), self.env._("Only a draft or running campaign can be cancelled."))
        self.write({"state": "cancelled"})
        return True

    # --- navigation -----------------------------------------------------------

    def action_view_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_survey_user_input_action")
        action.update({"domain": [("mentorship_monitoring_id", "=", self.id)], "context": {"create": False}})
        return action

    def action_view_indicators(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.action_mentorship_monitoring_indicator")
        action["domain"] = [("monitoring_id", "=", self.id)]
        action["context"] = {"search_default_level_form": 1}
        return action
