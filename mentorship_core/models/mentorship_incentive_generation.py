import json
from collections import defaultdict, namedtuple
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_compare, float_round, format_date

from .mentorship_incentive import CURATOR_GROUP
from .mentorship_incentive_rule import HR_GROUP

# the evidence and the sums an accrual carries, compared to update drafts
COMPARED_FIELDS = (
    "kind",
    "accrual_code",
    "amount",
    "date_to",
    "held_meeting_count",
    "mentee_count",
    "plan_progress",
    "satisfaction",
    "wage",
    "amount_before_cap",
    "is_capped",
    "basis",
    "description",
)
PairFacts = namedtuple(
    "PairFacts", "id state start end mentor employee personnel_number program mentees partners names"
)


class MentorshipIncentiveGeneration(models.AbstractModel):
    """The generation of the draft incentives of an organisation for a period
    from its accrual rules and the evidence of its pairs.

    One incentive per rule, mentor and period (the pairs of the mentor
    together). A second run creates nothing twice: drafts are updated to the
    evidence of the day or deleted when it no longer qualifies; proposed,
    approved, exported, paid and cancelled incentives are never touched.

    The evidence, each read for all pairs at once and counted only inside the
    pair's life (from its start to its end or dissolution): a pair dissolved
    during the month is paid for what it did before; a pair approved but not
    yet working earns nothing, and the result says why of each pair that
    earned nothing:

    - held meetings: meetings of the pair that started in the period and that
      both the mentor and a mentee confirmed (``mentorship_is_held``);
    - completed plans: the plans marked done in the period;
    - plan progress: the average progress of the pair's personal plans;
    - satisfaction: the average score in per cent (survey's own
      ``scoring_percentage``) of the completed answers of the pair's mentees to
      the survey of the rule; the mentor's own answers do not count;
    - wage: the ``wage`` of the employee's contract version (``hr.version``)
      in force at the end of the period.
    """

    _name = "mentorship.incentive.generation"
    _description = "Incentive Generation"

    @api.model
    def _generate(self, company, date_from, date_to):
        """Create, update and delete the drafts of ``company`` for the period;
        returns the incentives created and updated, the counts of the drafts
        left unchanged, of the deleted drafts and of the untouched incentives
        (proposed and further), and the reasons of each pair that earned nothing
        (``unpaid``: pair id → reasons). Texts are written in the language of
        the user who generates."""
        self._check_may_generate(company, date_from)
        self = self.with_context(lang=self.env.user.lang)  # noqa: PLW0642
        Incentive = self.env["mentorship.incentive"].sudo()
        rules = self.env["mentorship.incentive.rule"].sudo().search([("company_id", "=", company.id)])
        accruals = {}
        reasons = defaultdict(set)
        if rules.filtered(lambda rule: rule.rule_type != "cap"):
            evidence = self._evidence(company, date_from, date_to, rules)
            reasons = evidence["reasons"]
            for rule in rules.filtered(lambda rule: rule.rule_type != "cap"):
                for mentor_id, values in getattr(self, f"_accrue_{rule.rule_type}")(rule, evidence).items():
                    accruals[rule.id, mentor_id] = {
                        **self._base_values(rule, company, date_from, date_to),
                        "mentor_id": mentor_id,
                        **values,
                    }
        incentives = Incentive.search_fetch(
            [("company_id", "=", company.id), ("date_from", "=", date_from), ("rule_id", "!=", False)],
            ["rule_id", "mentor_id", "state", "pair_ids", "meeting_ids", *COMPARED_FIELDS],
        )
        # reading the meetings of an incentive filters out archived ones: their flags read at once
        incentives.with_context(active_test=False).meeting_ids.fetch(["active"])
        existing = {(incentive.rule_id.id, incentive.mentor_id.id): incentive for incentive in incentives}
        caps = rules.filtered(lambda rule: rule.rule_type == "cap")
        self._apply_caps(accruals, existing, caps, company, date_from, reasons)
        # a pair earned something when an accrual or an incentive of the period kept as it is pays for it
        kept = incentives.filtered(lambda incentive: incentive.state not in ("draft", "cancelled"))
        paid = {pair for values in accruals.values() for pair in values["pair_ids"]} | set(kept.pair_ids.ids)
        result = self._sync(accruals, existing)
        result["unpaid"] = {pair: sorted(why) for pair, why in reasons.items() if pair not in paid}
        return result

    @api.model
    def _check_may_generate(self, company, date_from):
        """Curators and HR officers of the organisation generate, whatever the
        path; a month is paid once it has begun, never ahead."""
        user = self.env.user
        allowed = user.has_group(CURATOR_GROUP) or user.has_group(HR_GROUP)
        if not self.env.su and not (allowed and company in user.company_ids):
            raise AccessError(
                self.env._(
                    "Only the curators and HR officers of %(company)s generate its incentives.",
                    company=company.sudo().name,
                )
            )
        if date_from > fields.Date.context_today(self):
            raise UserError(
                self.env._(
                    "%(month)s has not begun yet: a month is paid once it has begun.",
                    month=format_date(self.env, date_from, date_format="LLLL yyyy"),
                )
            )

    # --- evidence -------------------------------------------------------------

    @api.model
    def _utc_bounds(self, date_from, date_to):
        """The period in UTC, its days taken in the time zone of the user."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        return start, stop.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _evidence(self, company, date_from, date_to, rules):
        pairs = self._pair_facts(company, date_from, date_to)
        pair_ids = list(pairs)
        start, stop = self._utc_bounds(date_from, date_to)
        held = defaultdict(list)
        for pair, day, meeting_ids in (
            self.env["calendar.event"]
            .sudo()
            .with_context(tz=self.env.user.tz or "UTC")
            ._read_group(
                [
                    ("mentorship_pair_id", "in", pair_ids),
                    ("mentorship_is_held", "=", True),
                    ("start", ">=", start),
                    ("start", "<", stop),
                ],
                ["mentorship_pair_id", "start:day"],
                ["id:array_agg"],
            )
        ):
            if self._in_life(pairs[pair.id], day.date()):
                held[pair.id].extend(meeting_ids)
        Plan = self.env["mentorship.plan"].sudo()
        progress = Plan._read_group([("pair_id", "in", pair_ids)], ["pair_id"], ["progress:avg"])
        completed = set()
        if rules.filtered(lambda rule: rule.rule_type == "plan_completed"):
            completed = {
                pair.id
                for pair, day in Plan._read_group(
                    [
                        ("pair_id", "in", pair_ids),
                        ("state", "=", "done"),
                        ("date_done", ">=", date_from),
                        ("date_done", "<=", date_to),
                    ],
                    ["pair_id", "date_done:day"],
                )
                if self._in_life(pairs[pair.id], day)
            }
        employees = self.env["hr.employee"].browse(
            sorted({facts.employee for facts in pairs.values() if facts.employee})
        )
        return {
            "date_from": date_from,
            "date_to": date_to,
            "pairs": pairs,
            "held": held,
            "progress": {pair.id: value for pair, value in progress},
            "completed": completed,
            "wages": self._wages(employees, date_to),
            "satisfaction": {survey: self._satisfaction(pairs, survey) for survey in rules.survey_id},
            "reasons": defaultdict(set),
        }

    @api.model
    def _in_life(self, facts, day):
        """Whether ``day`` is inside the pair's life: evidence of its work."""
        return (not facts.start or facts.start <= day) and (not facts.end or day <= facts.end)

    @api.model
    def _pair_facts(self, company, date_from, date_to):
        """What the rules need of each pair of the organisation approved by
        order whose life meets the period, as plain values read at once:
        thousands of pairs are then grouped without touching the ORM again."""
        pairs = (
            self.env["mentorship.pair"]
            .sudo()
            .search_fetch(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("approved", "working", "completed", "dissolved")),
                    ("mentor_id", "!=", False),
                    "|",
                    ("date_start", "=", False),
                    ("date_start", "<=", date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", date_from),
                ],
                ["state", "date_start", "date_end", "mentor_id", "program_id", "company_id", "mentee_ids"],
            )
        )
        pairs.mentor_id.fetch(["employee_id"])
        pairs.mentor_id.employee_id.fetch(["mentorship_personnel_number"])
        # the active flag too: reading the mentees of a pair filters out archived ones
        pairs.with_context(active_test=False).mentee_ids.fetch(["active", "partner_id"])
        pairs.mentee_ids.partner_id.fetch(["name"])
        return {
            pair.id: PairFacts(
                id=pair.id,
                state=pair.state,
                start=pair.date_start,
                end=pair.date_end,
                mentor=pair.mentor_id.id,
                employee=pair.mentor_id.employee_id.id,
                personnel_number=pair.mentor_id.employee_id.mentorship_personnel_number or False,
                program=pair.program_id.id,
                mentees=tuple(pair.mentee_ids.ids),
                partners=tuple(pair.mentee_ids.partner_id.ids),
                names=tuple(pair.mentee_ids.partner_id.mapped("name")),
            )
            for pair in pairs
        }

    @api.model
    def _wages(self, employees, date_to):
        """The wage of each employee's contract version in force at ``date_to``."""
        wages = {}
        versions = (
            self.env["hr.version"]
            .sudo()
            .search_fetch(
                [("employee_id", "in", employees.ids), ("date_version", "<=", date_to)],
                ["employee_id", "wage"],
                order="employee_id, date_version desc",
            )
        )
        for version in versions:
            wages.setdefault(version.employee_id.id, version.wage)
        return wages

    @api.model
    def _satisfaction(self, pairs, survey):
        """The average score of each pair's mentees on ``survey``: the mean of
        each answering mentee's average, for the pairs with an answer."""
        partner_ids = sorted({partner for facts in pairs.values() for partner in facts.partners})
        scores = {
            partner.id: score
            for partner, score in self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("survey_id", "=", survey.id), ("state", "=", "done"), ("partner_id", "in", partner_ids)],
                ["partner_id"],
                ["scoring_percentage:avg"],
            )
        }
        result = {}
        for facts in pairs.values():
            answered = [scores[partner] for partner in facts.partners if partner in scores]
            if answered:
                result[facts.id] = sum(answered) / len(answered)
        return result

    # --- accruals -------------------------------------------------------------

    @api.model
    def _base_values(self, rule, company, date_from, date_to):
        return {
            "company_id": company.id,
            "currency_id": company.currency_id.id,
            "rule_id": rule.id,
            "kind": rule.kind,
            "category": "payment" if rule.is_payment else "recognition",
            "accrual_code": rule.accrual_code or False,
            "basis": rule.basis or False,
            "date_from": date_from,
            "date_to": date_to,
            "amount_before_cap": 0.0,
            "is_capped": False,
            "wage": 0.0,
            "satisfaction": 0.0,
        }

    @api.model
    def _pairs_by_mentor(self, rule, evidence, reason_against):
        """The facts of the pairs of each mentor that earn by ``rule``: working
        ones (or finished during the period) against which ``reason_against``
        finds nothing; mentors without an employee record are left out of
        payments. The reasons against the others are kept in the evidence."""
        by_mentor = defaultdict(list)
        for facts in evidence["pairs"].values():
            reason = self._reason_against_any(rule, facts) or reason_against(facts)
            if reason:
                evidence["reasons"][facts.id].add(reason)
            else:
                by_mentor[facts.mentor].append(facts)
        return by_mentor

    @api.model
    def _reason_against_any(self, rule, facts):
        if facts.state == "approved":
            return self.env._("not started: approved by order but not moved to Working")
        if rule.is_payment and not facts.employee:
            return self.env._("the mentor has no employee record: payments go to staff mentors")
        return None

    @api.model
    def _evidence_values(self, pairs, evidence, rule):
        meeting_ids = sorted(meeting for facts in pairs for meeting in evidence["held"].get(facts.id, []))
        progress = [evidence["progress"][facts.id] for facts in pairs if facts.id in evidence["progress"]]
        programs = {facts.program for facts in pairs}
        names = dict.fromkeys(name for facts in pairs for name in facts.names)
        values = {
            # what the incentive would compute, given at once for thousands of them
            "employee_id": pairs[0].employee or False,
            "personnel_number": pairs[0].personnel_number,
            "program_id": programs.pop() if len(programs) == 1 else False,
            "pair_ids": [facts.id for facts in pairs],
            "meeting_ids": meeting_ids,
            "held_meeting_count": len(meeting_ids),
            "mentee_count": len({mentee for facts in pairs for mentee in facts.mentees}),
            "plan_progress": float_round(sum(progress) / len(progress), 2) if progress else 0.0,
            "description": self.env._("For the mentorship of %(mentees)s", mentees=", ".join(names)),
        }
        if rule.survey_id:
            scores = evidence["satisfaction"][rule.survey_id]
            answered = [scores[facts.id] for facts in pairs if facts.id in scores]
            values["satisfaction"] = float_round(sum(answered) / len(answered), 2) if answered else 0.0
        return values

    @api.model
    def _too_few_meetings(self, rule, evidence):
        """The reason against a pair that held fewer meetings than ``rule`` needs."""
        needed = max(rule.min_meetings, 1)

        def reason_against(facts):
            count = len(evidence["held"].get(facts.id, []))
            if not count:
                return self.env._("no meeting in the period confirmed by both sides")
            if count < needed:
                return self.env._(
                    "%(count)s held meeting(s) in the period where %(rule)s needs %(needed)s",
                    count=count,
                    rule=rule.name,
                    needed=needed,
                )
            return None

        return reason_against

    @api.model
    def _accrue_meetings(self, rule, evidence):
        """A fixed sum for each working pair with at least N held meetings in
        the period."""
        result = {}
        for mentor_id, pairs in self._pairs_by_mentor(rule, evidence, self._too_few_meetings(rule, evidence)).items():
            amount = rule.amount * len(pairs) if rule.is_payment else 0.0
            result[mentor_id] = {**self._evidence_values(pairs, evidence, rule), "amount": amount}
        return result

    @api.model
    def _accrue_wage_percent(self, rule, evidence):
        """A percentage of the employee's wage per mentee of the pairs with
        held meetings, up to the cap of the rule."""
        result = {}
        currency = rule.currency_id
        for mentor_id, pairs in self._pairs_by_mentor(rule, evidence, self._too_few_meetings(rule, evidence)).items():
            wage = evidence["wages"].get(pairs[0].employee)
            if not wage:
                for facts in pairs:
                    evidence["reasons"][facts.id].add(self.env._("no wage in the mentor's contract"))
                continue
            values = self._evidence_values(pairs, evidence, rule)
            amount = currency.round(wage * rule.wage_percent / 100.0 * values["mentee_count"])
            capped = bool(rule.max_amount) and amount > rule.max_amount
            result[mentor_id] = {
                **values,
                "wage": wage,
                "amount": rule.max_amount if capped else amount,
                "amount_before_cap": amount if capped else 0.0,
                "is_capped": capped,
            }
        return result

    @api.model
    def _accrue_plan_completed(self, rule, evidence):
        """Once per pair whose personal plan was marked done in the period with
        the mentees' satisfaction at least X: a pair rewarded by this rule in
        another period is not rewarded again."""
        rewarded = set(
            self.env["mentorship.incentive"]
            .sudo()
            .search(
                [("rule_id", "=", rule.id), ("date_from", "!=", evidence["date_from"]), ("state", "!=", "cancelled")]
            )
            .pair_ids.ids
        )
        scores = evidence["satisfaction"].get(rule.survey_id, {})

        def reason_against(facts):
            if facts.id not in evidence["completed"]:
                return self.env._("no personal plan completed in the period")
            if facts.id in rewarded:
                return self.env._("its completed plan was rewarded in another period")
            if rule.survey_id and scores.get(facts.id, -1.0) < rule.min_satisfaction:
                return self.env._(
                    "the mentees' satisfaction is under the %(minimum)s%% that %(rule)s needs",
                    minimum=round(rule.min_satisfaction),
                    rule=rule.name,
                )
            return None

        result = {}
        for mentor_id, pairs in self._pairs_by_mentor(rule, evidence, reason_against).items():
            amount = rule.amount * len(pairs) if rule.is_payment else 0.0
            result[mentor_id] = {**self._evidence_values(pairs, evidence, rule), "amount": amount}
        return result

    @api.model
    def _apply_caps(self, accruals, existing, cap_rules, company, date_from, reasons):
        """Keep each employee's payments of the period under the lowest cap:
        what is already proposed or further (and manual drafts) counts first,
        then the new accruals are reduced, the last rules first; an accrual
        reduced to nothing is dropped, and the cap is the reason of its pairs."""
        if not cap_rules:
            return
        cap = min(cap_rules.mapped("max_amount"))
        recomputed = {incentive.id for key, incentive in existing.items() if incentive.state == "draft"}
        others = defaultdict(float)
        for mentor, amount in (
            self.env["mentorship.incentive"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("date_from", "=", date_from),
                    ("category", "=", "payment"),
                    ("state", "!=", "cancelled"),
                    ("id", "not in", list(recomputed)),
                ],
                ["mentor_id"],
                ["amount:sum"],
            )
        ):
            others[mentor.id] = amount
        rules = self.env["mentorship.incentive.rule"].sudo()
        by_mentor = defaultdict(list)
        for (rule_id, mentor_id), values in accruals.items():
            if values["amount"] and rules.browse(rule_id).is_payment:
                by_mentor[mentor_id].append((rule_id, values))
        for mentor_id, items in by_mentor.items():
            room = max(cap - others[mentor_id], 0.0)
            for _rule_id, values in items:
                # accruals follow the rules' order: the earlier ones keep their sum
                amount = min(values["amount"], room)
                if float_compare(amount, values["amount"], precision_digits=2) < 0:
                    values["amount_before_cap"] = values["amount_before_cap"] or values["amount"]
                    values["amount"] = amount
                    values["is_capped"] = True
                room -= amount
        for key in [key for key, values in accruals.items() if values["is_capped"] and not values["amount"]]:
            for pair in accruals.pop(key)["pair_ids"]:
                reasons[pair].add(self.env._("the mentor's payments of the period reached the cap"))

    # --- writing --------------------------------------------------------------

    @api.model
    def _sync(self, accruals, existing):
        Incentive = (
            self.env["mentorship.incentive"].sudo().with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        )
        to_create, updated, obsolete = [], Incentive, Incentive
        for key, values in accruals.items():
            incentive = existing.get(key)
            if not incentive:
                to_create.append(values)
            elif incentive.state == "draft" and self._differs(incentive, values):
                incentive.write(self._to_write(values))
                updated |= incentive
        for key, incentive in existing.items():
            if key not in accruals and incentive.state == "draft":
                obsolete |= incentive
        untouched = len([1 for incentive in existing.values() if incentive.state != "draft"])
        unchanged = len([1 for incentive in existing.values() if incentive.state == "draft"]) - len(updated | obsolete)
        created = self._insert_drafts(to_create)
        deleted = len(obsolete)
        obsolete.unlink()
        return {
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "deleted": deleted,
            "untouched": untouched,
        }

    @api.model
    def _insert_drafts(self, values_list):
        """Insert the new drafts in one statement per table, where the ORM
        takes an INSERT per 100 rows: a municipality's month is thousands of
        drafts. They are created without a log or followers, as the ORM
        would with ``mail_create_nolog`` and ``mail_create_nosubscribe``, and
        the model's constraints are then checked on them, their fields read
        at once."""
        Incentive = self.env["mentorship.incentive"].sudo()
        if not values_list:
            return Incentive
        relations = ("pair_ids", "meeting_ids")
        columns = [name for name in values_list[0] if name not in relations]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mentorship_incentive (%(columns)s, mentor_user_id, state,
                                                  create_uid, write_uid, create_date, write_date)
                SELECT %(values)s, mentor.user_id, 'draft', %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM jsonb_to_recordset(%(rows)s) AS draft(%(types)s)
                  JOIN mentorship_mentor mentor ON mentor.id = draft.mentor_id
                 ORDER BY draft.position
             RETURNING rule_id, mentor_id, id
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                values=SQL(", ").join(SQL.identifier("draft", name) for name in columns),
                uid=self.env.uid,
                now=self.env.cr.now(),
                # the rows keep their order, and so the order of the ids, as the ORM would
                rows=json.dumps(
                    [
                        {name: self._json_value(Incentive._fields[name], values[name]) for name in columns}
                        | {"position": position}
                        for position, values in enumerate(values_list)
                    ],
                    default=str,
                ),
                types=SQL(", ").join(
                    [
                        *(
                            SQL("%s %s", SQL.identifier(name), SQL(Incentive._fields[name].column_type[1]))
                            for name in columns
                        ),
                        SQL("position int"),
                    ]
                ),
            )
        )
        rows = self.env.cr.fetchall()
        new_ids = {(rule, mentor): incentive for rule, mentor, incentive in rows}
        created = Incentive.browse(incentive for _rule, _mentor, incentive in rows)
        for name in relations:
            field = Incentive._fields[name]
            pairs = [
                (new_ids[values["rule_id"], values["mentor_id"]], target)
                for values in values_list
                for target in values[name]
            ]
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) SELECT * FROM unnest(%s::int[], %s::int[])",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    [incentive for incentive, _target in pairs],
                    [target for _incentive, target in pairs],
                )
            )
        self.env.invalidate_all()
        created.fetch()
        created.fetch(relations)
        created.pair_ids.fetch(["company_id"])
        created._validate_fields([*columns, *relations])
        created.filtered("is_award")._add_award_checklist()
        return created

    @api.model
    def _json_value(self, field, value):
        """False is the ORM's empty value; in a row of SQL it is NULL."""
        return None if value is False and field.type != "boolean" else value

    @api.model
    def _to_write(self, values):
        return {
            **values,
            "pair_ids": [Command.set(values["pair_ids"])],
            "meeting_ids": [Command.set(values["meeting_ids"])],
        }

    @api.model
    def _differs(self, incentive, values):
        for name in COMPARED_FIELDS:
            field = incentive._fields[name]
            old, new = incentive[name], values.get(name, False)
            if field.type in ("float", "monetary"):
                if float_compare(old or 0.0, new or 0.0, precision_digits=2):
                    return True
            elif field.type == "date":
                if old != new:
                    return True
            elif (old or False) != (new or False):
                return True
        return set(incentive.pair_ids.ids) != set(values["pair_ids"]) or set(incentive.meeting_ids.ids) != set(
            values["meeting_ids"]
        )
