"""Who may read, create, write and unlink what: every model of the four addons
and the meetings of pairs, for each role, on a record of the role's own
organisation (their own pair where the role works on pairs) and on one of
the other school of the department.

Each cell reads ``own/other`` with the letters r, c, w, u for read, create,
write and unlink, or ``-`` where the operation is refused; reference data,
which belongs to no organisation, has one record and the same letters twice.
Create is checked as Odoo checks it: the access rights, then the record rules
of creation against a record like the sample.
"""

import base64
from datetime import date, timedelta
from importlib.resources import files

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

ROLES = ("curator", "coordinator", "staff_mentor", "hr_officer", "portal_mentee", "portal_mentor", "parent")
PORTAL_ROLES = ("portal_mentee", "portal_mentor", "parent")
OPERATIONS = (("read", "r"), ("create", "c"), ("write", "w"), ("unlink", "u"))
# the columns of MATRIX, in the order of ROLES: "staff" is the staff mentor, "p_mentee" and
# "p_mentor" the pupil mentee and his pupil mentor in the portal, "parent" the mentee's mother
HEADER = ("curator", "coordinator", "staff", "hr_officer", "p_mentee", "p_mentor", "parent")

MATRIX = """
model                              curator     coordinator staff       hr_officer  p_mentee    p_mentor    parent
mentorship.consent                 rcwu/----   rcwu/rcwu   ----/----   ----/----   r---/----   ----/----   r---/----
mentorship.contest                 r---/r---   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.contest.criterion       r---/r---   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.contest.entry           rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.contest.mark            ----/----   r-w-/r-w-   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.document.template       rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.form                    rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.mentee                  rcwu/----   rcwu/rcwu   r---/----   ----/----   r---/----   r---/----   r---/----
mentorship.mentee.category         rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.mentor                  rcwu/----   rcwu/rcwu   r---/----   r---/----   r---/----   r---/----   r---/----
mentorship.mentor.category         rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.mentor.training         rcwu/----   rcwu/rcwu   r---/----   r---/----   ----/----   ----/----   ----/----
mentorship.matching                rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.matching.line           rcw-/----   rcw-/rcw-   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.matching.progress       r---/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.monitoring              rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.monitoring.indicator    r---/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.monitoring.progress     r---/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.organisation.summary    ----/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.pair                    rcwu/----   rcwu/rcwu   r-w-/----   r---/----   r---/----   r---/----   r---/----
mentorship.pair.stage              rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.partnership.agreement   rcwu/----   rcwu/rcwu   r---/----   r---/----   ----/----   ----/----   ----/----
mentorship.plan                    rcwu/----   rcwu/rcwu   rcw-/----   ----/----   r---/----   r---/----   r---/----
mentorship.plan.line               rcwu/----   rcwu/rcwu   rcw-/----   ----/----   r---/----   r---/----   r---/----
mentorship.plan.template           rcwu/rcwu   rcwu/rcwu   r---/r---   ----/----   ----/----   ----/----   ----/----
mentorship.plan.template.line      rcwu/rcwu   rcwu/rcwu   r---/r---   ----/----   ----/----   ----/----   ----/----
mentorship.practice                rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.program                 rcwu/----   rcwu/rcwu   r---/----   r---/----   ----/----   ----/----   ----/----
mentorship.replacement.request     rcwu/----   rcwu/rcwu   r---/----   ----/----   r---/----   ----/----   ----/----
mentorship.roadmap                 rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.roadmap.activity        rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.roadmap.stage           rcwu/rcwu   rcwu/rcwu   r---/r---   ----/----   ----/----   ----/----   ----/----
mentorship.roadmap.template.line   rcwu/rcwu   rcwu/rcwu   r---/r---   ----/----   ----/----   ----/----   ----/----
mentorship.role.model              rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.school.achievement      rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.school.exam.result      rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.school.mark             rcwu/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.school.mark.import      rcw-/----   rcw-/rcw-   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.school.mark.import.progress r---/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
mentorship.school.period           rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.school.subject          rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
mentorship.tag                     rcwu/rcwu   rcwu/rcwu   r---/r---   r---/r---   ----/----   ----/----   ----/----
calendar.event                     rcwu/----   rcwu/rcwu   rcwu/----   ----/----   ----/----   ----/----   ----/----
survey.question                    r---/r---   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
survey.question.answer             r---/r---   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
survey.survey                      r---/r---   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
survey.user_input                  rcw-/----   rcwu/rcwu   ----/----   ----/----   ----/----   ----/----   ----/----
survey.user_input.line             r---/----   r---/r---   ----/----   ----/----   ----/----   ----/----   ----/----
"""
# the questionnaires of the target model and their answers (participants answer through
# survey's own pages with their personal link, never through the back office)
SURVEY_MODELS = (
    "survey.question",
    "survey.question.answer",
    "survey.survey",
    "survey.user_input",
    "survey.user_input.line",
)


