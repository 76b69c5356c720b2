import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mentorship_portal_parent_sign", {
    url: "/my/mentorship",
    steps: () => [
        {
            content: "The parent sees the pair of the child",
            trigger: ".o_mentorship_pairs a:contains(Mentor A) .badge:contains(My child)",
        },
        {
            content: "A consent waits for the parent's signature",
            trigger: ".alert-warning a[href='/my/mentorship/consents']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the consent to sign",
            trigger: ".o_mentorship_consent a.o_mentorship_consent_sign",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The name of the parent is filled in",
            trigger: ".o_web_sign_name_and_signature input:value(Parent A)",
        },
        {
            content: "The signature is drawn from the name",
            trigger: "canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "Sign",
            trigger: ".o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The consent is signed",
            trigger: ".o_mentorship_consent_signed:contains(Parent A)",
        },
    ],
});
