{
    "name": "Mentorship: Schools",
    "summary": "Pupils, teachers, guardians, academic results and the municipal level of mentorship",
    "version": "19.0.1.0.0",
    "category": "Education/Mentorship",
    "author": "Mentorship Suite Team",
    "website": "https://github.com/mentorship-suite/mentorship",
    "license": "LGPL-3",
    "depends": ["mentorship_core"],
    "installable": True,
}
