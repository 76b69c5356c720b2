import logging
import time
from collections import defaultdict

import numpy as np

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, formatLang

from .. import matching as engine
from .mentorship_pair import FORMING_STATES

_logger = logging.getLogger(__name__)

MODES = [
    ("coverage", "Most Mentees Matched, Then Quality"),
    ("quality", "Best Quality"),
]
DEFAULT_BACKGROUND_THRESHOLD = 2000
FORMATS = {"in_person": 0, "remote": 1, "mixed": 2}


class MatchingCandidates:
    """The mentees and mentors of a run, read at once, as numpy arrays.

    Rows of the mentee arrays follow ``mentee_ids``, rows of the mentor
    arrays follow ``mentor_ids``; addons add arrays of their criteria in
    ``mentorship.matching._read_matching_features``."""

    def __init__(self, mentee_ids, mentor_ids):
        self.mentee_ids = np.asarray(mentee_ids, dtype=np.int64)
        self.mentor_ids = np.asarray(mentor_ids, dtype=np.int64)
        self.mentee_row = {mentee_id: row for row, mentee_id in enumerate(mentee_ids)}
        self.mentor_row = {mentor_id: row for row, mentor_id in enumerate(mentor_ids)}
        self.features = {}

    def pairs_to_keys(self, pairs):
        """Keys (mentee row × mentor count + mentor row) of (mentee id, mentor id) pairs in the run."""
        keys = [
            self.mentee_row[mentee_id] * len(self.mentor_ids) + self.mentor_row[mentor_id]
            for mentee_id, mentor_id in pairs
            if mentee_id in self.mentee_row and mentor_id in self.mentor_row
        ]
        return np.asarray(keys, dtype=np.int64)


