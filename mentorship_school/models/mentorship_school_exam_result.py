from odoo import fields, models

EXAMS = [("vpr", "VPR (all-Russian test)"), ("oge", "OGE (basic state exam)"), ("ege", "EGE (unified state exam)")]


class MentorshipSchoolExamResult(models.Model):
    """A pupil's result in a national test or exam (ВПР, ОГЭ, ЕГЭ)."""

    _name = "mentorship.school.exam.result"
    _description = "Exam Result of a Pupil"
    _order = "date desc, id desc"
    _inherit = ["mentorship.school.pupil.record.mixin"]

    exam = fields.Selection(EXAMS, required=True)
    subject_id = fields.Many2one("mentorship.school.subject", required=True)
    date = fields.Date(required=True)
    score = fields.Float()
    passed = fields.Boolean()
    teacher_id = fields.Many2one(
        "hr.employee", index="btree_not_null", check_company=True, help="Who prepared the pupil for the exam."
    )
