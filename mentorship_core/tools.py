"""Small checks and Russian document formats shared by the mentorship addons."""

from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from odoo.exceptions import ValidationError
from odoo.tools import format_date as odoo_format_date

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


def check_not_blank(records, field_names):
    """Refuse texts of ``field_names`` that are set but hold only spaces:
    a required field filled with spaces is as empty as a missing one."""
    for record in records:
        for name in field_names:
            value = record[name]
            if value is not False and not value.strip():
                raise ValidationError(
                    records.env._(
                        "%(field)s cannot be empty or only spaces.",
                        field=record._fields[name]._description_string(records.env),
                    )
                )


# Russian documents: dates, initials and declined names
# ------------------------------------------------------

_NAME_PARTS = (NamePart.LASTNAME, NamePart.FIRSTNAME, NamePart.MIDDLENAME)
_CASES = {
    "genitive": Case.GENITIVE,
    "dative": Case.DATIVE,
    "accusative": Case.ACCUSATIVE,
    "instrumental": Case.INSTRUMENTAL,
    "prepositional": Case.PREPOSITIONAL,
    "nominative": Case.NOMINATIVE,
}


def format_date_ru(value):
    """«23 ноября 2026 г.», the way a Russian order or letter dates itself."""
    if not value:
        return ""
    return f"{format_date(value, 'd MMMM y', locale='ru')} г."


def format_month(env, value):
    """«Октябрь 2026»: the month of a date as a title names it, in the
    language of ``env``."""
    if not value:
        return ""
    name = odoo_format_date(env, value, date_format="LLLL yyyy")
    return name[:1].upper() + name[1:]


def format_month_ru(value):
    """«октябрь 2026 г.»: a month in the middle of a Russian sentence («за
    октябрь 2026 г.»)."""
    if not value:
        return ""
    return f"{format_date(value, 'LLLL y', locale='ru')} г."


def format_amount_ru(value):
    """«14 950,00»: a sum as a Russian document writes it, whatever the
    user's language (a non-breaking space between thousands)."""
    return format_decimal(value, "#,##0.00", locale="ru")


def short_name(full_name):
    """«Иванова Ирина Ивановна» → «Иванова И. И.» (surname first, as the
    names of people are kept here). A name of one word stays as it is."""
    words = (full_name or "").split()
    return " ".join([*words[:1], *(f"{word[0]}." for word in words[1:])])


@lru_cache(maxsize=1)
def _petrovich():
    return PetrovichGenderDetector(), PetrovichDeclinationMaker()


def decline_name(full_name, case):
    """Decline a full name «Фамилия Имя Отчество» into ``case`` (``genitive``,
    ``dative``, ...): «Соколовой Ирине Викторовне» for a letter addressed to
    Соколова Ирина Викторовна. The gender comes from the patronymic and the
    first name; words beyond the three parts are kept as they are."""
    words = (full_name or "").split()
    if not words:
        return ""
    parts = dict(zip(_NAME_PARTS, words, strict=False))
    detector, maker = _petrovich()
    gender = detector.detect(
        lastname=parts.get(NamePart.LASTNAME),
        firstname=parts.get(NamePart.FIRSTNAME),
        middlename=parts.get(NamePart.MIDDLENAME),
    )
    declined = [maker.make(part, gender, _CASES[case], word, known_gender=False) for part, word in parts.items()]
    return " ".join(declined + words[len(_NAME_PARTS) :])


def short_name_declined(full_name, case):
    """«Соколовой И. В.»: the declined surname with initials."""
    return short_name(decline_name(full_name, case))
