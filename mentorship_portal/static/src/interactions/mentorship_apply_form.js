import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";

/**
 * The application form asks for the parent or guardian of a visitor under 18:
 * their name and e-mail are required while the box "I am under 18" is ticked.
 */
export class MentorshipApplyForm extends Interaction {
    static selector = ".o_mentorship_apply_form";
    dynamicContent = {
        "#apply_is_minor": { "t-on-change": this.onMinorChange },
        "#apply_guardian_name, #apply_guardian_email": { "t-att-required": () => this.isMinor },
    };

    setup() {
        this.isMinor = Boolean(this.el.querySelector("#apply_is_minor")?.checked);
    }

    onMinorChange(ev) {
        this.isMinor = ev.currentTarget.checked;
    }
}

registry.category("public.interactions").add("mentorship_portal.apply_form", MentorshipApplyForm);
