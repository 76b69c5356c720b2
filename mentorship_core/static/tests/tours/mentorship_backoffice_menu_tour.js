import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("mentorship_backoffice_menu", {
    steps: () => [
        ...stepUtils.goToAppSteps(
            "mentorship_core.menu_mentorship_root",
            "Open the Mentorship app from the home menu"
        ),
        {
            content: "The forms of mentorship are listed",
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("Teacher – teacher")',
        },
    ],
});
