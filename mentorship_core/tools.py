"""Small checks shared by the mentorship models."""

from odoo.exceptions import ValidationError


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
