import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("mentorship_backoffice_menu", {
    steps: () => [
        ...stepUtils.goToAppSteps(
            "mentorship_core.menu_mentorship_root",
            "Open the Mentorship app from the home menu"
        ),
        {
            content: "The app opens on the pair pipeline, a column per stage",
            trigger: ".o_kanban_view .o_kanban_group:contains(Matching)",
        },
        {
            content: "Open the reference data menu",
            trigger: '.o_menu_sections [data-menu-xmlid="mentorship_core.menu_mentorship_reference"]',
            run: "click",
        },
        {
            content: "Open the forms of mentorship",
            trigger: '.dropdown-item[data-menu-xmlid="mentorship_core.menu_mentorship_form"]',
            run: "click",
        },
        {
            content: "The forms of mentorship are listed",
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("Teacher – teacher")',
        },
    ],
});
