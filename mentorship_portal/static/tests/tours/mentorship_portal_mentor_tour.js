import { registry } from "@web/core/registry";
import { attachFile } from "./mentorship_portal_tour_utils";

registry.category("web_tour.tours").add("mentorship_portal_mentor", {
    url: "/my/mentorship",
    steps: () => [
        {
            content: "Open the pair with my mentee",
            trigger: ".o_mentorship_pairs a:contains(Mentee A)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Unfold the first activity",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) .o_mentorship_line_edit summary",
            run: "click",
        },
        {
            content: "Mark it done",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) select[name=status]",
            run: "select done",
        },
        {
            content: "Attach the evidence",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) input[name=evidence]",
            run() {
                attachFile(this.anchor, "certificate.pdf", "%PDF-1.4 certificate");
            },
        },
        {
            content: "Comment",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) textarea[name=comment]",
            run: "edit Took part in the school conference",
        },
        {
            content: "Save the activity",
            trigger: ".o_mentorship_plan_line:contains(Activity 0) button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The activity is done, with its evidence",
            trigger: ".o_mentorship_plan_line:contains(Activity 0):contains(certificate.pdf) .o_mentorship_line_status.text-bg-success",
        },
        {
            content: "Unfold the meeting form",
            trigger: ".o_mentorship_meeting_form summary",
            run: "click",
        },
        {
            content: "The meeting took place yesterday",
            trigger: "input#meeting_start",
            run() {
                const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
                const pad = (number) => String(number).padStart(2, "0");
                this.anchor.value = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(
                    yesterday.getDate()
                )}T15:00`;
            },
        },
        {
            content: "Minutes",
            trigger: "textarea#meeting_minutes",
            run: "edit Planned the project on robotics",
        },
        {
            content: "Save the meeting",
            trigger: ".o_mentorship_meeting_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The meeting is logged, waiting for the mentee to confirm",
            trigger: ".o_mentorship_past_meeting:contains(Planned the project on robotics) .o_mentorship_meeting_status",
        },
        {
            content: "The mentor cannot confirm it for the mentee",
            trigger: ".o_mentorship_past_meeting:contains(Planned the project on robotics):not(:has(.o_mentorship_meeting_confirm))",
        },
    ],
});
