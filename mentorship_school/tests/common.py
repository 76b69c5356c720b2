import base64

from odoo.addons.queue_job.job import Job


def upload_marks(env, content, filename="marks.csv"):
    """Upload a marks file through the wizard as the user of ``env``: the
    import, its job queued."""
    action = (
        env["mentorship.school.mark.import.wizard"]
        .create({"file": base64.b64encode(content), "filename": filename})
        .action_import()
    )
    return env["mentorship.school.mark.import"].browse(action["res_id"])


def run_job(case, mark_import):
    """Run the queued job of the import, as the job runner would. The job
    works on a cursor of its own: in the test, one on the test's transaction."""
    with case.enter_registry_test_mode():
        Job.load(mark_import.env, mark_import.sudo().job_id.uuid).perform()


def import_marks(case, env, content, filename="marks.csv"):
    """Upload a marks file as the user of ``env`` and run its job: the import."""
    mark_import = upload_marks(env, content, filename)
    run_job(case, mark_import)
    return mark_import


def give_marks(entry, juror, *scores):
    """``juror`` gives ``entry`` the ``scores``, one per criterion in order,
    as on the jury's screen: writing the marks the contest made for them."""
    env = entry.env(user=juror, context=dict(entry.env.context, allowed_company_ids=juror.company_ids.ids))
    marks = env["mentorship.contest.mark"].search([("entry_id", "=", entry.id)])
    for mark, score in zip(marks, scores, strict=True):
        mark.score = score
