from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentorshipReplacementRequest(models.Model):
    """A mentee's request (or the curator's, for them) to replace the mentor."""

    _name = "mentorship.replacement.request"
    _description = "Request to Replace the Mentor"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "pair_id"

    pair_id = fields.Many2one("mentorship.pair", required=True, index=True, tracking=True)
    mentee_id = fields.Many2one(
        "mentorship.mentee",
        required=True,
        index=True,
        domain="[('pair_ids', 'in', pair_id)]",
    )
    mentor_id = fields.Many2one(related="pair_id.mentor_id", store=True, string="Mentor to Replace")
    company_id = fields.Many2one(related="pair_id.company_id", store=True, index=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="submitted",
        required=True,
        tracking=True,
    )
    decision_note = fields.Text(tracking=True)
    new_pair_id = fields.Many2one("mentorship.pair", readonly=True, copy=False)

    @api.constrains("pair_id", "mentee_id")
    def _check_mentee_in_pair(self):
        for request in self:
            if request.mentee_id not in request.pair_id.mentee_ids:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s is not a mentee of the pair %(pair)s.",
                        mentee=request.mentee_id.display_name,
                        pair=request.pair_id.display_name,
                    )
                )

    def _check_submitted(self):
        if self.filtered(lambda request: request.state != "submitted"):
            raise UserError(self.env._("Only a submitted request can be decided."))

    def action_approve(self):
        """Take the mentee out of the pair (closing it when they were its only
        mentee), exclude the mentor for them and open a new pair in Matching."""
        self._check_submitted()
        for request in self:
            request._replace_mentor()
        return True

    def _replace_mentor(self):
        old_pair, mentee = self.pair_id, self.mentee_id
        reason = self.env._(
            "Mentor replaced at the request of %(mentee)s: %(reason)s",
            mentee=mentee.display_name,
            reason=self.reason,
        )
        mentee.excluded_mentor_ids = [fields.Command.link(old_pair.mentor_id.id)]
        new_pair = old_pair.copy(
            {
                "mentor_id": False,
                "mentee_ids": [fields.Command.set(mentee.ids)],
                "kind": "traditional" if old_pair.kind == "group" else old_pair.kind,
                "stage_id": self.env["mentorship.pair.stage"]._for_state("matching").id,
                # the new pair starts when its order approves it
                "date_start": False,
            }
        )
        remaining = old_pair.mentee_ids - mentee
        if not remaining:
            old_pair._dissolve(reason)
        else:
            kind = "traditional" if old_pair.kind == "group" and len(remaining) == 1 else old_pair.kind
            old_pair.write({"mentee_ids": [fields.Command.unlink(mentee.id)], "kind": kind})
            old_pair.message_post(body=reason)
        self.write({"state": "approved", "new_pair_id": new_pair.id})

    def action_reject(self):
        self._check_submitted()
        self.state = "rejected"
        return True
