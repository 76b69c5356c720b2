from odoo import fields, models


class MentorshipForm(models.Model):
    """A form of mentorship of the target model, e.g. "teacher - teacher".

    The form decides which categories of mentors and mentees may meet in its
    pairs, and carries the role models (sub-forms) a pair can follow.
    """

    _name = "mentorship.form"
    _description = "Form of Mentorship"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    mentor_category_ids = fields.Many2many(
        "mentorship.mentor.category",
        string="Mentor Categories",
        help="Categories of mentors allowed in pairs of this form.",
    )
    mentee_category_ids = fields.Many2many(
        "mentorship.mentee.category",
        string="Mentee Categories",
        help="Categories of mentees allowed in pairs of this form.",
    )
    role_model_ids = fields.One2many("mentorship.role.model", "form_id", string="Role Models")

    _name_uniq = models.Constraint("UNIQUE(name)", "A form of mentorship with this name already exists.")