class MentorshipMatching(models.Model):
    """A matching run: the unpaired mentees and the available mentors of its
    programs, scored by weighted criteria under the hard rules, matched at
    once by the exact solver, compared with the greedy baseline, and proposed
    as pairs in the Matching stage for the curator to accept or reject."""

    _name = "mentorship.matching"
    _description = "Matching Run"
    _inherit = ["mail.thread", "mentorship.matching.weights"]
    _order = "id desc"

    name = fields.Char(required=True, default=lambda self: self._default_name(), tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The organisation that runs the matching: its users see the run.",
    )
    user_id = fields.Many2one("res.users", string="Run By", default=lambda self: self.env.user, readonly=True)
    program_ids = fields.Many2many(
        "mentorship.program",
        string="Programs",
        default=lambda self: self._default_program_ids(),
        domain="[('state', '!=', 'completed')]",
        help="The unpaired mentees of the programs' organisations whose category the program's form allows.",
    )
    company_ids = fields.Many2many(
        "res.company", string="Organisations", compute="_compute_company_ids", store=True, readonly=True
    )
    mode = fields.Selection(
        MODES,
        default="coverage",
        required=True,
        tracking=True,
        help="Most mentees matched: as many mentees as the rules allow get a mentor, the best total score among "
        "those. Best quality: the best total score, even if a mentee stays unmatched.",
    )
    matching_preset = fields.Selection(
        compute="_compute_matching_preset",
        store=True,
        readonly=False,
        default=None,
        required=False,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "In Progress"), ("done", "Done"), ("failed", "Failed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    date_run = fields.Datetime(string="Run On", readonly=True, copy=False)
    error = fields.Text(string="Why It Failed", readonly=True, copy=False)
    job_uuid = fields.Char(readonly=True, copy=False)
    progress_ids = fields.One2many("mentorship.matching.progress", "matching_id", string="Progress Rows")
    progress = fields.Integer(compute="_compute_progress", help="Percent of the run done.")
    mentee_count = fields.Integer(string="Mentees Considered", readonly=True, copy=False)
    mentor_count = fields.Integer(string="Mentors Considered", readonly=True, copy=False)
    edge_count = fields.Integer(string="Allowed Mentor–Mentee Pairs", readonly=True, copy=False)
    matched_count = fields.Integer(string="Mentees Matched", readonly=True, copy=False)
    unmatched_count = fields.Integer(string="Mentees Unmatched", readonly=True, copy=False)
    greedy_matched_count = fields.Integer(string="Matched by the Greedy Baseline", readonly=True, copy=False)
    total_score = fields.Float(string="Total Score (Exact)", digits=(12, 2), readonly=True, copy=False)
    greedy_total_score = fields.Float(string="Total Score (Greedy)", digits=(12, 2), readonly=True, copy=False)
    score_ratio = fields.Float(
        string="Exact / Greedy",
        digits=(6, 3),
        readonly=True,
        copy=False,
        help="The exact solver's total score over the greedy baseline's: 1 or more.",
    )
    duration = fields.Float(string="Duration (s)", digits=(8, 2), readonly=True, copy=False)
    duration_read = fields.Float(string="Reading Candidates (s)", digits=(8, 2), readonly=True, copy=False)
    duration_solve = fields.Float(string="Solving (s)", digits=(8, 2), readonly=True, copy=False)
    duration_write = fields.Float(string="Writing Proposals (s)", digits=(8, 2), readonly=True, copy=False)
    line_ids = fields.One2many("mentorship.matching.line", "matching_id", string="Lines")
    proposal_ids = fields.One2many(
        "mentorship.matching.line", "matching_id", string="Proposals", domain=[("state", "!=", "unmatched")]
    )
    unmatched_ids = fields.One2many(
        "mentorship.matching.line", "matching_id", string="Unmatched Mentees", domain=[("state", "=", "unmatched")]
    )
    accepted_count = fields.Integer(string="Accepted", compute="_compute_line_counts")
    rejected_count = fields.Integer(string="Rejected", compute="_compute_line_counts")

    # --- defaults and computes ------------------------------------------------

    def _default_name(self):
        return self.env._("Matching of %(date)s", date=format_date(self.env, fields.Date.context_today(self)))

    def _default_program_ids(self):
        """A curator's own running or approved programs in the current organisation."""
        return self.env["mentorship.program"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("curator_id", "=", self.env.user.id),
                ("state", "in", ("approved", "running")),
            ]
        )

    @api.depends("program_ids")
    def _compute_company_ids(self):
        for run in self:
            run.company_ids = run.program_ids.company_id

    @api.depends("program_ids")
    def _compute_matching_preset(self):
        """The preset of the first program, until the run has run."""
        for run in self:
            if run.state == "draft":
                run.matching_preset = run.program_ids[:1].matching_preset or run.matching_preset or "balanced"

    @api.depends("matching_preset", "program_ids")
    def _compute_matching_weights(self):
        """The weights of the first program when the run keeps its preset,
        else those of the preset chosen for this run."""
        criteria = self._matching_criteria()
        from_program = self.filtered(
            lambda run: run.state == "draft" and run.program_ids[:1].matching_preset == run.matching_preset
        )
        for run in from_program:
            for field_name, _label in criteria.values():
                run[field_name] = run.program_ids[:1][field_name]
        from_preset = self.filtered(lambda run: run.state == "draft") - from_program
        return super(MentorshipMatching, from_preset)._compute_matching_weights()

    @api.depends("state", "progress_ids.percent")
    def _compute_progress(self):
        for run in self:
            running = run.state == "running"
            run.progress = run.sudo().progress_ids[:1].percent if running else 100 * (run.state == "done")

    def _compute_line_counts(self):
        counts = {
            (run.id, state): count
            for run, state, count in self.env["mentorship.matching.line"]._read_group(
                [("matching_id", "in", self.ids)], ["matching_id", "state"], ["__count"]
            )
        }
        for run in self:
            run.accepted_count = counts.get((run.id, "accepted"), 0)
            run.rejected_count = counts.get((run.id, "rejected"), 0)

    # --- running ----------------------------------------------------------------

    def _check_runnable(self):
        """Refuse, before anything is written, a run that cannot give proposals."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("The matching %(run)s has already run.", run=self.display_name))
        if not self.program_ids:
            raise UserError(self.env._("Choose the programs whose mentees to match."))
        if not self._matching_weights():
            raise UserError(self.env._("Give at least one criterion a weight above zero."))

    def action_run(self):
        """Match now, or in the background when the run has many mentees."""
        self.check_access("write")
        self._check_runnable()
        threshold = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("mentorship_core.matching_background_threshold", DEFAULT_BACKGROUND_THRESHOLD)
        )
        if self._mentee_domain() and self.env["mentorship.mentee"].search_count(self._mentee_domain()) > threshold:
            Progress = self.env["mentorship.matching.progress"].sudo()
            Progress.search([("matching_id", "=", self.id)]).unlink()
            Progress.create({"matching_id": self.id})
            self.write({"state": "running", "error": False})
            job = self.with_delay(
                description=self.env._("Matching %(run)s", run=self.display_name)
            )._run_in_background()
            self.job_uuid = job.uuid
            return True
        self._run()
        return True

    def _run_in_background(self):
        """The job: run, or record why it failed; nothing of a failed run stays."""
        self.ensure_one()
        run = self.with_context(lang=self.env.user.lang, allowed_company_ids=self.env.user.company_ids.ids)
        if run.state != "running":
            return
        try:
            with self.env.cr.savepoint():
                run._run()
        except Exception as error:  # the user reads why on the run; no proposal was kept
            _logger.info("Matching run %s failed", self.id, exc_info=True)
            run.write({"state": "failed", "error": str(error)})

    def _report_progress(self, percent):
        """Show the progress at once, in a transaction of its own, when run as a job."""
        if not self.env.context.get("job_uuid"):
            return
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE mentorship_matching_progress SET percent = %s WHERE matching_id = %s", [percent, self.id]
            )

    def _run(self):
        """Read, score, solve exactly and greedily, write the proposals. The
        chatter is written in the language of the user who runs it."""
        self = self.with_context(lang=self.env.user.lang)  # noqa: PLW0642
        started = time.perf_counter()
        candidates = self._read_candidates()
        edge_mentee, edge_mentor, contributions = self._candidate_edges(candidates)
        read = time.perf_counter()
        self._report_progress(30)
        scores = sum(contributions.values()) if contributions else np.zeros(0)
        capacities = candidates.features["capacity"]
        mentee_count = len(candidates.mentee_ids)
        exact = engine.solve_exact(mentee_count, capacities, edge_mentee, edge_mentor, scores, mode=self.mode)
        greedy = engine.solve_greedy(mentee_count, capacities, edge_mentee, edge_mentor, scores, mode=self.mode)
        solved = time.perf_counter()
        self._report_progress(60)
        matched, total = engine.total_score(exact, edge_mentee, edge_mentor, scores)
        greedy_matched, greedy_total = engine.total_score(greedy, edge_mentee, edge_mentor, scores)
        self._write_proposals(candidates, edge_mentee, edge_mentor, contributions, exact)
        self._write_unmatched(candidates, exact, edge_mentee)
        written = time.perf_counter()
        self.write(
            {
                "state": "done",
                "date_run": fields.Datetime.now(),
                "mentee_count": mentee_count,
                "mentor_count": len(candidates.mentor_ids),
                "edge_count": len(edge_mentee),
                "matched_count": matched,
                "unmatched_count": mentee_count - matched,
                "greedy_matched_count": greedy_matched,
                "total_score": total,
                "greedy_total_score": greedy_total,
                "score_ratio": total / greedy_total if greedy_total else 1.0,
                "duration_read": read - started,
                "duration_solve": solved - read,
                "duration_write": written - solved,
                "duration": written - started,
            }
        )
        self.message_post(
            body=self.env._(
                "Matching done: %(matched)s of %(mentees)s mentees proposed a mentor in the Matching stage, "
                "total score %(total)s (greedy baseline %(greedy)s).",
                matched=matched,
                mentees=mentee_count,
                total=formatLang(self.env, total, digits=2),
                greedy=formatLang(self.env, greedy_total, digits=2),
            )
        )

    @staticmethod
    def _chosen_edges(assignment, edge_mentee, edge_mentor):
        """Indexes of the edges an assignment (mentor row of each mentee, or -1) uses."""
        assignment = np.asarray(assignment, dtype=np.int64)
        if not len(edge_mentee):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(assignment[edge_mentee] == edge_mentor)

    # --- reading the candidates ---------------------------------------------------

    def _programs_by_company_category(self):
        """{(company id, mentee category id): program}: the first program of
        the run taking mentees of that category in that organisation."""
        programs = {}
        categories = self.env["mentorship.mentee.category"].search([])
        for program in self.program_ids.sorted("id"):
            for category in program.form_id.mentee_category_ids or categories:
                programs.setdefault((program.company_id.id, category.id), program)
        return programs

    def _mentee_domain(self):
        companies = self.program_ids.company_id
        return [
            ("company_id", "in", companies.ids),
            ("state", "!=", "archived"),
            ("has_pair", "=", False),
        ]

    def _mentor_domain(self):
        companies = self.program_ids.company_id
        return [
            ("state", "=", "active"),
            "|",
            ("company_id", "in", companies.ids),
            ("shared_company_ids", "in", companies.ids),
        ]

    def _read_candidates(self, mentees=None, mentors=None):
        """The mentees and mentors in scope and what the rules and criteria
        need of them, in a handful of queries, as the user running it reads
        them: a curator's run sees their organisations' mentees only."""
        programs = self._programs_by_company_category()
        mentee_rows = (
            mentees.read(self._mentee_fields())
            if mentees is not None
            else self.env["mentorship.mentee"].search_read(self._mentee_domain(), self._mentee_fields(), order="id")
        )
        mentee_rows = [
            row
            for row in mentee_rows
            if row["category_id"] and (row["company_id"][0], row["category_id"][0]) in programs
        ]
        mentor_rows = (
            mentors.read(self._mentor_fields())
            if mentors is not None
            else self.env["mentorship.mentor"].search_read(self._mentor_domain(), self._mentor_fields(), order="id")
        )
        candidates = MatchingCandidates([row["id"] for row in mentee_rows], [row["id"] for row in mentor_rows])
        features = candidates.features
        mentee_program = [programs[row["company_id"][0], row["category_id"][0]] for row in mentee_rows]
        features["mentee_program"] = mentee_program
        features["mentee_company"] = np.array([row["company_id"][0] for row in mentee_rows], dtype=np.int64)
        features["mentee_partner"] = [row["partner_id"][0] for row in mentee_rows]
        features["mentee_format"] = np.array([FORMATS.get(row["preferred_format"], 2) for row in mentee_rows])
        features["mentor_company"] = np.array([row["company_id"][0] for row in mentor_rows], dtype=np.int64)
        features["mentor_shared"] = [set(row["shared_company_ids"]) for row in mentor_rows]
        features["mentor_category"] = np.array([row["category_id"] and row["category_id"][0] for row in mentor_rows])
        features["mentor_partner"] = [row["partner_id"][0] for row in mentor_rows]
        features["mentor_format"] = np.array([FORMATS.get(row["preferred_format"], 2) for row in mentor_rows])
        features["capacity"] = self._free_places(mentor_rows)
        tags = sorted({tag for row in mentee_rows for tag in row["difficulty_tag_ids"]})
        tag_column = {tag: column for column, tag in enumerate(tags)}
        features["mentee_tags"] = self._incidence(mentee_rows, "difficulty_tag_ids", tag_column)
        features["mentor_tags"] = self._incidence(mentor_rows, "competency_tag_ids", tag_column)
        partners = self.env["res.partner"].sudo().browse(features["mentee_partner"] + features["mentor_partner"])
        # the guardians and ages of minors are personal data: read them whoever runs
        partner_rows = {row["id"]: row for row in partners.read(["mentorship_is_minor", "mentorship_guardian_ids"])}
        features["mentee_minor"] = np.array(
            [partner_rows[partner]["mentorship_is_minor"] for partner in features["mentee_partner"]], dtype=bool
        )
        # a minor mentor is a peer (pupil – pupil): the clearance is asked of adults
        features["mentor_cleared"] = np.array(
            [
                row["cleared_for_minors"] or partner_rows[row["partner_id"][0]]["mentorship_is_minor"]
                for row in mentor_rows
            ],
            dtype=bool,
        )
        mentor_of_partner = {partner: row for row, partner in enumerate(features["mentor_partner"])}
        forbidden = [(row["id"], mentor_id) for row in mentee_rows for mentor_id in row["excluded_mentor_ids"]]
        forbidden += self._rejected_pairs(candidates.mentee_ids.tolist())
        forbidden_keys = [candidates.pairs_to_keys(forbidden)]
        mentor_count = len(candidates.mentor_ids)
        for mentee_row, partner in enumerate(features["mentee_partner"]):
            for guardian in partner_rows[partner]["mentorship_guardian_ids"]:
                if guardian in mentor_of_partner:
                    forbidden_keys.append(np.array([mentee_row * mentor_count + mentor_of_partner[guardian]]))
        features["forbidden_keys"] = np.unique(np.concatenate(forbidden_keys))
        features["preferred_keys"] = candidates.pairs_to_keys(
            [(row["id"], mentor_id) for row in mentee_rows for mentor_id in row["preferred_mentor_ids"]]
        )
        missing = self.env["mentorship.consent"]._partners_without_consent(
            self.env["res.partner"].browse(features["mentee_partner"] + features["mentor_partner"])
        )
        features["missing_consent"] = set(missing.ids)
        self._read_matching_features(candidates, mentee_rows, mentor_rows)
        return candidates

    @api.model
    def _mentee_fields(self):
        return [
            "company_id",
            "category_id",
            "partner_id",
            "preferred_format",
            "difficulty_tag_ids",
            "excluded_mentor_ids",
            "preferred_mentor_ids",
            "employee_id",
        ]

    @api.model
    def _mentor_fields(self):
        return [
            "company_id",
            "shared_company_ids",
            "category_id",
            "partner_id",
            "preferred_format",
            "competency_tag_ids",
            "capacity",
            "running_mentee_count",
            "cleared_for_minors",
            "employee_id",
        ]

    def _read_matching_features(self, candidates, mentee_rows, mentor_rows):
        """Hook: addons read what their criteria need into ``candidates.features``."""

    @staticmethod
    def _incidence(rows, field_name, column_of):
        """A boolean matrix: row × tag column, for the tags in ``column_of``."""
        matrix = np.zeros((len(rows), len(column_of)), dtype=np.float32)
        for row_index, row in enumerate(rows):
            columns = [column_of[tag] for tag in row[field_name] if tag in column_of]
            matrix[row_index, columns] = 1.0
        return matrix

    def _free_places(self, mentor_rows):
        """Free places of each mentor across all their running pairs in every
        organisation, less the mentees already proposed or agreed with them."""
        Pair = self.env["mentorship.pair"].sudo()
        forming = Pair._read_group(
            [
                ("mentor_id", "in", [row["id"] for row in mentor_rows]),
                ("state", "in", FORMING_STATES),
            ],
            ["mentor_id", "mentee_ids"],
        )
        forming_counts = defaultdict(int)
        for mentor, mentee in forming:
            if mentee:
                forming_counts[mentor.id] += 1
        return np.array(
            [max(row["capacity"] - row["running_mentee_count"] - forming_counts[row["id"]], 0) for row in mentor_rows],
            dtype=np.int64,
        )

    def _rejected_pairs(self, mentee_ids):
        """(mentee id, mentor id) of the proposals rejected in any run: never proposed again."""
        return [
            (mentee.id, mentor.id)
            for mentee, mentor in self.env["mentorship.matching.line"]
            .sudo()
            ._read_group([("state", "=", "rejected"), ("mentee_id", "in", mentee_ids)], ["mentee_id", "mentor_id"])
        ]

    # --- the allowed edges and their scores ---------------------------------------

    def _candidate_edges(self, candidates):
        """The allowed (mentee, mentor) edges as arrays of rows, and the
        weighted contribution of each criterion to the score of each edge.

        Computed by program (one organisation, one form): the block of its
        mentees against the mentors it may use, as dense numpy arrays."""
        weights = self._matching_weights()
        features = candidates.features
        mentor_count = len(candidates.mentor_ids)
        edge_mentee, edge_mentor = [], []
        contributions = defaultdict(list)
        rows_by_program = defaultdict(list)
        for row, program in enumerate(features["mentee_program"]):
            rows_by_program[program].append(row)
        for program, rows in rows_by_program.items():
            mentee_rows = np.asarray(rows, dtype=np.int64)
            mentor_rows = self._allowed_mentor_rows(candidates, program)
            if not len(mentor_rows):
                continue
            allowed = np.ones((len(mentee_rows), len(mentor_rows)), dtype=bool)
            # mentors not cleared to work with minors never meet a minor mentee
            allowed &= ~(
                features["mentee_minor"][mentee_rows][:, None] & ~features["mentor_cleared"][mentor_rows][None, :]
            )
            keys = mentee_rows[:, None] * mentor_count + mentor_rows[None, :]
            allowed &= ~np.isin(keys, features["forbidden_keys"])
            block_mentee, block_mentor = np.nonzero(allowed)
            edge_mentee.append(mentee_rows[block_mentee])
            edge_mentor.append(mentor_rows[block_mentor])
            for criterion, weight in weights.items():
                if weight:
                    block = self._score_criterion(criterion, candidates, mentee_rows, mentor_rows)
                    contributions[criterion].append(weight * block[block_mentee, block_mentor])
        if not edge_mentee:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, {}
        return (
            np.concatenate(edge_mentee),
            np.concatenate(edge_mentor),
            {criterion: np.concatenate(values) for criterion, values in contributions.items()},
        )

    def _allowed_mentor_rows(self, candidates, program):
        """Rows of the mentors a program may use: of its organisation or
        shared with it, of a category its form allows."""
        features = candidates.features
        company = program.company_id.id
        in_company = (features["mentor_company"] == company) | np.array(
            [company in shared for shared in features["mentor_shared"]], dtype=bool
        )
        categories = program.form_id.mentor_category_ids.ids
        if categories:
            in_company &= np.isin(features["mentor_category"], categories)
        return np.flatnonzero(in_company)

    def _score_criterion(self, criterion, candidates, mentee_rows, mentor_rows):
        """The score in [0, 1] of one criterion for a block of mentees × mentors.
        Addons score their own criteria and leave the others to this method."""
        features = candidates.features
        if criterion == "competency":
            difficulties = features["mentee_tags"][mentee_rows]
            overlap = difficulties @ features["mentor_tags"][mentor_rows].T
            return overlap / np.maximum(difficulties.sum(axis=1), 1.0)[:, None]
        if criterion == "format":
            mentee_format = features["mentee_format"][mentee_rows][:, None]
            mentor_format = features["mentor_format"][mentor_rows][None, :]
            either = (mentee_format == FORMATS["mixed"]) | (mentor_format == FORMATS["mixed"])
            return ((mentee_format == mentor_format) | either).astype(np.float32)
        if criterion == "organisation":
            return (
                features["mentee_company"][mentee_rows][:, None] == features["mentor_company"][mentor_rows][None, :]
            ).astype(np.float32)
        if criterion == "preference":
            keys = mentee_rows[:, None] * len(candidates.mentor_ids) + mentor_rows[None, :]
            return np.isin(keys, features["preferred_keys"]).astype(np.float32)
        return np.zeros((len(mentee_rows), len(mentor_rows)), dtype=np.float32)

    # --- writing ------------------------------------------------------------------

    def _write_proposals(self, candidates, edge_mentee, edge_mentor, contributions, assignment):
        """A line and a pair in the Matching stage per chosen edge, created in
        batches without tracking: one note on the run tells what was made."""
        features = candidates.features
        stage = self.env["mentorship.pair.stage"]._for_state("matching")
        if not stage:
            raise UserError(self.env._("No pipeline stage is in the Matching state."))
        missing_consent = features["missing_consent"]
        line_values = []
        for edge in self._chosen_edges(assignment, edge_mentee, edge_mentor):
            mentee_row, mentor_row = edge_mentee[edge], edge_mentor[edge]
            breakdown = {criterion: round(float(values[edge]), 2) for criterion, values in contributions.items()}
            consent_missing = (
                features["mentee_partner"][mentee_row] in missing_consent
                or features["mentor_partner"][mentor_row] in missing_consent
            )
            line_values.append(
                {
                    "matching_id": self.id,
                    "mentee_id": int(candidates.mentee_ids[mentee_row]),
                    "mentor_id": int(candidates.mentor_ids[mentor_row]),
                    "program_id": features["mentee_program"][mentee_row].id,
                    "score": round(sum(breakdown.values()), 2),
                    "breakdown": breakdown,
                    "consent_missing": consent_missing,
                    "state": "proposed",
                }
            )
        quiet = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "mail_notrack": True,
        }
        lines = self.env["mentorship.matching.line"].with_context(**quiet).create(line_values)
        self.env["mentorship.pair"].with_context(**quiet).create(
            [
                {
                    "program_id": line["program_id"],
                    "mentor_id": line["mentor_id"],
                    "mentee_ids": [(6, 0, [line["mentee_id"]])],
                    "kind": "traditional",
                    "stage_id": stage.id,
                    "matching_line_id": line_record.id,
                }
                for line, line_record in zip(line_values, lines, strict=True)
            ]
        )
        self._report_progress(90)

    def _write_unmatched(self, candidates, assignment, edge_mentee):
        """A line with the reason for each mentee the exact solution left without a mentor."""
        reasons = engine.unmatched_reasons(len(candidates.mentee_ids), edge_mentee, assignment)
        self.env["mentorship.matching.line"].create(
            [
                {
                    "matching_id": self.id,
                    "mentee_id": int(candidates.mentee_ids[row]),
                    "program_id": candidates.features["mentee_program"][row].id,
                    "state": "unmatched",
                    "unmatched_reason": reason,
                }
                for row, reason in reasons.items()
            ]
        )

    def _rank_mentors(self, mentees, mentors):
        """[(mentor, mean score)] of the mentors the rules allow for all the
        mentees, those with free places for them first, the best first; None
        when the run's programs take none of the mentees."""
        candidates = self._read_candidates(mentees=mentees, mentors=mentors)
        mentee_count = len(candidates.mentee_ids)
        if not mentee_count:
            return None
        _edge_mentee, edge_mentor, contributions = self._candidate_edges(candidates)
        scores = sum(contributions.values()) if contributions else np.zeros(len(edge_mentor))
        mentor_count = len(candidates.mentor_ids)
        allowed_for_all = np.bincount(edge_mentor, minlength=mentor_count) == mentee_count
        mean_scores = np.bincount(edge_mentor, weights=scores, minlength=mentor_count) / mentee_count
        has_room = candidates.features["capacity"] >= mentee_count
        rows = sorted(np.flatnonzero(allowed_for_all), key=lambda row: (not has_room[row], -mean_scores[row]))
        Mentor = self.env["mentorship.mentor"]
        return [(Mentor.browse(int(candidates.mentor_ids[row])), float(mean_scores[row])) for row in rows]

    # --- navigation -------------------------------------------------------------

    def action_refresh(self):
        """Reload the form to show the job's progress."""
        return True

    def action_view_pairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_pair_action")
        action["domain"] = [("matching_line_id.matching_id", "=", self.id)]
        return action
