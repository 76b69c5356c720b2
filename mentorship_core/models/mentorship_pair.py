from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from ..tools import check_not_blank
from .calendar_event import MEETING_TYPES

KINDS = [
    ("traditional", "Traditional (one to one)"),
    ("group", "Group"),
    ("virtual", "Virtual (remote)"),
    ("short_term", "Short-term (goal setting)"),
    ("reverse", "Reverse"),
    ("situational", "Situational"),
    ("speed", "Speed (one meeting)"),
    ("peer", "Peer"),
]
FIRST_MEETINGS = ["organisational", "trial", "planning"]
DEFAULT_ATTENTION_DAYS = 30
# what only the working group decides: the stage, the approving order and why
CURATOR_FIELDS = frozenset({"stage_id", "order_number", "order_date", "training_override_reason", "dissolution_reason"})
FORMING_STATES = ("candidate", "matching", "agreement")
FINISHED_STATES = ("completed", "dissolved")
# the states a pair may come from into each state of the pipeline: a finished pair is never reopened
ALLOWED_MOVES = {
    **dict.fromkeys(FORMING_STATES, FORMING_STATES),
    "approved": ("matching", "agreement"),
    "working": ("approved",),
    "completed": ("working",),
    "dissolved": (*FORMING_STATES, "approved", "working"),
}


