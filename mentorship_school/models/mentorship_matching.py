import numpy as np

from odoo import fields, models

FULL_EXPERIENCE_GAP_YEARS = 10.0


class MentorshipMatching(models.Model):
    """The teachers' criteria read from the employees of the profiles."""

    _inherit = "mentorship.matching"

    def _read_matching_features(self, candidates, mentee_rows, mentor_rows):
        result = super()._read_matching_features(candidates, mentee_rows, mentor_rows)
        features = candidates.features
        employee_ids = {row["employee_id"][0] for row in mentee_rows + mentor_rows if row["employee_id"]}
        # teacher data is read by curators and HR; the profiles were read as the user already
        employees = {
            row["id"]: row
            for row in self.env["hr.employee"]
            .sudo()
            .browse(employee_ids)
            .read(["mentorship_subject_ids", "mentorship_teaching_since"])
        }
        subjects = sorted({subject for row in employees.values() for subject in row["mentorship_subject_ids"]})
        column = {subject: index for index, subject in enumerate(subjects)}
        today = fields.Date.context_today(self)
        for side, rows in (("mentee", mentee_rows), ("mentor", mentor_rows)):
            teachers = [employees.get(row["employee_id"] and row["employee_id"][0], {}) for row in rows]
            matrix = np.zeros((len(rows), len(column)), dtype=np.float32)
            years = np.full(len(rows), np.nan)
            for index, teacher in enumerate(teachers):
                matrix[index, [column[subject] for subject in teacher.get("mentorship_subject_ids", [])]] = 1.0
                if teacher.get("mentorship_teaching_since"):
                    years[index] = (today - teacher["mentorship_teaching_since"]).days / 365.25
            features[f"{side}_subjects"] = matrix
            features[f"{side}_teaching_years"] = years
        return result

    def _score_criterion(self, criterion, candidates, mentee_rows, mentor_rows):
        features = candidates.features
        if criterion == "subject":
            taught = features["mentee_subjects"][mentee_rows]
            shared = taught @ features["mentor_subjects"][mentor_rows].T
            return shared / np.maximum(taught.sum(axis=1), 1.0)[:, None]
        if criterion == "experience":
            gap = (
                features["mentor_teaching_years"][mentor_rows][None, :]
                - features["mentee_teaching_years"][mentee_rows][:, None]
            )
            return np.nan_to_num(np.clip(gap / FULL_EXPERIENCE_GAP_YEARS, 0.0, 1.0), nan=0.0)
        return super()._score_criterion(criterion, candidates, mentee_rows, mentor_rows)
