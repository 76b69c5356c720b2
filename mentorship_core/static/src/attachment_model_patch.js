import { Attachment } from "@mail/core/common/attachment_model";

import { patch } from "@web/core/utils/patch";

/** The files of an exported payroll batch show no trash icon: they are kept. */
patch(Attachment.prototype, {
    get isDeletable() {
        return !this.mentorship_is_kept && super.isDeletable;
    },
});
