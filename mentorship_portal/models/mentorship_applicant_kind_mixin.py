from odoo import fields, models

APPLICANT_KINDS = [("pupil", "Pupil or student"), ("adult", "Adult")]


class MentorshipApplicantKindMixin(models.AbstractModel):
    """Who applies in a category on the public pages: a pupil (who may be
    under 18) or an adult. A pupil is offered only the programs whose form
    takes pupils, a teacher only those that take adults."""

    _name = "mentorship.applicant.kind.mixin"
    _description = "Mentorship Applicant Kind"

    applicant_kind = fields.Selection(
        APPLICANT_KINDS,
        string="Who Applies",
        help="On the public application pages: pupils and students (a parent signs the consent of a minor) "
        "or adults. Left empty, the category is offered to everyone.",
    )
