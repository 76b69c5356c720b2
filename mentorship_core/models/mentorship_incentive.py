from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import check_not_blank, format_month
from .mentorship_incentive_rule import AWARD_KINDS, HR_GROUP, INCENTIVE_KINDS, PAYMENT_KINDS

_lt = LazyTranslate(__name__)
CURATOR_GROUP = "mentorship_core.group_mentorship_curator"
STATES = [
    ("draft", "Draft"),
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("exported", "Exported"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]
EDITABLE_STATES = ("draft", "proposed")
# written by the steps of the workflow and by the generation only, never by hand
SYSTEM_FIELDS = frozenset(
    {
        "state",
        "batch_id",
        "proposed_by_id",
        "approved_by_id",
        "approved_date",
        "rule_id",
        "reversed_incentive_id",
        "meeting_ids",
        "held_meeting_count",
        "mentee_count",
        "plan_progress",
        "satisfaction",
        "wage",
        "amount_before_cap",
    }
)
AWARD_DOCUMENTS = (
    _lt("Submission for the award (award sheet)"),
    _lt("Reference from the place of work"),
    _lt("Extract from the minutes of the teachers' council"),
    _lt("Record of employment"),
    _lt("Consent to the processing of personal data"),
)


class MentorshipIncentive(models.Model):
    """An incentive of a mentor: a payment (staff mentors only) or a
    non-material recognition, for a period, with the evidence behind it and
    its basis. It moves draft → proposed (curator) → approved (HR officer or
    director) → exported (in a payroll batch) → paid, or is cancelled; an
    exported payment is never changed again, only reversed."""

    _name = "mentorship.incentive"
    _description = "Mentor Incentive"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    mentor_id = fields.Many2one("mentorship.mentor", required=True, index=True, tracking=True, ondelete="restrict")
    mentor_user_id = fields.Many2one(related="mentor_id.user_id", store=True, index=True, string="Mentor User")
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        tracking=True,
        help="Payments go to staff mentors: the employee record of the mentor.",
    )
    personnel_number = fields.Char(
        compute="_compute_personnel_number", store=True, readonly=False, groups=HR_GROUP, tracking=True
    )
    kind = fields.Selection(
        INCENTIVE_KINDS, string="Incentive Kind", required=True, default="stimulating", tracking=True
    )
    category = fields.Selection(
        [("payment", "Payment"), ("recognition", "Non-Material Recognition")],
        compute="_compute_category",
        store=True,
    )
    description = fields.Text(string="For What", help="What the mentor is rewarded for; printed on the letter.")
    date_from = fields.Date(string="Period From", required=True, index=True, tracking=True)
    date_to = fields.Date(string="Period To", required=True, tracking=True)
    period_name = fields.Char(string="Period", compute="_compute_period_name")
    accrual_code = fields.Char(tracking=True)
    amount = fields.Monetary(tracking=True, groups=HR_GROUP)
    my_amount = fields.Monetary(
        string="Amount to Me", compute="_compute_my_amount", help="The amount, shown to the mentor it is paid to."
    )
    pair_ids = fields.Many2many(
        "mentorship.pair", "mentorship_incentive_pair_rel", "incentive_id", "pair_id", string="Pairs"
    )
    program_id = fields.Many2one("mentorship.program", compute="_compute_program_id", store=True, readonly=False)
    # the basis: local act and clause, and the order on incentives
    basis = fields.Char(string="Local Act and Clause", tracking=True)
    order_number = fields.Char(string="Order No.", tracking=True, copy=False)
    order_date = fields.Date(tracking=True, copy=False)
    # the evidence, written by the generation from the rules
    rule_id = fields.Many2one("mentorship.incentive.rule", index="btree_not_null", readonly=True, ondelete="restrict")
    # the generation writes the evidence of its accruals; an incentive made by hand reads it from its pairs
    meeting_ids = fields.Many2many(
        "calendar.event",
        "mentorship_incentive_meeting_rel",
        "incentive_id",
        "event_id",
        string="Held Meetings",
        compute="_compute_pair_evidence",
        store=True,
    )
    held_meeting_count = fields.Integer(
        string="Held Meetings in the Period", compute="_compute_pair_evidence", store=True
    )
    mentee_count = fields.Integer(string="Number of Mentees", compute="_compute_pair_evidence", store=True)
    plan_progress = fields.Float(string="Plan Progress (%)", readonly=True)
    satisfaction = fields.Float(string="Satisfaction (%)", readonly=True)
    wage = fields.Monetary(readonly=True, groups=HR_GROUP, help="The wage of the employee the percentage was taken of.")
    amount_before_cap = fields.Monetary(readonly=True, groups=HR_GROUP)
    is_capped = fields.Boolean(string="Reduced by a Cap", readonly=True)
    evidence_summary = fields.Char(string="Evidence Found", compute="_compute_evidence_summary")
    # the workflow
    state = fields.Selection(STATES, default="draft", required=True, index=True, tracking=True, copy=False)
    proposed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Date(readonly=True, copy=False)
    batch_id = fields.Many2one(
        "mentorship.incentive.batch", string="Payroll Batch", index="btree_not_null", readonly=True, copy=False,
        groups=HR_GROUP, ondelete="restrict",
    )  # fmt: skip
    reversed_incentive_id = fields.Many2one(
        "mentorship.incentive",
        string="Reverses",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The exported payment this line cancels with a negative amount.",
    )
    reversal_ids = fields.One2many("mentorship.incentive", "reversed_incentive_id", string="Reversals")
    reversal_reason = fields.Text(readonly=True, copy=False)
    document_ids = fields.One2many("mentorship.incentive.document", "incentive_id", string="Documents", copy=True)
    documents_complete = fields.Boolean(compute="_compute_documents_complete")
    is_award = fields.Boolean(compute="_compute_kind_flags")
    is_printable = fields.Boolean(compute="_compute_kind_flags")
    note = fields.Html()

    _dates_ordered = models.Constraint("CHECK(date_from <= date_to)", "A period cannot end before it starts.")
    _one_per_rule_mentor_period = models.UniqueIndex(
        "(rule_id, mentor_id, date_from) WHERE rule_id IS NOT NULL",
        "A rule gives a mentor one incentive per period.",
    )
    _one_reversal = models.UniqueIndex(
        "(reversed_incentive_id) WHERE reversed_incentive_id IS NOT NULL",
        "A payment is reversed once.",
    )

    # --- computes -----------------------------------------------------------

    @api.depends("mentor_id")
    def _compute_employee_id(self):
        for incentive in self:
            incentive.employee_id = incentive.mentor_id.employee_id

    @api.depends("employee_id")
    def _compute_personnel_number(self):
        """A copy taken when the employee is set: the exported file shows the
        number the payment was made under, whatever happens to it later."""
        for incentive in self:
            incentive.personnel_number = incentive.employee_id.mentorship_personnel_number

    @api.depends("kind")
    def _compute_category(self):
        payment_kinds = dict(PAYMENT_KINDS)
        for incentive in self:
            incentive.category = "payment" if incentive.kind in payment_kinds else "recognition"

    @api.depends("kind")
    def _compute_kind_flags(self):
        for incentive in self:
            incentive.is_award = incentive.kind in AWARD_KINDS
            incentive.is_printable = incentive.kind in ("thank_you_letter", "certificate")

    @api.depends("pair_ids")
    def _compute_program_id(self):
        for incentive in self:
            programs = incentive.pair_ids.program_id
            incentive.program_id = programs if len(programs) == 1 else incentive.program_id

    @api.depends_context("uid")
    @api.depends("mentor_user_id")
    def _compute_my_amount(self):
        sees_all = self.env.user.has_group(HR_GROUP)
        for incentive in self:
            mine = sees_all or incentive.mentor_user_id == self.env.user
            incentive.my_amount = incentive.sudo().amount if mine else 0.0

    @api.depends("date_from")
    def _compute_period_name(self):
        for incentive in self:
            incentive.period_name = format_month(self.env, incentive.date_from)

    @api.depends("pair_ids", "date_from", "date_to", "rule_id")
    def _compute_pair_evidence(self):
        """The meetings of the pairs held in the period (confirmed by both
        sides) and their mentees, for an incentive made by hand, such as a
        thank-you letter; the generation's own evidence is kept as it wrote it.
        One search per period, whatever the number of incentives."""
        by_hand = self.filtered(lambda incentive: not incentive.rule_id)
        for incentive in self - by_hand:
            incentive.meeting_ids = incentive.meeting_ids
            incentive.held_meeting_count = incentive.held_meeting_count
            incentive.mentee_count = incentive.mentee_count
        Events = self.env["calendar.event"].sudo()
        for (date_from, date_to), incentives in by_hand.grouped(lambda i: (i.date_from, i.date_to)).items():
            pairs = incentives.pair_ids._origin.sudo()
            held = Events
            if pairs and date_from and date_to:
                start, stop = self.env["mentorship.incentive.generation"]._utc_bounds(date_from, date_to)
                held = Events.search(
                    [
                        ("mentorship_pair_id", "in", pairs.ids),
                        ("mentorship_is_held", "=", True),
                        ("start", ">=", start),
                        ("start", "<", stop),
                    ]
                )
            for incentive in incentives:
                own_pairs = incentive.pair_ids._origin.sudo()
                meetings = held.filtered(lambda meeting, own_pairs=own_pairs: meeting.mentorship_pair_id in own_pairs)
                incentive.meeting_ids = meetings
                incentive.held_meeting_count = len(meetings)
                incentive.mentee_count = len(own_pairs.mentee_ids)

    @api.depends("document_ids.is_provided")
    def _compute_documents_complete(self):
        for incentive in self:
            incentive.documents_complete = all(incentive.document_ids.mapped("is_provided"))

    @api.depends("held_meeting_count", "pair_ids", "plan_progress", "satisfaction", "rule_id", "is_capped")
    def _compute_evidence_summary(self):
        for incentive in self:
            parts = []
            if incentive.held_meeting_count:
                parts.append(
                    self.env._(
                        "%(meetings)s held meeting(s) in %(pairs)s pair(s)",
                        meetings=incentive.held_meeting_count,
                        pairs=len(incentive.pair_ids),
                    )
                )
            if incentive.rule_id.rule_type == "plan_completed" or incentive.plan_progress:
                parts.append(self.env._("plan %(progress)s%%", progress=round(incentive.plan_progress)))
            if incentive.rule_id.survey_id:
                parts.append(self.env._("satisfaction %(score)s%%", score=round(incentive.satisfaction)))
            if incentive.is_capped:
                parts.append(self.env._("reduced by the cap"))
            incentive.evidence_summary = "; ".join(parts)

    @api.depends("kind", "mentor_id", "period_name", "reversed_incentive_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for incentive in self:
            name = f"{kinds.get(incentive.kind, '')} – {incentive.mentor_id.display_name or ''}"
            if incentive.period_name:
                name += f" ({incentive.period_name})"
            if incentive.reversed_incentive_id:
                name = self.env._("Reversal: %(name)s", name=name)
            incentive.display_name = name

    # --- rules --------------------------------------------------------------

    @api.constrains("kind", "employee_id", "amount", "reversed_incentive_id")
    def _check_payment(self):
        for incentive in self.sudo():
            if incentive.category == "payment" and not incentive.employee_id:
                raise ValidationError(
                    self.env._(
                        "Only staff mentors with an employee record receive payments: %(mentor)s has none. "
                        "Give them a thank-you letter or another non-material recognition.",
                        mentor=incentive.mentor_id.display_name,
                    )
                )
            if incentive.category == "recognition" and incentive.amount:
                raise ValidationError(self.env._("A non-material recognition carries no amount."))
            if incentive.reversed_incentive_id and incentive.amount >= 0:
                raise ValidationError(self.env._("A reversal line has a negative amount."))
            if not incentive.reversed_incentive_id and incentive.amount < 0:
                raise ValidationError(
                    self.env._("An amount cannot be negative: correct an exported payment with a reversal.")
                )

    @api.constrains("company_id", "pair_ids")
    def _check_pairs_of_the_organisation(self):
        for incentive in self:
            strangers = incentive.pair_ids.filtered(lambda pair: pair.company_id != incentive.company_id)
            if strangers:
                raise ValidationError(
                    self.env._(
                        "The pair %(pair)s belongs to another organisation than the incentive.",
                        pair=strangers[0].display_name,
                    )
                )

    @api.constrains("description", "basis", "order_number", "accrual_code")
    def _check_texts_not_blank(self):
        check_not_blank(self, ["description", "basis", "order_number", "accrual_code"])

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_system_fields(vals)
        incentives = super().create(vals_list)
        incentives.filtered("is_award")._add_award_checklist()
        return incentives

    def write(self, vals):
        if not self.env.su:
            self._check_system_fields(vals)
            self._check_editable(vals)
        result = super().write(vals)
        if "kind" in vals:
            self.filtered(lambda incentive: incentive.is_award and not incentive.document_ids)._add_award_checklist()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        kept = self.filtered(lambda incentive: incentive.state != "draft")
        if kept:
            raise UserError(
                self.env._(
                    "Only a draft incentive can be deleted; cancel %(incentive)s instead.",
                    incentive=kept[0].display_name,
                )
            )

    def _check_system_fields(self, vals):
        protected = sorted(SYSTEM_FIELDS & vals.keys())
        if protected:
            raise AccessError(
                self.env._(
                    "The state, the evidence and the batch of an incentive are set by its workflow and its "
                    "generation only (%(fields)s).",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in protected),
                )
            )

    def _check_editable(self, vals):
        if all(name.startswith(("message_", "activity_")) for name in vals):
            return
        locked = self.filtered(lambda incentive: incentive.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "%(incentive)s is %(state)s and can no longer be changed; an exported payment is corrected "
                    "with a reversal.",
                    incentive=locked[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                )
            )

    def _check_group(self, group, step):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "Only the %(group)s group may %(step)s.",
                    group=self.env.ref(group).name,
                    step=step,
                )
            )

    def _check_state(self, states, step):
        wrong = self.filtered(lambda incentive: incentive.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(incentive)s cannot be %(step)s in its state.",
                    incentive=wrong[0].display_name,
                    step=step,
                )
            )

    def _check_ready_to_approve(self):
        for incentive in self.sudo():
            if not (incentive.basis and incentive.order_number and incentive.order_date):
                raise ValidationError(
                    self.env._(
                        "%(incentive)s needs its basis: the local act and clause, and the number and date of the "
                        "order on incentives.",
                        incentive=incentive.display_name,
                    )
                )
            if incentive.category == "payment" and incentive.date_from > fields.Date.context_today(self):
                raise ValidationError(
                    self.env._(
                        "%(incentive)s is for a month that has not begun: a month is paid once it has begun.",
                        incentive=incentive.display_name,
                    )
                )
            if incentive.category == "payment" and incentive.amount <= 0:
                raise ValidationError(
                    self.env._("%(incentive)s has no amount to pay.", incentive=incentive.display_name)
                )
            if incentive.category == "payment" and not incentive.accrual_code:
                raise ValidationError(
                    self.env._("%(incentive)s needs the accrual code.", incentive=incentive.display_name)
                )
            if not incentive.documents_complete:
                raise ValidationError(
                    self.env._(
                        "The award nomination %(incentive)s misses documents: %(documents)s.",
                        incentive=incentive.display_name,
                        documents=", ".join(
                            incentive.document_ids.filtered(lambda doc: not doc.is_provided).mapped("name")
                        ),
                    )
                )

    def _check_not_own(self):
        """Four eyes on money: nobody approves, reverses or exports what is
        paid to them, whatever other roles they hold, on any path."""
        user = self.env.user
        own = self.sudo().filtered(
            lambda incentive: (
                user in incentive.mentor_id.user_id | incentive.employee_id.user_id
                or incentive.mentor_id.partner_id == user.partner_id
            )
        )
        if not own:
            return
        company = own[0].company_id
        others = self.env.ref(HR_GROUP).sudo().all_user_ids.filtered(lambda other: company in other.company_ids) - user
        if others:
            raise UserError(
                self.env._(
                    "Nobody approves, reverses or exports a payment to themselves: %(incentive)s goes to %(user)s. "
                    "It is for %(others)s to do.",
                    incentive=own[0].display_name,
                    user=user.name,
                    others=", ".join(others.mapped("name")),
                )
            )
        raise UserError(
            self.env._(
                "Nobody approves, reverses or exports a payment to themselves: %(incentive)s goes to %(user)s, "
                "and %(company)s has no other HR officer or director; an administrator gives another person "
                "these rights.",
                incentive=own[0].display_name,
                user=user.name,
                company=company.name,
            )
        )

    def _add_award_checklist(self):
        self.env["mentorship.incentive.document"].sudo().create(
            [
                {"incentive_id": incentive.id, "sequence": index, "name": self.env._(name)}
                for incentive in self
                for index, name in enumerate(AWARD_DOCUMENTS)
            ]
        )

    # --- workflow -----------------------------------------------------------

    def _set_state(self, state, **values):
        """Every step writes as the system, after checking who moves it."""
        self.sudo().write({"state": state, **values})

    def _track_finalize(self):
        """The chatter tracks the changes in the language of the user who
        made them, whatever the language of the program that called the
        step (the loader of the demo data, a script)."""
        return super(MentorshipIncentive, self.with_context(lang=self.env.user.lang))._track_finalize()

    def action_propose(self):
        """Propose the drafts, one or a whole selection of the list: each
        must be a draft the curator may change."""
        self._check_group(CURATOR_GROUP, self.env._("propose an incentive"))
        self.check_access("write")
        self._check_state(("draft",), self.env._("proposed"))
        self._set_state("proposed", proposed_by_id=self.env.uid)
        return True

    def action_return_to_draft(self):
        if not self.env.user.has_group(HR_GROUP):
            self._check_group(CURATOR_GROUP, self.env._("return an incentive to draft"))
        self._check_state(("proposed",), self.env._("returned to draft"))
        self._set_state("draft")
        return True

    def _approve(self, order_number, order_date):
        self._check_group(HR_GROUP, self.env._("approve an incentive"))
        self._check_state(("proposed",), self.env._("approved"))
        self._check_not_own()
        self.write({"order_number": order_number, "order_date": order_date})
        self._check_ready_to_approve()
        self._set_state("approved", approved_by_id=self.env.uid, approved_date=fields.Date.context_today(self))

    def action_open_approve_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve by Order"),
            "res_model": "mentorship.incentive.approve.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_incentive_ids": self.ids},
        }

    def action_cancel(self):
        self._check_state(("draft", "proposed", "approved"), self.env._("cancelled"))
        if any(incentive.state == "approved" for incentive in self):
            self._check_group(HR_GROUP, self.env._("cancel an approved incentive"))
        elif not self.env.user.has_group(HR_GROUP):
            self._check_group(CURATOR_GROUP, self.env._("cancel an incentive"))
        in_batch = self.sudo().filtered("batch_id")
        if in_batch:
            raise UserError(
                self.env._(
                    "%(incentive)s is in the payroll batch %(batch)s: remove it from the batch first.",
                    incentive=in_batch[0].display_name,
                    batch=in_batch[0].batch_id.display_name,
                )
            )
        self._set_state("cancelled")
        return True

    def action_open_reverse_wizard(self):
        self.ensure_one()
        self._check_group(HR_GROUP, self.env._("reverse a payment"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reverse Payment"),
            "res_model": "mentorship.incentive.reverse.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_incentive_id": self.id},
        }

    def _reverse(self, reason):
        """The correction of an exported payment: a negative line pointing to
        it, approved at once, that the next payroll batch takes."""
        self.ensure_one()
        self._check_group(HR_GROUP, self.env._("reverse a payment"))
        self._check_state(("exported", "paid"), self.env._("reversed"))
        self._check_not_own()
        if self.reversal_ids:
            raise UserError(self.env._("%(incentive)s is already reversed.", incentive=self.display_name))
        # the reversal's name and the message in the language of the HR officer who reverses
        original = self.sudo().with_context(lang=self.env.user.lang)
        reversal = original.copy(
            {
                "amount": -original.amount,
                "reversed_incentive_id": original.id,
                "rule_id": False,
                "reversal_reason": reason,
                "order_number": original.order_number,
                "order_date": original.order_date,
                "personnel_number": original.personnel_number,
                "pair_ids": original.pair_ids.ids,
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Date.context_today(self),
            }
        )
        original.message_post(
            body=original.env._("Reversed by %(reversal)s: %(reason)s", reversal=reversal.display_name, reason=reason)
        )
        return reversal.with_env(self.env)

    def action_remove_from_batch(self):
        self._check_group(HR_GROUP, self.env._("remove a payment from a batch"))
        for incentive in self.sudo():
            if incentive.batch_id.state != "draft":
                raise UserError(
                    self.env._(
                        "%(incentive)s is in an exported batch and stays there.", incentive=incentive.display_name
                    )
                )
        self.sudo().write({"batch_id": False})
        return True

    def action_print_letter(self):
        self.ensure_one()
        return self.env.ref("mentorship_core.action_report_incentive_letter").report_action(self)

    def _export_basis(self):
        """The basis column of the payroll file: the local act and the order,
        and for a reversal the payment it cancels and why."""
        self.ensure_one()
        parts = [self.basis] if self.basis else []
        if self.order_number:
            parts.append(
                self.env._(
                    "order No. %(number)s of %(date)s",
                    number=self.order_number,
                    date=format_date(self.env, self.order_date),
                )
            )
        if self.reversed_incentive_id:
            parts.append(
                self.env._(
                    "reversal of the payment exported in %(batch)s: %(reason)s",
                    batch=self.reversed_incentive_id.sudo().batch_id.name,
                    reason=self.reversal_reason,
                )
            )
        return "; ".join(parts)

    # --- recognition in the open --------------------------------------------

    @api.model
    def _recognitions_of(self, user):
        """The approved non-material recognitions of the mentor ``user`` is, for
        their portal page: read as the system, limited to that mentor."""
        return self.sudo().search(
            [("mentor_user_id", "=", user.id), ("category", "=", "recognition"), ("state", "=", "approved")],
            order="date_from desc",
        )
