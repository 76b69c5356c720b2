{
    "name": "Mentorship: Portal",
    "summary": "Portal pages of mentees, mentors and parents, and public applications",
    "version": "19.0.1.0.0",
    "category": "Education/Mentorship",
    "author": "Mentorship Suite Team",
    "website": "https://github.com/mentorship-suite/mentorship",
    "license": "LGPL-3",
    "depends": ["mentorship_core", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/mentorship_portal_rules.xml",
        "data/mail_template_data.xml",
        "data/mentorship_category_data.xml",
        "views/mentorship_consent_views.xml",
        "views/mentorship_mentee_category_views.xml",
        "views/mentorship_mentor_category_views.xml",
        "views/mentorship_mentee_views.xml",
        "views/mentorship_portal_templates.xml",
        "views/mentorship_apply_templates.xml",
        "views/mentorship_incentive_portal_templates.xml",
        "views/mentorship_practice_templates.xml",
        "views/mentorship_practice_views.xml",
        "views/mentorship_pair_health_portal_templates.xml",
    ],
    "demo": [
        "demo/mentorship_portal_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "mentorship_portal/static/src/scss/mentorship_portal.scss",
            "mentorship_portal/static/src/interactions/*.js",
        ],
        "web.assets_tests": [
            "mentorship_portal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
