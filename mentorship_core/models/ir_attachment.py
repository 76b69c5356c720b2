from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mail.tools.discuss import Store

BATCH_MODEL = "mentorship.incentive.batch"
PRACTICE_MODEL = "mentorship.practice"
# what a file is: writing any of these replaces, renames or moves it
FILE_FIELDS = frozenset(
    {"name", "datas", "raw", "db_datas", "store_fname", "url", "type", "res_model", "res_id", "res_field"}
)


class IrAttachment(models.Model):
    """Files that are kept as they were:

    - the XLSX and CSV files of an exported payroll batch are what the
      register says was sent: nobody but a database administrator deletes,
      replaces or moves them, on any path (chatter, RPC, sudo in code);
    - the files of a submitted or published best practice are what the
      coordinator moderated: its curator does not replace or delete them
      behind the coordinator's back (a file's access follows its practice,
      which the curator may write)."""

    _inherit = "ir.attachment"

    mentorship_is_kept = fields.Boolean(
        string="Kept for the Audit Trail",
        compute="_compute_mentorship_is_kept",
        help="A file of an exported payroll batch: it cannot be deleted or replaced.",
    )

    def _compute_mentorship_is_kept(self):
        kept = self._payroll_files()
        for attachment in self:
            attachment.mentorship_is_kept = attachment in kept

    def _payroll_files(self):
        """The files of exported payroll batches among these attachments."""
        candidates = self.sudo().filtered(lambda attachment: attachment.res_model == BATCH_MODEL)
        if not candidates:
            return self.browse()
        batches = (
            self.env[BATCH_MODEL]
            .sudo()
            .search(
                [
                    ("state", "!=", "draft"),
                    "|",
                    ("xlsx_file_id", "in", candidates.ids),
                    ("csv_file_id", "in", candidates.ids),
                ]
            )
        )
        return self.browse((candidates & (batches.xlsx_file_id | batches.csv_file_id)).ids)

    def _check_payroll_files_kept(self):
        if self.env.user._is_system() or self.env.user._is_superuser():
            return
        kept = self._payroll_files()
        if kept:
            raise UserError(
                self.env._(
                    "%(file)s was exported to payroll and is kept as it was sent: it cannot be deleted or "
                    "replaced. Correct a payment with a reversal in the next batch.",
                    file=kept[0].sudo().name,
                )
            )

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
    def _unlink_except_kept_files(self):
        self._check_payroll_files_kept()
        self._check_practice_files_moderated()

    def write(self, vals):
        if FILE_FIELDS & vals.keys():
            self._check_payroll_files_kept()
            self._check_practice_files_moderated()
        return super().write(vals)

    def _to_store_defaults(self, target):
        # sent for the kept files only: the chatter's other attachments keep mail's own data
        kept = Store.Attr("mentorship_is_kept", predicate=lambda attachment: attachment.mentorship_is_kept)
        return [*super()._to_store_defaults(target), kept]
