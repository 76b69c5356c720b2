import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mentorship_apply_mentor", {
    steps: () => [
        {
            content: "Enter the full name",
            trigger: "form.o_mentorship_apply_form input[name=name]",
            run: "edit Tour Mentor",
        },
        {
            content: "Enter the e-mail",
            trigger: "form.o_mentorship_apply_form input[name=email]",
            run: "edit tour.mentor@example.com",
        },
        {
            content: "Enter the phone",
            trigger: "form.o_mentorship_apply_form input[name=phone]",
            run: "edit +7 900 000-00-09",
        },
        {
            content: "Choose the first open program and category",
            trigger: "form.o_mentorship_apply_form select[name=choice]",
            run: "selectByIndex 1",
        },
        {
            content: "A visitor under 18 ticks the box",
            trigger: "form.o_mentorship_apply_form input[name=is_minor]",
            run: "check",
        },
        {
            content: "The details of a parent or guardian are asked, and required",
            trigger: "#apply_guardian.show input[name=guardian_name][required]:visible",
        },
        {
            content: "Their e-mail is required too",
            trigger: "#apply_guardian.show input[name=guardian_email][required]:visible",
        },
        {
            content: "Both are marked with an asterisk",
            trigger: "#apply_guardian.show label[for=apply_guardian_email] span.text-danger:visible",
        },
        {
            content: "An adult unticks it",
            trigger: "form.o_mentorship_apply_form input[name=is_minor]",
            run: "uncheck",
        },
        {
            content: "The details of a parent or guardian are no longer asked",
            trigger: "#apply_guardian:not(.show):not(.collapsing):not(:visible)",
        },
        {
            content: "Nor required: the form can be sent without them",
            trigger: "#apply_guardian input[name=guardian_name]:not([required]):not(:visible)",
        },
        {
            content: "Tell about yourself",
            trigger: "form.o_mentorship_apply_form textarea[name=note]",
            run: "edit I teach physics and coach the robotics club.",
        },
        {
            content: "Agree to the processing of personal data",
            trigger: "form.o_mentorship_apply_form input[name=consent]",
            run: "check",
        },
        {
            content: "Send the application",
            trigger: "form.o_mentorship_apply_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The thank-you page confirms the application",
            trigger: ".o_mentorship_apply_thanks h1:contains(Thank you for your application)",
        },
    ],
});

registry.category("web_tour.tours").add("mentorship_apply_pupil", {
    steps: () => [
        {
            content: "A pupil says who they are",
            trigger: ".o_mentorship_apply_who_pupil",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form is for a pupil",
            trigger: ".o_mentorship_apply_who_chosen .badge",
        },
        {
            content: "Enter the full name",
            trigger: "form.o_mentorship_apply_form input[name=name]",
            run: "edit Tour Pupil",
        },
        {
            content: "Enter the e-mail",
            trigger: "form.o_mentorship_apply_form input[name=email]",
            run: "edit tour.pupil@example.com",
        },
        {
            content: "Choose the first program for pupils",
            trigger: "form.o_mentorship_apply_form select[name=choice]",
            run: "selectByIndex 1",
        },
        {
            content: "The pupil is under 18",
            trigger: "form.o_mentorship_apply_form input[name=is_minor]",
            run: "check",
        },
        {
            content: "Enter the name of the mother",
            trigger: "#apply_guardian.show input[name=guardian_name][required]:visible",
            run: "edit Tour Mother",
        },
        {
            content: "Enter her e-mail",
            trigger: "#apply_guardian.show input[name=guardian_email][required]:visible",
            run: "edit tour.mother@example.com",
        },
        {
            content: "Say what you expect from a mentor",
            trigger: "form.o_mentorship_apply_form textarea[name=request]",
            run: "edit Help me to prepare for the olympiad in physics",
        },
        {
            content: "Agree to the processing of personal data",
            trigger: "form.o_mentorship_apply_form input[name=consent]",
            run: "check",
        },
        {
            content: "Send the application",
            trigger: "form.o_mentorship_apply_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The mother is asked to sign the consent",
            trigger: ".o_mentorship_apply_thanks p:contains(sign the consent)",
        },
    ],
});
