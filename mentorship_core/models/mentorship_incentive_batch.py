import csv
import io

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date, format_datetime

CSV_DELIMITER = ";"


class MentorshipIncentiveBatch(models.Model):
    """A payroll batch of an organisation: the approved payments of a period,
    exported once to the file the payroll system imports. The batch keeps the
    files it exported, who exported them and when; its lines are locked from
    then on and a correction goes to a later batch as a reversal line."""

    _name = "mentorship.incentive.batch"
    _description = "Incentive Payroll Batch"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True, copy=False, default=lambda self: self.env._("New"))
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Period From", required=True, tracking=True)
    date_to = fields.Date(string="Period To", required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("exported", "Exported"), ("paid", "Paid")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("mentorship.incentive", "batch_id", string="Payments", readonly=True)
    line_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(string="Total", compute="_compute_totals")
    exported_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    exported_date = fields.Datetime(string="Exported On", readonly=True, copy=False)
    xlsx_file_id = fields.Many2one("ir.attachment", string="XLSX File", readonly=True, copy=False)
    csv_file_id = fields.Many2one("ir.attachment", string="CSV File", readonly=True, copy=False)
    note = fields.Text()

    _dates_ordered = models.Constraint("CHECK(date_from <= date_to)", "A period cannot end before it starts.")

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        for batch in self:
            batch.line_count = len(batch.line_ids)
            batch.amount_total = sum(batch.line_ids.mapped("amount"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code("mentorship.incentive.batch")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(batch.state != "draft" for batch in self):
            raise UserError(self.env._("An exported batch is kept for the audit trail and cannot be deleted."))

    def write(self, vals):
        if not self.env.su and any(batch.state != "draft" for batch in self) and vals.keys() - {"note"}:
            raise UserError(self.env._("An exported batch cannot be changed."))
        return super().write(vals)

    # --- lines ----------------------------------------------------------------

    def _collectable_domain(self):
        """Approved payments of the organisation up to the end of the period
        that are in no batch yet: late ones of earlier months and the reversals
        of exported payments come in too."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("category", "=", "payment"),
            ("state", "=", "approved"),
            ("batch_id", "=", False),
            ("date_from", "<=", self.date_to),
        ]

    def action_collect(self):
        self._check_draft()
        for batch in self:
            lines = self.env["mentorship.incentive"].search(batch._collectable_domain())
            lines.sudo().write({"batch_id": batch.id})
        return True

    def _check_draft(self):
        exported = self.filtered(lambda batch: batch.state != "draft")
        if exported:
            batch = exported[0]
            raise UserError(
                self.env._(
                    "The batch %(batch)s was exported on %(date)s by %(user)s; it is not exported or changed again. "
                    "Correct its payments with reversals in the next batch.",
                    batch=batch.name,
                    date=format_datetime(self.env, batch.exported_date),
                    user=batch.exported_by_id.name,
                )
            )

    # --- export -------------------------------------------------------------

    def action_export(self):
        """Export once: lock the lines, keep the XLSX and CSV files on the
        batch and record who exported them and when."""
        self.ensure_one()
        self._check_draft()
        if not self.line_ids:
            raise UserError(self.env._("The batch has no payments to export: collect the approved payments first."))
        self.line_ids._check_not_own()
        self.line_ids._set_state("exported")
        # the files and the chatter are written in the language of the user who exports them
        in_user_lang = self.with_context(lang=self.env.user.lang)
        files = {
            "xlsx_file_id": self._attach(f"{self.name}.xlsx", in_user_lang._xlsx_content()),
            "csv_file_id": self._attach(f"{self.name}.csv", in_user_lang._csv_content()),
        }
        self.sudo().write(
            {"state": "exported", "exported_by_id": self.env.uid, "exported_date": fields.Datetime.now(), **files}
        )
        in_user_lang.message_post(
            body=in_user_lang.env._(
                "Exported %(count)s payment(s), %(total)s in all.",
                count=self.line_count,
                total=format_amount(self.env, self.amount_total, self.currency_id),
            ),
            attachment_ids=[files["xlsx_file_id"], files["csv_file_id"]],
        )
        return True

    def action_mark_paid(self):
        for batch in self:
            if batch.state != "exported":
                raise UserError(self.env._("Only an exported batch is marked as paid."))
        self.line_ids._set_state("paid")
        self.sudo().write({"state": "paid"})
        return True

    def _attach(self, name, content):
        return (
            self.env["ir.attachment"]
            .sudo()
            .create({"name": name, "raw": content, "res_model": self._name, "res_id": self.id})
            .id
        )

    def _track_finalize(self):
        """The chatter in the language of the HR officer who exported, as
        for the payments of the batch."""
        return super(MentorshipIncentiveBatch, self.with_context(lang=self.env.user.lang))._track_finalize()

    def _export_title(self):
        """«Incentive payments to mentors for October 2026, batch …»: the
        period is named by its month when it is one."""
        self.ensure_one()
        if self.date_from == self.date_from + relativedelta(day=1) and self.date_to == self.date_from + relativedelta(
            day=31
        ):
            # in the middle of a sentence: «за октябрь 2026»
            period = format_date(self.env, self.date_from, date_format="LLLL yyyy")
        else:
            period = f"{format_date(self.env, self.date_from)} – {format_date(self.env, self.date_to)}"
        return self.env._(
            "Incentive payments to mentors for %(period)s, payroll batch %(batch)s", period=period, batch=self.name
        )

    def _export_header(self):
        return [
            self.env._("Personnel Number"),
            self.env._("Full Name"),
            self.env._("Accrual Code"),
            self.env._("Amount"),
            self.env._("Period"),
            self.env._("Basis"),
        ]

    def _export_rows(self):
        """One row per line, in the order of the file: personnel number, full
        name, accrual code, amount, period (MM.YYYY), basis."""
        rows = []
        for line in self.line_ids.sorted(lambda line: (line.mentor_id.display_name, line.id)).sudo():
            rows.append(
                [
                    line.personnel_number or "",
                    line.employee_id.name or line.mentor_id.display_name,
                    line.accrual_code or "",
                    line.amount,
                    line.date_from.strftime("%m.%Y"),
                    line._export_basis(),
                ]
            )
        return rows

    def _csv_content(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(self._export_header())
        for row in self._export_rows():
            writer.writerow([f"{value:.2f}" if isinstance(value, float) else value for value in row])
        # a BOM, so that spreadsheet programs read the Cyrillic as UTF-8
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    def _xlsx_content(self):
        content, _format = (
            self.env["ir.actions.report"]
            .with_context(active_model=self._name)
            ._render_xlsx("mentorship_core.action_report_incentive_batch_xlsx", self.ids, data=None)
        )
        return content

    def action_download_xlsx(self):
        return self._download(self.xlsx_file_id)

    def action_download_csv(self):
        return self._download(self.csv_file_id)

    def _download(self, attachment):
        self.ensure_one()
        if not attachment:
            raise UserError(self.env._("The batch has not been exported yet."))
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true", "target": "self"}
