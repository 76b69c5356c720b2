{
    "name": "Mentorship",
    "summary": "Target model of mentorship (order R-145): bases of mentors and mentees, "
    "programs, pairs, personal plans, meetings and roadmap",
    "version": "19.0.1.0.0",
    "category": "Education/Mentorship",
    "author": "Mentorship Suite Team",
    "website": "https://github.com/mentorship-suite/mentorship",
    "license": "LGPL-3",
    "depends": ["mail", "hr", "calendar", "survey"],
    "data": [
        "security/mentorship_security.xml",
        "security/ir.model.access.csv",
        "data/mentorship_form_data.xml",
        "views/mentorship_form_views.xml",
        "views/mentorship_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mentorship_core/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
