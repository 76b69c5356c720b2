from odoo import api, fields, models
from odoo.tools import html2plaintext

from odoo.addons.mentorship_core.tools import format_date_ru, short_name, short_name_declined
from odoo.addons.report_py3o.wizard._py3o_parser_context import format_multiline_value

DIRECTOR_GROUP = "mentorship_core.group_mentorship_director"
BLANK = "________"


class MentorshipDocument(models.AbstractModel):
    """What every document of the suite prints: the organisation with its
    director, and Russian dates, names and numbers. Each document is a
    ``report.mentorship_reports.<name>`` model inheriting this one, whose
    ``_document_values`` gives the ``doc`` of its ODT template; the values
    are plain texts, so an organisation's own template needs no code."""

    _name = "mentorship.document"
    _description = "Mentorship Document Values"

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self.env[self._document_model()].browse(docids)
        self._check_printable(records)
        # written in the language of the user who prints it, as the files of a payroll batch are
        document = self.with_context(lang=self.env.user.lang)
        records = records.with_env(document.env)
        company = records[:1].company_id if "company_id" in records._fields else document.env.company
        return {
            "org": document._organisation_values(company or document.env.company),
            **document._document_values(records, data or {}),
        }

    @api.model
    def _document_model(self):
        raise NotImplementedError

    @api.model
    def _check_printable(self, records):
        """Refuse, before anything is written, records the document cannot
        be printed for."""

    @api.model
    def _document_values(self, records, data):
        """``{"doc": {...}}`` (or ``{"docs": [...]}``) for the template."""
        raise NotImplementedError

    # the organisation ------------------------------------------------------

    @api.model
    def _organisation_values(self, company):
        # the header of the organisation that issues the document, e.g. the department holding a
        # contest, is printed also by the users of its schools, who may not read the department
        company = company.sudo()
        director = self._director_name(company)
        title = company.mentorship_director_title or self.env._("Director")
        return {
            "name": company.name,
            "city": self.env._("City of %(city)s", city=company.city) if company.city else "",
            # the Russian postal order: Odoo's default address format puts the zip after the city
            "address": ", ".join(filter(None, (company.zip, company.city, company.street, company.street2))),
            "director_title": title,
            "director_title_lower": title[:1].lower() + title[1:],
            "director_name": director,
            "director_short": short_name(director),
        }

    @api.model
    def _director_name(self, company):
        """The director set on the organisation, else the user of the
        Director group who works for it (read as superuser: whoever prints
        an order may not read the group's members)."""
        if company.mentorship_director_name:
            return company.mentorship_director_name
        director = self.env.ref(DIRECTOR_GROUP).sudo().all_user_ids.filtered(lambda user: company in user.company_ids)
        return director[:1].name or ""

    # formats -------------------------------------------------------------

    @api.model
    def _date(self, value):
        """«23 ноября 2026 г.», or a line to write the date on."""
        return format_date_ru(value) if value else "«___» ____________ 20___ г."

    @api.model
    def _short_date(self, value):
        return value.strftime("%d.%m.%Y") if value else ""

    @api.model
    def _period(self, date_from, date_to):
        return " – ".join(filter(None, (self._short_date(date_from), self._short_date(date_to))))

    @api.model
    def _text(self, value):
        """A text of several lines, its line breaks kept in the document."""
        return format_multiline_value(value or "")

    @api.model
    def _lines(self, html):
        """The paragraphs of an HTML field, one text per line."""
        text = html2plaintext(html or "") if html else ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    @api.model
    def _quoted(self, value):
        """A name the template puts in «…»: the quotes inside it become „…“,
        as Russian typography nests them («Программа „Учитель — учитель“»)."""
        return (value or "").replace("«", "„").replace("»", "“")

    @api.model
    def _names(self, partners):
        return ", ".join(partners.mapped("name"))

    @api.model
    def _selection(self, record, field_name):
        """The label of a selection value in the language of the document."""
        return record._fields[field_name].convert_to_export(record[field_name], record)

    @api.model
    def _controller(self, curators):
        """Whom an order charges with its control, ending the sentence: the
        curator in the accusative with initials («куратора Смирнову А. А.»)."""
        if len(curators) == 1:
            return self.env._("the curator %(curator)s", curator=short_name_declined(curators.name, "accusative"))
        return self.env._("the curators of the mentorship programs.")

    @api.model
    def _number_and_date(self, data, own_number=False, own_date=False):
        """The number and date of the records' own order, else those the
        user gave the document in the print dialog."""
        return {
            "number": own_number or data.get("number") or BLANK,
            "date": self._date(own_date or fields.Date.to_date(data.get("date"))),
        }
