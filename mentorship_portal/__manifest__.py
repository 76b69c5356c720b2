{
    "name": "Mentorship: Portal",
    "summary": "Portal pages of mentees, mentors and parents, and public applications",
    "version": "19.0.1.0.0",
    "category": "Education/Mentorship",
    "author": "Mentorship Suite Team",
    "website": "https://github.com/mentorship-suite/mentorship",
    "license": "LGPL-3",
    "depends": ["mentorship_core", "portal"],
    "installable": True,
}
