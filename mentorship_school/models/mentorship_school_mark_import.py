import base64
import csv
import io
import logging
from array import array

import psycopg2
from chardet import UniversalDetector
from python_calamine import CalamineError, CalamineWorkbook

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL, float_round

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import ENQUEUED, PENDING, STARTED, WAIT_DEPENDENCIES

_logger = logging.getLogger(__name__)

# documented layout of the marks file; headers in English or Russian
COLUMNS = {
    "pupil_code": ("pupil_code", "код ученика"),
    "period": ("period", "период"),
    "subject": ("subject", "предмет"),
    "average": ("average", "средний балл"),
}
# rows written per statement, and rows read between two progress reports
BATCH_SIZE = 10_000
# shares of the progress bar: reading and checking the file, then writing
CHECKED_PERCENT = 60
# bytes of a CSV file given to chardet at a time, until it is sure of the encoding
DETECT_CHUNK = 64 * 1024
# the queue job of an import that has not ended: it waits or runs
JOB_LIVE_STATES = (WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED)
# failures of the database, not of the file: its connection cut (a restart, a
# failover, a terminated backend), a conflict, a timeout; the job runs again
DATABASE_ERRORS = (psycopg2.InterfaceError, psycopg2.OperationalError)


def _text(cell):
    """A cell as text: spreadsheets store a code such as 12345 as the number 12345.0."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell if cell is not None else "").strip()


def _detected_text(content):
    """The content decoded in the encoding chardet detects, as Odoo's base
    import guesses the encoding of a CSV file, or None. chardet reads a chunk
    at a time until it is sure: a few kilobytes of a file of 200,000 rows."""
    detector = UniversalDetector()
    for start in range(0, len(content), DETECT_CHUNK):
        detector.feed(content[start : start + DETECT_CHUNK])
        if detector.done:
            break
    encoding = detector.close()["encoding"]
    try:
        return content.decode(encoding) if encoding else None
    except (LookupError, UnicodeDecodeError):
        return None


def _first_failure(error):
    """The first line of the database error that came first: a cut
    connection fails the query, then the rollbacks after it."""
    while isinstance(error.__context__, DATABASE_ERRORS):
        error = error.__context__
    return str(error).strip().partition("\n")[0]


class MentorshipSchoolMarkImport(models.Model):
    """One import of a marks file, run as a background job.

    The file is checked whole before anything is written; bad rows are all
    listed with their line numbers and nothing is written then. Marks given
    again (the school information system exports earlier periods each time)
    are updated in bulk.

    The state follows the queue job: the job writes the outcome with the
    marks, and an import whose job ended without one (failed, cancelled,
    found dead by the job runner) is failed, and can be run again."""

    _name = "mentorship.school.mark.import"
    _description = "Import of Average Marks"
    _order = "id desc"
    _rec_name = "filename"

    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char(required=True)
    state = fields.Selection(
        [("running", "In Progress"), ("done", "Done"), ("failed", "Failed")],
        compute="_compute_state",
        search="_search_state",
        help="In Progress while the job waits or runs. Failed when the job refused the file, "
        "or ended without finishing: failed, cancelled or stopped.",
    )
    outcome = fields.Selection(
        [("done", "Done"), ("failed", "Failed")],
        readonly=True,
        copy=False,
        help="What the job concluded, written with the marks once it finished.",
    )
    progress = fields.Integer(compute="_compute_progress", help="Percent of the file checked and written.")
    progress_ids = fields.One2many("mentorship.school.mark.import.progress", "import_id", string="Progress Rows")
    rows_total = fields.Integer(string="Rows", readonly=True)
    rows_created = fields.Integer(string="Marks Created", readonly=True)
    rows_updated = fields.Integer(string="Marks Updated", readonly=True)
    rows_unchanged = fields.Integer(
        string="Marks Unchanged", compute="_compute_rows_unchanged", help="Marks given again with the same value."
    )
    rows_bad = fields.Integer(string="Bad Rows", readonly=True)
    reasons = fields.Text(
        readonly=True, copy=False, help="Why the job refused the file: every bad row with its line number."
    )
    result = fields.Text(
        compute="_compute_result",
        help="Why the file was not imported: every bad row with its line number, or what stopped the job.",
    )
    date_done = fields.Datetime(string="Finished On", readonly=True)
    job_id = fields.Many2one("queue.job", readonly=True, copy=False, index="btree_not_null")
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, default=lambda self: self.env.company
    )

    @api.model_create_multi
    def create(self, vals_list):
        imports = super().create(vals_list)
        self.env["mentorship.school.mark.import.progress"].sudo().create(
            [{"import_id": mark_import.id} for mark_import in imports]
        )
        imports._enqueue()
        return imports

    def _enqueue(self):
        for mark_import in self:
            # the job keeps the organisations the user works in, and so sees the same pupils
            job = mark_import.with_delay(
                description=self.env._("Import of average marks: %(file)s", file=mark_import.filename)
            )._run()
            mark_import.job_id = job.db_record()

    @api.depends("outcome", "job_id.state")
    def _compute_state(self):
        for mark_import in self:
            job_live = mark_import.sudo().job_id.state in JOB_LIVE_STATES
            mark_import.state = mark_import.outcome or ("running" if job_live else "failed")

    def _search_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        job_live = Domain("job_id", "any!", [("state", "in", JOB_LIVE_STATES)])
        no_outcome = Domain("outcome", "=", False)
        domains = {
            "running": no_outcome & job_live,
            "done": Domain("outcome", "=", "done"),
            "failed": Domain("outcome", "=", "failed") | (no_outcome & ~job_live),
        }
        return Domain.OR(domains[state] for state in value if state in domains)

    @api.depends("state", "reasons")
    def _compute_result(self):
        for mark_import in self:
            job_ended = mark_import.state == "failed" and not mark_import.outcome
            mark_import.result = mark_import._job_failure() if job_ended else mark_import.reasons

    def _job_failure(self):
        """Why the job ended without finishing, as queue_job recorded it."""
        job = self.sudo().job_id
        error = job.exc_message or job.result or job.exc_name
        if not error:
            return self.env._("The import stopped before it finished and nothing was written. Run it again.")
        return self.env._(
            "The import stopped before it finished and nothing was written (%(error)s). Run it again.",
            error=error.strip(),
        )

    @api.depends("state", "progress_ids.percent")
    def _compute_progress(self):
        for mark_import in self:
            running = mark_import.state == "running"
            mark_import.progress = mark_import.sudo().progress_ids[:1].percent if running else 100

    @api.depends("state", "rows_total", "rows_created", "rows_updated")
    def _compute_rows_unchanged(self):
        for mark_import in self:
            done = mark_import.state == "done"
            mark_import.rows_unchanged = (
                mark_import.rows_total - mark_import.rows_created - mark_import.rows_updated if done else 0
            )

    def action_refresh(self):
        """Reload the form to show the job's progress."""
        return True

    def action_run_again(self):
        """Import the file again in a new job, after a failure: the missing
        pupils, periods or subjects may have been added since, or the
        database is back."""
        if any(mark_import.state != "failed" for mark_import in self):
            raise UserError(self.env._("Only a failed import can be run again."))
        self.write(
            {
                "outcome": False,
                "reasons": False,
                "date_done": False,
                "rows_total": 0,
                "rows_created": 0,
                "rows_updated": 0,
                "rows_bad": 0,
            }
        )
        self.sudo().progress_ids.percent = 0
        self._enqueue()
        return True

    def _run(self):
        """The job. It works in a transaction of its own, on its own
        connection, so that a failure of the database reaches queue_job as a
        RetryableJobError, the job's lock intact: queue_job runs the job again
        by the retry pattern of its job function, as it does the job of a
        killed worker, and fails it once its tries are spent."""
        self.ensure_one()
        try:
            with self.env.registry.cursor() as cr:
                self.with_env(self.env(cr=cr))._import_file()
        except DATABASE_ERRORS as error:
            raise RetryableJobError(
                self.env._("The import was interrupted by the database: %(error)s", error=_first_failure(error))
            ) from error

    def _import_file(self):
        """Check the whole file, then write it, or record why not."""
        self._report_progress(0)
        try:
            with self.env.cr.savepoint():
                values, total, errors = self._check_file()
                if not errors:
                    created, updated = self._write_marks(values, total)
        except UserError as error:
            self._finish("failed", reasons=str(error))
            return
        except DATABASE_ERRORS:
            raise
        except Exception as error:  # the user reads why in the import, nothing was written
            _logger.info("Import of marks %s failed", self.id, exc_info=True)
            self._finish(
                "failed", reasons=self.env._("The import failed and nothing was written: %(error)s", error=error)
            )
            return
        if errors:
            self._finish("failed", rows_total=total, rows_bad=len(errors), reasons=self._errors_text(errors))
            return
        self._finish("done", rows_total=total, rows_created=created, rows_updated=updated)

    def _finish(self, outcome, **values):
        self.write({"outcome": outcome, "date_done": fields.Datetime.now(), **values})

    def _errors_text(self, errors):
        return "\n".join([self.env._("The file was not imported: %(count)s bad rows.", count=len(errors)), *errors])

    def _report_progress(self, percent):
        """Show the progress at once, in a transaction of its own: the job's
        transaction commits all or nothing at its end."""
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE mentorship_school_mark_import_progress SET percent = %s WHERE import_id = %s",
                [percent, self.id],
            )

    # --- reading and checking ------------------------------------------------

    def _check_file(self):
        """(values, number of rows, errors): values as columns of the marks
        to write, errors as one line per bad row."""
        rows, expected = self._read_rows()
        pupils = self._pupils_by_code()
        periods = self._names_to_ids("mentorship.school.period")
        subjects = self._names_to_ids("mentorship.school.subject")
        messages = self._error_messages()
        values = {key: array("i") for key in ("partner", "period", "subject", "company")}
        values["average"] = array("d")
        errors, seen, total = [], {}, 0
        for number, code, period_name, subject_name, mark in rows:
            total += 1
            if total % BATCH_SIZE == 0:
                self._report_progress(min(total, expected) * CHECKED_PERCENT // expected)
            pupil = pupils.get(code)
            period = periods.get(period_name.lower())
            subject = subjects.get(subject_name.lower())
            average = self._parse_average(mark)
            problems = [
                message % {"value": value}
                for failed, message, value in (
                    (not pupil, messages["pupil"], code),
                    (not period, messages["period"], period_name),
                    (not subject, messages["subject"], subject_name),
                    (average is None, messages["average"], mark),
                )
                if failed
            ]
            key = (pupil and pupil[0], period, subject)
            if not problems and key in seen:
                problems.append(messages["duplicate"] % {"value": seen[key]})
            if problems:
                errors.append(messages["row"] % {"row": number, "problems": "; ".join(problems)})
                continue
            seen[key] = number
            for column, value in zip(
                ("partner", "period", "subject", "company", "average"), (*key, pupil[1], average), strict=True
            ):
                values[column].append(value)
        return values, total, errors

    def _error_messages(self):
        """The row messages translated once, not for every row."""
        return {
            "pupil": self.env._("unknown pupil code %(value)r"),
            "period": self.env._("unknown period %(value)r"),
            "subject": self.env._("unknown subject %(value)r"),
            "average": self.env._("the average mark %(value)r is not a number from 1 to 5"),
            "duplicate": self.env._("the same pupil, period and subject as row %(value)s"),
            "row": self.env._("Row %(row)s: %(problems)s"),
        }

    def _read_rows(self):
        """(rows, about how many): the data rows, read one at a time, as (line
        number, pupil code, period, subject, average mark); empty rows skipped."""
        content = base64.b64decode(self.file or b"")
        if self.filename.lower().endswith(".xlsx"):
            table, expected = self._xlsx_rows(content)
        else:
            text = self._csv_text(content)
            first_line = text.split("\n", 1)[0]
            table = csv.reader(io.StringIO(text), delimiter=max(";,\t", key=first_line.count))
            expected = text.count("\n") + 1
        header = next(table, None)
        if not header:
            raise UserError(self.env._("The file is empty."))
        return self._data_rows(table, self._column_positions(header)), max(expected, 1)

    def _csv_text(self, content):
        """The text of a CSV file: UTF-8, as the template has it, else in the
        encoding chardet detects (Excel in Russian saves CSV in Windows-1251).
        A file no encoding makes text of, or with a NUL character no text
        has, is refused."""
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detected_text(content)
        if text is None or "\x00" in text:
            raise UserError(
                self.env._(
                    "The file could not be read: it is not a CSV text file in a known encoding. "
                    "Save it as CSV (UTF-8 or Windows-1251) or as XLSX and import it again."
                )
            )
        return text

    @staticmethod
    def _data_rows(table, positions):
        for number, row in enumerate(table, start=2):
            if any(cell not in (None, "") for cell in row):
                code, period, subject, mark = (row[index] if index < len(row) else None for index in positions)
                yield number, _text(code), _text(period), _text(subject), mark

    def _column_positions(self, header):
        titles = [str(cell or "").strip().lower() for cell in header]
        positions = []
        for names in COLUMNS.values():
            found = [index for index, title in enumerate(titles) if title in names]
            if not found:
                raise UserError(self.env._("The column %(column)s is missing from the file.", column=" / ".join(names)))
            positions.append(found[0])
        return positions

    def _xlsx_rows(self, content):
        """The rows of the first sheet, and their number. calamine reads a
        sheet of 200,000 rows in a second, where openpyxl takes ten."""
        try:
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        except CalamineError as error:
            raise UserError(self.env._("The file is not an XLSX workbook: %(error)s", error=error)) from error
        return sheet.iter_rows(), sheet.height or 1

    def _pupils_by_code(self):
        """{pupil code: (partner id, school id)} of the pupils the user sees, in one query."""
        query = self.env["res.partner"]._search([("mentorship_pupil_code", "!=", False)])
        rows = self.env.execute_query(
            query.select(
                SQL.identifier("res_partner", "mentorship_pupil_code"),
                SQL.identifier("res_partner", "id"),
                SQL.identifier("res_partner", "company_id"),
            )
        )
        return {code: (partner_id, company_id or self.company_id.id) for code, partner_id, company_id in rows}

    def _names_to_ids(self, model):
        """Names in the user's language and in English, lower-cased, to ids."""
        records = self.env[model].search([])
        return {
            record.name.lower(): record.id
            for lang_records in (records, records.with_context(lang="en_US"))
            for record in lang_records
        }

    @staticmethod
    def _parse_average(value):
        try:
            average = float(str(value).strip().replace(",", "."))
        except (TypeError, ValueError):
            return None
        return float_round(average, 2) if 1 <= average <= 5 else None

    # --- writing ---------------------------------------------------------------

    def _write_marks(self, values, total):
        """Insert the new marks and update the ones given again, in batches:
        (number created, number updated)."""
        Mark = self.env["mentorship.school.mark"]
        Mark.check_access("create")
        Mark.check_access("write")
        self.env.flush_all()
        created = updated = 0
        count = len(values["partner"])
        for start in range(0, count, BATCH_SIZE):
            batch = {
                column: list(column_values[start : start + BATCH_SIZE]) for column, column_values in values.items()
            }
            rows = self.env.execute_query(self._upsert_query(batch))
            inserted = sum(1 for (is_new,) in rows if is_new)
            created += inserted
            updated += len(rows) - inserted
            self._report_progress(CHECKED_PERCENT + (100 - CHECKED_PERCENT) * min(start + BATCH_SIZE, count) // count)
        Mark.invalidate_model()
        _logger.info("Import of marks %s: %s rows, %s created, %s updated", self.id, total, created, updated)
        return created, updated

    def _upsert_query(self, batch):
        """One statement for a batch: new marks inserted, changed ones updated
        (they keep their organisation), unchanged ones left alone; returns
        whether each written row is new."""
        return SQL(
            """
            INSERT INTO mentorship_school_mark
                   (partner_id, period_id, subject_id, company_id, average,
                    create_uid, create_date, write_uid, write_date)
            SELECT partner, period, subject, company, average, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM unnest(%(partner)s::int[], %(period)s::int[], %(subject)s::int[],
                          %(company)s::int[], %(average)s::numeric[])
                   AS row(partner, period, subject, company, average)
                ON CONFLICT (partner_id, period_id, subject_id) DO UPDATE
               SET average = EXCLUDED.average, write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
             WHERE mentorship_school_mark.average IS DISTINCT FROM EXCLUDED.average
         RETURNING xmax = 0
            """,
            uid=self.env.uid,
            now=fields.Datetime.now(),
            **batch,
        )