class MentorshipPair(models.Model):
    """A mentorship pair or group: one mentor and one or more mentees."""

    _name = "mentorship.pair"
    _description = "Mentorship Pair or Group"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, sequence, id desc"
    _check_company_auto = True

    ACTIVE_STATES = ["candidate", "matching", "agreement", "approved", "working"]
    RUNNING_STATES = ["approved", "working"]

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    sequence = fields.Integer(default=10)
    priority = fields.Selection([("0", "Normal"), ("1", "Important")], default="0")
    color = fields.Integer()
    program_id = fields.Many2one("mentorship.program", required=True, index=True, tracking=True, ondelete="restrict")
    form_id = fields.Many2one(related="program_id.form_id", store=True, index=True)
    company_id = fields.Many2one(related="program_id.company_id", store=True, index=True)
    curator_id = fields.Many2one(related="program_id.curator_id")
    role_model_id = fields.Many2one("mentorship.role.model", tracking=True, domain="[('form_id', '=', form_id)]")
    kind = fields.Selection(KINDS, default="traditional", required=True, tracking=True)
    mentor_id = fields.Many2one("mentorship.mentor", tracking=True, index=True)
    mentor_user_id = fields.Many2one(related="mentor_id.user_id", store=True, index=True, string="Mentor User")
    mentee_ids = fields.Many2many(
        "mentorship.mentee",
        "mentorship_pair_mentee_rel",
        "pair_id",
        "mentee_id",
        string="Mentees",
        check_company=True,
    )
    stage_id = fields.Many2one(
        "mentorship.pair.stage",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        default=lambda self: self.env["mentorship.pair.stage"].search([], limit=1),
        group_expand="_read_group_expand_full",
    )
    state = fields.Selection(related="stage_id.state", store=True, index=True)
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    order_number = fields.Char(string="Order No.", tracking=True, copy=False)
    order_date = fields.Date(tracking=True, copy=False)
    training_override_reason = fields.Text(
        string="Untrained Mentor Approved Because",
        tracking=True,
        copy=False,
        help="Filled by the curator to approve a mentor who has not been trained yet.",
    )
    dissolution_reason = fields.Text(tracking=True, copy=False)
    meeting_ids = fields.One2many("calendar.event", "mentorship_pair_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_stats")
    held_meeting_count = fields.Integer(compute="_compute_meeting_stats", string="Held Meetings")
    last_meeting_date = fields.Datetime(compute="_compute_last_meeting_date", store=True, string="Last Held Meeting")
    next_meeting_type = fields.Selection(MEETING_TYPES, compute="_compute_next_meeting_type")
    plan_ids = fields.One2many("mentorship.plan", "pair_id", string="Personal Plans")
    plan_count = fields.Integer(compute="_compute_plan_count")
    matching_line_id = fields.Many2one(
        "mentorship.matching.line",
        string="Matching Proposal",
        index="btree_not_null",
        copy=False,
        readonly=True,
        groups="mentorship_core.group_mentorship_curator",
    )
    matching_score = fields.Float(related="matching_line_id.score", string="Matching Score")
    matching_explanation = fields.Char(related="matching_line_id.explanation", string="Why This Mentor")
    matching_state = fields.Selection(related="matching_line_id.state", string="Proposal Status")

    # --- computes -----------------------------------------------------------

    @api.depends("mentor_id.partner_id.name", "mentee_ids.partner_id.name")
    def _compute_name(self):
        """Stored for search; built from names only, so it reads the same in
        every language."""
        for pair in self:
            names = [*pair.mentor_id.partner_id.mapped("name"), ", ".join(pair.mentee_ids.partner_id.mapped("name"))]
            pair.name = " – ".join(name for name in names if name)

    @api.depends("meeting_ids.mentorship_is_held")
    def _compute_meeting_stats(self):
        stats = {
            (pair, held): count
            for pair, held, count in self.env["calendar.event"]._read_group(
                [("mentorship_pair_id", "in", self.ids)],
                ["mentorship_pair_id", "mentorship_is_held"],
                ["__count"],
            )
        }
        for pair in self:
            pair.held_meeting_count = stats.get((pair, True), 0)
            pair.meeting_count = pair.held_meeting_count + stats.get((pair, False), 0)

    @api.depends("meeting_ids.mentorship_is_held", "meeting_ids.start")
    def _compute_last_meeting_date(self):
        last = dict(
            self.env["calendar.event"]._read_group(
                [("mentorship_pair_id", "in", self.ids), ("mentorship_is_held", "=", True)],
                ["mentorship_pair_id"],
                ["start:max"],
            )
        )
        for pair in self:
            pair.last_meeting_date = last.get(pair, False)

    @api.depends("meeting_ids.mentorship_is_held", "meeting_ids.mentorship_meeting_type")
    def _compute_next_meeting_type(self):
        for pair in self:
            held = set(pair.meeting_ids.filtered("mentorship_is_held").mapped("mentorship_meeting_type"))
            pair.next_meeting_type = next((kind for kind in FIRST_MEETINGS if kind not in held), "regular")

    def _compute_plan_count(self):
        counts = dict(self.env["mentorship.plan"]._read_group([("pair_id", "in", self.ids)], ["pair_id"], ["__count"]))
        for pair in self:
            pair.plan_count = counts.get(pair, 0)

    # --- rules --------------------------------------------------------------

    def write(self, vals):
        self._check_curator_fields(vals)
        if "stage_id" in vals:
            self._check_move(self.env["mentorship.pair.stage"].browse(vals["stage_id"]).state)
        return super().write(vals)

    def _check_move(self, state):
        """The pipeline's order holds for every path (kanban, buttons, RPC):
        approved by order from Matching or Agreement, working once approved,
        completed once working, and a finished pair stays finished."""
        wrong = self.filtered(lambda pair: pair.state != state and pair.state not in ALLOWED_MOVES[state])
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "The pair %(pair)s is %(current)s and cannot move to %(target)s.",
                    pair=wrong[0].display_name,
                    current=states[wrong[0].state],
                    target=states[state],
                )
            )

    def _check_curator_fields(self, vals):
        """Staff mentors work on their pairs, but only the working group moves
        them through the pipeline, approves and dissolves them."""
        if self.env.su or self.env.user.has_group("mentorship_core.group_mentorship_curator"):
            return
        protected = sorted(CURATOR_FIELDS & vals.keys())
        if protected:
            raise AccessError(
                self.env._(
                    "Only a curator changes the stage, the approving order, the training exception and the "
                    "dissolution of a pair (%(fields)s).",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in protected),
                )
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pair in self:
            if pair.date_start and pair.date_end and pair.date_end < pair.date_start:
                raise ValidationError(
                    self.env._("The pair %(pair)s cannot end before it starts.", pair=pair.display_name)
                )

    @api.constrains("order_number", "training_override_reason", "dissolution_reason")
    def _check_texts_not_blank(self):
        check_not_blank(self, ["order_number", "training_override_reason", "dissolution_reason"])

    @api.constrains("stage_id", "dissolution_reason")
    def _check_dissolution_reason(self):
        for pair in self:
            if pair.state == "dissolved" and not pair.dissolution_reason:
                raise ValidationError(
                    self.env._('Give the reason to dissolve the pair %(pair)s: use "Dissolve".', pair=pair.display_name)
                )

    @api.constrains("mentor_id", "mentee_ids", "program_id")
    def _check_categories_allowed_by_form(self):
        for pair in self:
            form = pair.form_id
            mentor_category = pair.mentor_id.category_id
            if pair.mentor_id and form.mentor_category_ids and mentor_category not in form.mentor_category_ids:
                raise ValidationError(
                    self.env._(
                        "The form %(form)s does not allow mentors of the category %(category)s.",
                        form=form.display_name,
                        category=mentor_category.display_name or self.env._("(none)"),
                    )
                )
            refused = pair.mentee_ids.filtered(
                lambda mentee: form.mentee_category_ids and mentee.category_id not in form.mentee_category_ids
            )
            if refused:
                raise ValidationError(
                    self.env._(
                        "The form %(form)s does not allow mentees of the category %(category)s (%(mentee)s).",
                        form=form.display_name,
                        category=refused[0].category_id.display_name or self.env._("(none)"),
                        mentee=refused[0].display_name,
                    )
                )

    @api.constrains("mentor_id", "program_id")
    def _check_mentor_organisation(self):
        for pair in self:
            mentor = pair.mentor_id
            if mentor and pair.company_id not in mentor.company_id | mentor.shared_company_ids:
                raise ValidationError(
                    self.env._(
                        "The mentor %(mentor)s belongs to %(mentor_company)s, which has not shared them with "
                        "%(company)s.",
                        mentor=mentor.display_name,
                        mentor_company=mentor.company_id.display_name,
                        company=pair.company_id.display_name,
                    )
                )

    @api.constrains("kind", "mentee_ids")
    def _check_mentee_count(self):
        for pair in self:
            count = len(pair.mentee_ids)
            if pair.kind == "group" and count < 2:
                raise ValidationError(self.env._("A group needs two or more mentees."))
            if pair.kind == "traditional" and count != 1:
                raise ValidationError(self.env._("A one-to-one (traditional) pair has exactly one mentee."))
            if not count:
                raise ValidationError(self.env._("A pair needs at least one mentee."))

    @api.constrains("mentor_id", "mentee_ids")
    def _check_parent_not_mentor_of_child(self):
        for pair in self:
            mentor_partner = pair.mentor_id.partner_id
            # guardians are personal data of minors: read them whoever checks
            child = pair.mentee_ids.filtered(
                lambda mentee: mentor_partner and mentor_partner in mentee.partner_id.sudo().mentorship_guardian_ids
            )
            if child:
                raise ValidationError(
                    self.env._(
                        "%(parent)s is a parent or guardian of %(child)s and cannot be their mentor.",
                        parent=mentor_partner.display_name,
                        child=child[0].display_name,
                    )
                )

    @api.constrains("mentor_id", "mentee_ids")
    def _check_excluded_mentor(self):
        for pair in self:
            refusing = pair.mentee_ids.filtered(lambda mentee: pair.mentor_id in mentee.excluded_mentor_ids)
            if pair.mentor_id and refusing:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s asked to replace the mentor %(mentor)s, who cannot be paired with them again.",
                        mentee=refusing[0].display_name,
                        mentor=pair.mentor_id.display_name,
                    )
                )

    @api.constrains("stage_id", "mentor_id", "mentee_ids", "order_number", "training_override_reason")
    def _check_approval(self):
        """Pairs in Approved and Working passed the rules of approval."""
        running = self.filtered(lambda pair: pair.state in self.RUNNING_STATES)
        for pair in running:
            pair._check_approved_by_order()
            pair._check_mentor_trained()
        # a guardian link recorded after the pair was formed counts too
        running._check_parent_not_mentor_of_child()
        running._check_consents()
        running.mentor_id._check_capacity()

    def _check_approved_by_order(self):
        if not self.mentor_id:
            raise ValidationError(self.env._("The pair %(pair)s has no mentor yet.", pair=self.display_name))
        if not (self.order_number and self.order_date):
            raise ValidationError(
                self.env._(
                    'The pair %(pair)s is approved by an order: use "Approve by Order" with its number and date.',
                    pair=self.display_name,
                )
            )

    def _check_mentor_trained(self):
        if not self.mentor_id.is_trained and not (self.training_override_reason or "").strip():
            raise ValidationError(
                self.env._(
                    "The mentor %(mentor)s has not been trained yet. Record their training, or give the reason "
                    "to approve them anyway.",
                    mentor=self.mentor_id.display_name,
                )
            )

    def _check_consents(self):
        participants = self.mentor_id.partner_id | self.mentee_ids.partner_id
        missing = self.env["mentorship.consent"]._partners_without_consent(participants)
        if missing:
            minors = missing.filtered("mentorship_is_minor")
            raise ValidationError(
                self.env._(
                    "These participants have no valid personal-data consent: %(names)s. "
                    "A minor's consent is signed by a parent or legal guardian.",
                    names=", ".join(missing.mapped("display_name")),
                )
                if minors
                else self.env._(
                    "These participants have no valid personal-data consent: %(names)s.",
                    names=", ".join(missing.mapped("display_name")),
                )
            )

    # --- tracking -----------------------------------------------------------

    def _message_track(self, fields_iter, initial_values_dict):
        """Log the tracking messages of all the pairs written together in one
        batch, where ``mail.thread`` logs them one by one: approving or moving
        hundreds of pairs costs the queries of one. Pairs have no tracking
        subtype, so every change is a logged note, as in ``mail.thread``."""
        if not fields_iter:
            return {}
        tracked_fields = self.fields_get(fields_iter, attributes=("string", "type", "selection", "currency_field"))
        records = self.exists()
        tracking = {record.id: record._mail_track(tracked_fields, initial_values_dict[record.id]) for record in records}
        bodies = self.env.cr.precommit.data.pop(f"mail.tracking.message.{self._name}", {})
        authors = self.env.cr.precommit.data.pop(f"mail.tracking.author.{self._name}", {})
        logged_by_author = defaultdict(list)
        for record in records:
            if tracking[record.id][1]:
                logged_by_author[authors.get(record.id)].append(record.id)
        for author, ids in logged_by_author.items():
            logged = self.browse(ids)
            messages = logged._message_log_batch(
                {
                    record.id: bodies[record.id]
                    if record.id in bodies
                    else record._track_get_default_log_message(tracking[record.id][0])
                    for record in logged
                },
                author_id=author.id if author else None,
            )
            self.env["mail.tracking.value"].sudo().create(
                [
                    {**values, "mail_message_id": message.id}
                    for record, message in zip(logged, messages, strict=True)
                    for _command, _id, values in tracking[record.id][1]
                ]
            )
        return tracking

    # --- actions ------------------------------------------------------------

    def _move_to_state(self, state, **values):
        self.write({"stage_id": self.env["mentorship.pair.stage"]._for_state(state).id, **values})

    def _approve_by_order(self, order_number, order_date):
        """Approve the pairs by the order "On the approval of mentorship pairs
        and groups" at once: a pair without a start date starts on the order's
        date; one note on each pair, and the order, listing its pairs, on each
        program; the queries do not grow with the number of pairs."""
        not_ready = self.filtered(lambda pair: pair.state not in ("matching", "agreement"))
        if not_ready:
            raise UserError(
                self.env._(
                    "Only pairs in Matching or Agreement can be approved; %(pair)s is not.",
                    pair=not_ready[0].display_name,
                )
            )
        undated = self.filtered(lambda pair: not pair.date_start)
        (self - undated)._move_to_state("approved", order_number=order_number, order_date=order_date)
        undated._move_to_state("approved", order_number=order_number, order_date=order_date, date_start=order_date)
        date = format_date(self.env, order_date)
        note = self.env._("Approved by order No. %(number)s of %(date)s.", number=order_number, date=date)
        self._message_log_batch(dict.fromkeys(self.ids, note))
        for program, program_pairs in self.grouped("program_id").items():
            title = self.env._(
                "Order No. %(number)s of %(date)s approved %(count)s pair(s) and group(s) of this program:",
                number=order_number,
                date=date,
                count=len(program_pairs),
            )
            items = Markup().join(Markup("<li>%s</li>") % name for name in program_pairs.mapped("display_name"))
            program.message_post(body=Markup("<p>%s</p><ul>%s</ul>") % (title, items))

    def _finish(self, state, **values):
        """Move to Completed or Dissolved: the pair ends today, or on its end
        date if that came first; what is dated later is no evidence of it."""
        today = fields.Date.context_today(self)
        for pair in self:
            end = min(pair.date_end or today, today)
            pair._move_to_state(state, date_end=max(end, pair.date_start or end), **values)

    def _dissolve(self, reason):
        finished = self.filtered(lambda pair: pair.state in FINISHED_STATES)
        if finished:
            raise UserError(self.env._("The pair %(pair)s is already finished.", pair=finished[0].display_name))
        self._finish("dissolved", dissolution_reason=reason)
        for pair in self:
            pair.message_post(body=reason)

    def action_start_work(self):
        self._move_to_state("working")
        return True

    def action_complete(self):
        self._finish("completed")
        return True

    def action_open_dissolve_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dissolve"),
            "res_model": "mentorship.pair.dissolve.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pair_ids": self.ids},
        }

    def action_open_approve_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve by Order"),
            "res_model": "mentorship.pair.approve.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pair_ids": self.ids},
        }

    def action_matching_accept(self):
        self.matching_line_id.action_accept()
        return True

    def action_matching_reject(self):
        return self.matching_line_id.action_open_reject_wizard()

    def action_matching_swap(self):
        self.ensure_one()
        return self.matching_line_id.action_open_swap_wizard()

    def action_view_meetings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_meeting_action")
        action["domain"] = [("mentorship_pair_id", "=", self.id)]
        action["context"] = {
            "default_mentorship_pair_id": self.id,
            "default_mentorship_meeting_type": self.next_meeting_type,
            "default_partner_ids": (self.mentor_id.partner_id | self.mentee_ids.partner_id).ids,
        }
        return action

    def action_view_plans(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_plan_action")
        action["domain"] = [("pair_id", "=", self.id)]
        action["context"] = {"default_pair_id": self.id}
        return action

    # --- readiness for approval -------------------------------------------------

    form_mentor_category_ids = fields.Many2many(related="form_id.mentor_category_ids")
    readiness_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_readiness", string="Participants' Consents"
    )
    mentor_is_trained = fields.Boolean(related="mentor_id.is_trained", string="Mentor Trained")
    mentor_free_capacity = fields.Integer(related="mentor_id.free_capacity", string="Free Places of the Mentor")
    readiness_capacity_ok = fields.Boolean(compute="_compute_readiness", string="Mentor Has Room")
    readiness_ok = fields.Boolean(compute="_compute_readiness", string="Ready for Approval")

    @api.depends(
        "state",
        "mentor_id.partner_id",
        "mentee_ids.partner_id",
        "mentor_id.is_trained",
        "mentor_id.free_capacity",
        "training_override_reason",
    )
    def _compute_readiness(self):
        """What approval will check (consents, training, capacity), shown
        before the curator tries."""
        participants = self.mentor_id.partner_id | self.mentee_ids.partner_id
        missing = self.env["mentorship.consent"]._partners_without_consent(participants)
        for pair in self:
            pair.readiness_partner_ids = pair.mentor_id.partner_id | pair.mentee_ids.partner_id
            pair.readiness_capacity_ok = bool(pair.mentor_id) and (
                pair.state in self.RUNNING_STATES or pair.mentor_id.free_capacity >= len(pair.mentee_ids)
            )
            trained = pair.mentor_id.is_trained or bool((pair.training_override_reason or "").strip())
            pair.readiness_ok = pair.readiness_capacity_ok and trained and not (pair.readiness_partner_ids & missing)

    def action_open_mentor(self):
        """The mentor's profile, where the curator records a training or
        changes the capacity."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentorship.mentor",
            "res_id": self.mentor_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # --- meetings from the pair -------------------------------------------

    def _meeting_subject(self, meeting_type):
        subjects = {
            "organisational": self.env._("Organisational meeting: %(pair)s", pair=self.name),
            "trial": self.env._("Trial meeting: %(pair)s", pair=self.name),
            "planning": self.env._("Planning meeting: %(pair)s", pair=self.name),
            "regular": self.env._("Regular meeting: %(pair)s", pair=self.name),
            "final": self.env._("Final meeting: %(pair)s", pair=self.name),
        }
        return subjects[meeting_type]

    def action_schedule_meeting(self):
        """A new meeting of the pair: its participants, the type the sequence
        suggests and a subject, in the meetings' own form."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_meeting_action")
        meeting_type = self.next_meeting_type
        action.update(
            {
                "views": [(self.env.ref("mentorship_core.calendar_event_view_form_mentorship").id, "form")],
                "view_mode": "form",
                "target": "current",
                "context": {
                    "default_mentorship_pair_id": self.id,
                    "default_mentorship_meeting_type": meeting_type,
                    "default_name": self._meeting_subject(meeting_type),
                    "default_partner_ids": (self.mentor_id.partner_id | self.mentee_ids.partner_id).ids,
                },
            }
        )
        return action
