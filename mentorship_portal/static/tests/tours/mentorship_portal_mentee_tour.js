import { registry } from "@web/core/registry";
import { attachFile } from "./mentorship_portal_tour_utils";

registry.category("web_tour.tours").add("mentorship_portal_mentee", {
    url: "/my/mentorship",
    steps: () => [
        {
            content: "Open my pair",
            trigger: ".o_mentorship_pairs a:contains(Mentor A)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The personal plan shows its activities and their status",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) .o_mentorship_line_status",
        },
        {
            content: "The mentor's contact is shown",
            trigger: ".o_mentorship_mentor_card:contains(mentor_a@family.test)",
        },
        {
            content: "Confirm I took part in the meeting the mentor logged",
            trigger: ".o_mentorship_past_meeting:contains(Talked about the olympiad) .o_mentorship_meeting_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The meeting is held",
            trigger: ".o_mentorship_past_meeting:contains(Talked about the olympiad) .text-bg-success",
        },
        {
            content: "Back to my mentorship",
            trigger: ".o_portal_submenu a[href='/my/mentorship']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Answer the satisfaction survey",
            trigger: ".o_mentorship_surveys li:contains(Satisfaction) a.o_mentorship_survey_answer",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start the survey",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        {
            content: "Choose an answer",
            trigger: 'div.js_question-wrapper:contains("How satisfied") label:contains("Very satisfied")',
            run: "click",
        },
        {
            content: "Submit the survey",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            content: "Confirm the submission",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The survey thanks the mentee",
            trigger: 'h1:contains("Thank you!")',
            run: "goToUrl /my/mentorship/portfolio",
            expectUnloadPage: true,
        },
        {
            content: "Choose a diploma to upload",
            trigger: "input#portfolio_file",
            run() {
                attachFile(this.anchor, "olympiad-diploma.pdf", "%PDF-1.4 diploma");
            },
        },
        {
            content: "Describe it",
            trigger: "input#portfolio_description",
            run: "edit Diploma of the city olympiad",
        },
        {
            content: "Upload it",
            trigger: ".o_mentorship_portfolio button[type=submit]:contains(Upload)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The diploma is in the portfolio",
            trigger: ".o_mentorship_portfolio_files li:contains(olympiad-diploma.pdf):contains(Diploma of the city olympiad)",
            run: "goToUrl /my/mentorship",
            expectUnloadPage: true,
        },
        {
            content: "Open my pair again",
            trigger: ".o_mentorship_pairs a:contains(Mentor A)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Unfold the request for another mentor",
            trigger: ".o_mentorship_replacement_form summary",
            run: "click",
        },
        {
            content: "Say why",
            trigger: "textarea#replacement_reason",
            run: "edit We have not met for a month",
        },
        {
            content: "Send the request",
            trigger: ".o_mentorship_replacement_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is with the curator",
            trigger: ".o_mentorship_notice.alert-success",
        },
    ],
});
