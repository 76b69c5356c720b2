from odoo import Command, fields, models
from odoo.exceptions import AccessError


class MentorshipMentee(models.Model):
    """The portfolio of a mentee: the files put in it on purpose, by the
    mentee in the portal or by the curator on the mentee's form. The other
    files attached to the mentee (a note in the chatter, say) are the
    school's and never reach the portal."""

    _inherit = "mentorship.mentee"

    portfolio_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_mentee_portfolio_rel",
        "mentee_id",
        "attachment_id",
        string="Portfolio Files",
        help="Certificates, diplomas and project files of the mentee, uploaded in the portal or added here by the "
        "curator: the mentee sees them in the portal and removes the ones they uploaded. The files attached in "
        "the chatter stay the school's.",
    )

    def _portal_portfolio(self):
        """The portfolio files, for whoever may read this mentee (the mentee,
        their parents and mentor, the curators), with sudo: portal users
        read no attachment themselves."""
        self.check_access("read")
        return self.sudo().portfolio_attachment_ids

    def _portal_may_remove(self, attachment):
        """Whether the signed-in user may remove ``attachment`` from this
        portfolio: only the mentee, and only a file they uploaded."""
        self.ensure_one()
        user = self.env.user
        return (
            self.user_id == user
            and attachment in self.sudo().portfolio_attachment_ids
            and attachment.sudo().create_uid == user
        )

    def _portal_portfolio_add(self, name, content, description=""):
        """The mentee adds a file to their own portfolio: the new attachment,
        uploaded by them."""
        self.ensure_one()
        if self.user_id != self.env.user:
            raise AccessError(self.env._("Only the mentee adds files to their portfolio."))
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {"name": name, "raw": content, "description": description, "res_model": self._name, "res_id": self.id}
            )
        )
        self.sudo().portfolio_attachment_ids = [Command.link(attachment.id)]
        return attachment.with_env(self.env)

    def _portal_portfolio_remove(self, attachment):
        """The mentee removes a file they uploaded; the curator's stay."""
        if not self._portal_may_remove(attachment):
            raise AccessError(self.env._("You can only remove the files you uploaded to your portfolio."))
        attachment.sudo().unlink()
