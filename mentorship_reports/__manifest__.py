{
    "name": "Mentorship: Reports",
    "summary": "Orders, monitoring and final analytic reports in XLSX, ODT and PDF",
    "version": "19.0.1.0.0",
    "category": "Education/Mentorship",
    "author": "Mentorship Suite Team",
    "website": "https://github.com/mentorship-suite/mentorship",
    "license": "LGPL-3",
    "depends": ["mentorship_core", "mentorship_school", "report_xlsx", "report_py3o"],
    "data": [
        "report/mentorship_xlsx_reports.xml",
        "views/mentorship_mentor_views.xml",
        "views/mentorship_mentee_views.xml",
        "views/mentorship_pair_views.xml",
        "views/mentorship_contest_views.xml",
    ],
    "installable": True,
}