@tagged("post_install", "-at_install")
class TestAccessMatrix(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.samples = cls._samples()

    @classmethod
    def _plan(cls, pair):
        return cls.env["mentorship.plan"].create(
            {
                "name": f"Plan of {pair.name}",
                "pair_id": pair.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 3, 1),
                "line_ids": [Command.create({"name": "Lesson visits"})],
            }
        )

    @classmethod
    def _meeting(cls, pair):
        start = fields.Datetime.now().replace(microsecond=0) - timedelta(days=3)
        return (
            cls.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": f"Meeting of {pair.name}",
                    "mentorship_pair_id": pair.id,
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mentorship_minutes": "Confidential notes about the pupil",
                }
            )
        )

    @classmethod
    def _request(cls, pair):
        return cls.env["mentorship.replacement.request"].create(
            {"pair_id": pair.id, "mentee_id": pair.mentee_ids[:1].id, "reason": "We do not get along"}
        )

    @classmethod
    def _roadmap(cls, company):
        return cls.env["mentorship.roadmap"].create(
            {
                "name": f"Roadmap of {company.name}",
                "company_id": company.id,
                "date_start": date(2025, 9, 1),
                "roadmap_activity_ids": [
                    Command.create(
                        {
                            "name": "Form the working group",
                            "stage_id": cls.env.ref("mentorship_core.roadmap_stage_1").id,
                        }
                    )
                ],
            }
        )

    @classmethod
    def _training(cls, mentor):
        return cls.env["mentorship.mentor.training"].create(
            {"mentor_id": mentor.id, "name": "Mentoring school", "date": date(2025, 8, 1)}
        )

    @classmethod
    def _by_pair(cls, make):
        """{'staff': record of the staff pair, 'portal': of the pupil pair, 'other': of school B}"""
        return {"staff": make(cls.staff_pair), "portal": make(cls.pupil_pair), "other": make(cls.pair_b)}

    @classmethod
    def _samples(cls):
        env = cls.env
        plans = cls._by_pair(cls._plan)
        roadmaps = {"staff": cls._roadmap(cls.school), "other": cls._roadmap(cls.school_b)}
        roadmaps["portal"] = roadmaps["staff"]
        consents = cls._by_pair(
            lambda pair: env["mentorship.consent"].search([("partner_id", "=", pair.mentee_ids.partner_id.id)])
        )
        samples = {
            "mentorship.program": {
                "staff": cls.program_teachers,
                "portal": cls.program_pupils,
                "other": cls.program_b,
            },
            "mentorship.pair": cls._by_pair(lambda pair: pair),
            "mentorship.mentor": cls._by_pair(lambda pair: pair.mentor_id),
            "mentorship.mentee": cls._by_pair(lambda pair: pair.mentee_ids),
            "mentorship.plan": plans,
            "mentorship.plan.line": {key: plan.line_ids for key, plan in plans.items()},
            "mentorship.consent": consents,
            "mentorship.replacement.request": cls._by_pair(cls._request),
            "mentorship.mentor.training": cls._by_pair(lambda pair: cls._training(pair.mentor_id)),
            "mentorship.roadmap": roadmaps,
            "mentorship.roadmap.activity": {key: roadmap.roadmap_activity_ids for key, roadmap in roadmaps.items()},
            "calendar.event": cls._by_pair(cls._meeting),
        }
        samples.update(cls._school_samples())
        samples.update(cls._survey_samples())
        samples["mentorship.document.template"] = cls._document_templates()
        samples["mentorship.practice"] = cls._practices()
        samples.update(cls._monitoring_samples())
        samples.update(cls._matching_samples())
        summaries = env["mentorship.organisation.summary"]
        samples["mentorship.organisation.summary"] = {
            "staff": summaries.browse(cls.school.id),
            "portal": summaries.browse(cls.school.id),
            "other": summaries.browse(cls.school_b.id),
        }
        for model in cls._matrix_models():
            if model not in samples:
                record = env[model].search([], limit=1)
                samples[model] = {"staff": record, "portal": record, "other": record}
        return samples

    @classmethod
    def _school_samples(cls):
        """Records of mentorship_school: marks, agreements, contests."""
        env = cls.env
        period = env["mentorship.school.period"].create(
            {"name": "Term 1 (access test)", "date_start": date(2025, 9, 1), "date_end": date(2025, 10, 31)}
        )
        subject = env.ref("mentorship_school.subject_mathematics")

        def pupil_record(model, pair, values):
            partner = pair.mentee_ids.partner_id
            return env[model].create({"partner_id": partner.id, "company_id": pair.company_id.id, **values})

        def agreement(pair):
            organisation = env["res.partner"].create({"name": f"Partner of {pair.company_id.name}", "is_company": True})
            return env["mentorship.partnership.agreement"].create(
                {
                    "number": f"A-{pair.id}",
                    "partner_id": organisation.id,
                    "date_start": date(2025, 1, 1),
                    "company_id": pair.company_id.id,
                }
            )

        imports = cls._by_pair(
            lambda pair: env["mentorship.school.mark.import"].create(
                {
                    "file": base64.b64encode(b"pupil_code;period;subject;average\n"),
                    "filename": "marks.csv",
                    "company_id": pair.company_id.id,
                }
            )
        )
        contest = env["mentorship.contest"].create(
            {"name": "Best Mentor (access test)", "criterion_ids": [Command.create({"name": "Results"})]}
        )
        contest.action_open_nominations()
        entries = cls._by_pair(
            lambda pair: env["mentorship.contest.entry"].create(
                {"contest_id": contest.id, "mentor_id": pair.mentor_id.id, "company_id": pair.company_id.id}
            )
        )
        contest.jury_user_ids = cls.users["coordinator"]
        contest.action_start_judging()
        return {
            "mentorship.school.mark": cls._by_pair(
                lambda pair: pupil_record(
                    "mentorship.school.mark", pair, {"period_id": period.id, "subject_id": subject.id, "average": 4.5}
                )
            ),
            "mentorship.school.exam.result": cls._by_pair(
                lambda pair: pupil_record(
                    "mentorship.school.exam.result",
                    pair,
                    {"exam": "oge", "subject_id": subject.id, "date": date(2026, 5, 20), "score": 20, "passed": True},
                )
            ),
            "mentorship.school.achievement": cls._by_pair(
                lambda pair: pupil_record(
                    "mentorship.school.achievement",
                    pair,
                    {"name": "School olympiad", "kind": "olympiad", "date": date(2025, 11, 1)},
                )
            ),
            "mentorship.partnership.agreement": cls._by_pair(agreement),
            "mentorship.school.mark.import": imports,
            "mentorship.school.mark.import.progress": {
                key: mark_import.progress_ids for key, mark_import in imports.items()
            },
            "mentorship.contest": {"staff": contest, "portal": contest, "other": contest},
            "mentorship.contest.criterion": dict.fromkeys(("staff", "portal", "other"), contest.criterion_ids),
            "mentorship.contest.entry": entries,
            "mentorship.contest.mark": {key: entry.mark_ids for key, entry in entries.items()},
        }

    @classmethod
    def _survey_samples(cls):
        """A shipped questionnaire (the same for every school) and the
        answers of each pair's mentee, about their pair."""
        survey = cls.env.ref("mentorship_core.survey_mentee_satisfaction_teachers")

        def answer(pair):
            user_input = survey._create_answer(partner=pair.mentee_ids.partner_id, check_attempts=False)
            user_input.mentorship_pair_id = pair
            user_input._save_lines(survey.question_ids[:1], survey.question_ids[:1].suggested_answer_ids[:1].id)
            return user_input

        answers = cls._by_pair(answer)
        question = survey.question_ids[:1]
        return {
            "survey.survey": {"staff": survey, "portal": survey, "other": survey},
            "survey.question": {"staff": question, "portal": question, "other": question},
            "survey.question.answer": {key: question.suggested_answer_ids[:1] for key in ("staff", "portal", "other")},
            "survey.user_input": answers,
            "survey.user_input.line": {key: answer.user_input_line_ids for key, answer in answers.items()},
        }

    @classmethod
    def _monitoring_samples(cls):
        """A campaign of each school, with an indicator and the progress of its closing."""
        env = cls.env
        campaigns = {
            key: env["mentorship.monitoring"].create(
                {
                    "name": f"Monitoring of {company.name}",
                    "company_id": company.id,
                    "date_from": date(2025, 12, 1),
                    "date_to": date(2025, 12, 31),
                }
            )
            for key, company in (("staff", cls.school), ("other", cls.school_b))
        }
        samples = {
            "mentorship.monitoring": campaigns,
            "mentorship.monitoring.indicator": {
                key: env["mentorship.monitoring.indicator"].create(
                    {
                        "monitoring_id": campaign.id,
                        "level": "organisation",
                        "indicator": "pairs",
                        "company_id": campaign.company_id.id,
                        "value": 1,
                        "base": 1,
                    }
                )
                for key, campaign in campaigns.items()
            },
            "mentorship.monitoring.progress": {
                key: env["mentorship.monitoring.progress"].create({"monitoring_id": campaign.id})
                for key, campaign in campaigns.items()
            },
        }
        for sample in samples.values():
            sample["portal"] = sample["staff"]
        return samples

    @classmethod
    def _matching_samples(cls):
        """A matching run of each school, with a line (a mentee left unmatched) and its progress."""
        env = cls.env
        runs = {
            key: env["mentorship.matching"].create(
                {
                    "name": f"Matching of {program.company_id.name}",
                    "company_id": program.company_id.id,
                    "program_ids": [Command.set(program.ids)],
                }
            )
            for key, program in (("staff", cls.program_teachers), ("other", cls.program_b))
        }
        samples = {
            "mentorship.matching": runs,
            "mentorship.matching.line": {
                key: env["mentorship.matching.line"].create(
                    {
                        "matching_id": run.id,
                        "program_id": run.program_ids.id,
                        "mentee_id": pair.mentee_ids.id,
                        "state": "unmatched",
                        "unmatched_reason": "no_allowed_mentor",
                    }
                )
                for (key, run), pair in zip(runs.items(), (cls.staff_pair, cls.pair_b), strict=True)
            },
            "mentorship.matching.progress": {
                key: env["mentorship.matching.progress"].create({"matching_id": run.id}) for key, run in runs.items()
            },
        }
        for sample in samples.values():
            sample["portal"] = sample["staff"]
        return samples

    @classmethod
    def _document_templates(cls):
        """Each school's own layout of the order appointing the curator."""
        report = cls.env.ref("mentorship_reports.action_report_order_curator")
        odt = files("odoo.addons.mentorship_reports").joinpath("report/templates/order_curator.odt").read_bytes()
        templates = {
            key: cls.env["mentorship.document.template"].create(
                {"report_id": report.id, "company_id": company.id, "template": base64.b64encode(odt)}
            )
            for key, company in (("staff", cls.school), ("other", cls.school_b))
        }
        return {**templates, "portal": templates["staff"]}

    @classmethod
    def _practices(cls):
        """A draft practice of each school (a published one is read by the whole
        municipality: mentorship_core/tests/test_practice.py)."""
        practices = {
            key: cls.env["mentorship.practice"].create(
                {"name": f"Practice of {company.name}", "company_id": company.id}
            )
            for key, company in (("staff", cls.school), ("other", cls.school_b))
        }
        return {**practices, "portal": practices["staff"]}

    @classmethod
    def _matrix_models(cls):
        """Every stored model of the four addons, the pairs' meetings, the
        questionnaires and their answers. The
        incentives, whose rights depend on their state as well, have their
        own table of rights per group and school (test_incentive_access.py)."""
        models = cls.env["ir.model"].search([("model", "=like", "mentorship.%"), ("transient", "=", False)])
        stored = [
            model.model
            for model in models
            if not cls.env[model.model]._abstract and not model.model.startswith("mentorship.incentive")
        ]
        return [*sorted(stored), "calendar.event", *SURVEY_MODELS]

    def _cell(self, role, record):
        env = self._as(role)
        letters = [
            letter if not record.with_env(env)._check_access(operation) else "-" for operation, letter in OPERATIONS
        ]
        return "".join(letters)

    def _actual_matrix(self):
        rows = {}
        for model in self._matrix_models():
            sample = self.samples[model]
            cells = []
            for role in ROLES:
                own = sample["portal" if role in PORTAL_ROLES else "staff"]
                cells.append(f"{self._cell(role, own)}/{self._cell(role, sample['other'])}")
            rows[model] = cells
        return rows

    @staticmethod
    def _expected_matrix():
        lines = [line.split() for line in MATRIX.strip().splitlines()[1:]]
        return {line[0]: line[1:] for line in lines}

    @staticmethod
    def _format(rows):
        lines = [f"{'model':34}" + "".join(f" {label:11}" for label in HEADER)]
        lines += [f"{model:34}" + "".join(f" {cell:11}" for cell in cells) for model, cells in rows.items()]
        return "\n".join(lines)

    def test_samples_cover_both_organisations(self):
        for model, sample in self.samples.items():
            with self.subTest(model=model):
                self.assertTrue(sample["staff"] and sample["other"], f"no sample of {model}")

    def test_access_matrix(self):
        actual = self._actual_matrix()
        expected = self._expected_matrix()
        self.assertEqual(
            expected,
            actual,
            "The access matrix changed; the rights as they are now:\n" + self._format(actual),
        )


