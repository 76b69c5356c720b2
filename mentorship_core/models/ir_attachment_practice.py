from odoo import api, models

from .ir_attachment import FILE_FIELDS

PRACTICE_MODEL = "mentorship.practice"


class IrAttachment(models.Model):
    """The files of a submitted or published best practice are what the
    coordinator moderated: its curator does not replace or delete them
    behind the coordinator's back (a file's access follows its practice,
    which the curator may write)."""

    _inherit = "ir.attachment"

    def _check_practice_files_moderated(self):
        candidates = self.sudo().filtered(lambda attachment: attachment.res_model == PRACTICE_MODEL)
        if not candidates:
            return
        practices = self.env[PRACTICE_MODEL].browse(candidates.mapped("res_id")).exists()
        moderated = practices.sudo().filtered(
            lambda practice: (practice.public_attachment_ids | practice.internal_attachment_ids) & candidates
        )
        practices.browse(moderated.ids)._check_editable()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_moderated_practice_files(self):
        self._check_practice_files_moderated()

    def write(self, vals):
        if FILE_FIELDS & vals.keys():
            self._check_practice_files_moderated()
        return super().write(vals)
