import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const column = (title) => `.o_kanban_group:has(.o_column_title:contains('${title}'))`;
const staffCard = (title) => `${column(title)} .o_kanban_record:contains('Staff Mentor')`;

registry.category("web_tour.tours").add("mentorship_pair_approve_by_drag", {
    steps: () => [
        {
            content: "The curator lands in the pair pipeline after login, not in Discuss",
            trigger: ".o_breadcrumb:contains('Pairs and Groups')",
        },
        {
            content: "The pipeline shows a column per stage",
            trigger: `.o_kanban_view ${column("Agreement")}`,
        },
        {
            content: "Drag the staff pair from Agreement to Approved by Order",
            trigger: staffCard("Agreement"),
            async run(helpers) {
                await helpers.drag_and_drop(column("Approved by Order"));
            },
        },
        {
            content: "The approval wizard opens instead of an error",
            trigger: ".modal .o_field_widget[name=order_number] input",
        },
        {
            content: "Cancel the approval",
            trigger: ".modal .modal-footer button:contains('Cancel')",
            run: "click",
        },
        {
            content: "Cancelled: the card stays in Agreement",
            trigger: `body:not(:has(.modal)) ${staffCard("Agreement")}`,
        },
        {
            content: "Drag it again",
            trigger: staffCard("Agreement"),
            async run(helpers) {
                await helpers.drag_and_drop(column("Approved by Order"));
            },
        },
        {
            content: "Give the order's number",
            trigger: ".modal .o_field_widget[name=order_number] input",
            run: "edit 7-o",
        },
        {
            content: "Approve",
            trigger: ".modal button[name=action_approve]",
            run: "click",
        },
        {
            content: "The pipeline reloads with the card in Approved by Order",
            trigger: `body:not(:has(.modal)) ${staffCard("Approved by Order")}`,
        },
    ],
});

registry.category("web_tour.tours").add("mentorship_schedule_meeting", {
    steps: () => [
        {
            content: "Open the staff pair from the pipeline",
            trigger: staffCard("Agreement"),
            run: "click",
        },
        {
            content: "Schedule a meeting from the pair",
            trigger: ".o_form_view button[name=action_schedule_meeting]",
            run: "click",
        },
        {
            content: "The meeting comes with its participants",
            trigger: ".o_form_view .o_field_widget[name=partner_ids]:contains('Young Teacher')",
        },
        {
            content: "... and its subject",
            trigger: ".o_form_view .o_field_widget[name=name] textarea, .o_form_view .o_field_widget[name=name] input",
            run() {
                const subject = this.anchor.value;
                if (!/^Organisational meeting: .*Staff Mentor – .*Young Teacher/.test(subject)) {
                    throw new Error(`Unexpected subject: ${subject}`);
                }
            },
        },
        ...stepUtils.saveForm(),
        {
            content: "Open the meetings of the pairs",
            trigger: '.o_menu_sections [data-menu-xmlid="mentorship_core.menu_mentorship_pairs"]',
            run: "click",
        },
        {
            content: "Meetings",
            trigger: '.dropdown-item[data-menu-xmlid="mentorship_core.menu_mentorship_meeting"]',
            run: "click",
        },
        {
            content: "Switch to the calendar",
            trigger: ".o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The meeting the curator scheduled (without attending it) is in the calendar",
            trigger: ".o_calendar_view .fc-event:contains('Organisational meeting'):contains('Staff Mentor')",
        },
    ],
});