MONEY_ROLES = (*ROLES, "director", "two_hats")


class _Undone(Exception):
    """Raised to roll back an operation that went through."""


# who approves an incentive of their own school / of the other school ("a"), and who reads ("r"),
# replaces ("w") or deletes ("u") the exported payroll file of a batch; "two_hats" is an HR officer
# who also mentors, and the incentive of their own school is theirs
MONEY_MATRIX = """
action            curator  coordinator staff  hr_officer p_mentee p_mentor parent director two_hats
approve           -/-      -/-         -/-    a/-        -/-      -/-      -/-    a/-      -/-
payroll_file      ---/---  ---/---     ---/---  r--/---  ---/---  ---/---  ---/---  r--/---  r--/---
"""


@tagged("post_install", "-at_install")
class TestMoneyAccessMatrix(MentorshipRolesCase, TransactionCase):
    """The incentive's approval and the files of exported payroll batches, for
    each role and for a person with two hats, in their school and the other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        two_hats = cls._school_user("test_hr_mentor", "mentorship_core.group_mentorship_hr_officer")
        two_hats.group_ids = [Command.link(cls.env.ref("mentorship_core.group_mentorship_mentor").id)]
        cls.users["two_hats"] = two_hats
        own_pair = cls._pair(cls._mentor("HR Mentor", partner=two_hats.partner_id), cls._mentee("Their Mentee"))
        cls.letters = {
            "own": cls._letter(cls.staff_pair),
            "other": cls._letter(cls.pair_b),
            "two_hats": cls._letter(own_pair),
        }
        cls.files = {"own": cls._payroll_file(cls.school), "other": cls._payroll_file(cls.school_b)}

    @classmethod
    def _letter(cls, pair):
        letter = cls.env["mentorship.incentive"].create(
            {
                "mentor_id": pair.mentor_id.id,
                "company_id": pair.company_id.id,
                "kind": "thank_you_letter",
                "date_from": date(2025, 10, 1),
                "date_to": date(2025, 10, 31),
                "basis": "Regulation on mentorship, clause 7",
            }
        )
        letter.action_propose()
        return letter

    @classmethod
    def _payroll_file(cls, company):
        batch = cls.env["mentorship.incentive.batch"].create(
            {"company_id": company.id, "date_from": date(2025, 10, 1), "date_to": date(2025, 10, 31)}
        )
        attachment = cls.env["ir.attachment"].create(
            {"name": f"{batch.name}.csv", "raw": b"figures", "res_model": batch._name, "res_id": batch.id}
        )
        batch.write({"state": "exported", "csv_file_id": attachment.id})
        return attachment

    def _succeeds(self, operation):
        """Whether ``operation`` goes through; it is undone either way."""
        try:
            with self.env.cr.savepoint():
                operation()
                self.env.flush_all()
                raise _Undone
        except _Undone:
            return True
        except (AccessError, UserError):
            return False
        finally:
            self.env.invalidate_all()

    def _approve_cell(self, role, key):
        letter = self.letters["two_hats" if (role, key) == ("two_hats", "own") else key].with_env(self._as(role))
        return "a" if self._succeeds(lambda: letter._approve("45-k", date(2025, 11, 5))) else "-"

    def _file_cell(self, role, key):
        attachment = self.files[key].with_env(self._as(role))
        attempts = (
            ("r", lambda: attachment.read(["raw"])),
            ("w", lambda: attachment.write({"raw": b"other figures"})),
            ("u", attachment.unlink),
        )
        return "".join(letter if self._succeeds(attempt) else "-" for letter, attempt in attempts)

    def test_money_access_matrix(self):
        actual = {}
        for action, cell in (("approve", self._approve_cell), ("payroll_file", self._file_cell)):
            actual[action] = ["/".join(cell(role, key) for key in ("own", "other")) for role in MONEY_ROLES]
        lines = [line.split() for line in MONEY_MATRIX.strip().splitlines()[1:]]
        expected = {line[0]: line[1:] for line in lines}
        self.assertEqual(expected, actual, f"The rights on money changed; as they are now: {actual}")
