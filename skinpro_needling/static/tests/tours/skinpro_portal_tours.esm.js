// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* A client holding the link of a mail, on the portal without logging in. */

import {registry} from "@web/core/registry";

const PEEL = ".o_skinpro_question[data-code='chemical_peel']";

registry.category("web_tour.tours").add("skinpro_portal_screening", {
    steps: () => [
        {
            content: "the form greets the client and asks the health questions",
            trigger: "h2:contains('Before your visit to')",
        },
        {
            content: "answer no to every question",
            trigger: ".o_skinpro_question input[value='no']",
            run: function () {
                for (const radio of document.querySelectorAll(
                    ".o_skinpro_question input[value='no']"
                )) {
                    radio.click();
                }
            },
        },
        {
            content: "but yes to a chemical peel",
            trigger: `${PEEL} label:contains('Yes')`,
            run: "click",
        },
        {
            content: "a month ago: the waiting period has passed",
            trigger: `${PEEL} input[type='date']`,
            run: function () {
                const day = new Date(Date.now() - 30 * 86400000);
                this.anchor.value = day.toISOString().slice(0, 10);
            },
        },
        {
            content: "agree to the treatment consent",
            trigger: "input#consent",
            run: "click",
        },
        {
            content: "agree to the photo consent",
            trigger: "input#photo_consent",
            run: "click",
        },
        {
            content: "go on to the signature",
            trigger: "button.o_skinpro_next",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the consent is shown with the signature, the name filled in",
            trigger:
                ".o_skinpro_sign .o_web_sign_name_and_signature input:value(Portal Client)",
        },
        {
            trigger: ".o_skinpro_sign canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "sign and send",
            trigger: ".o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the studio received the form",
            trigger: ".o_skinpro_done:contains('your form was received')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_portal_reconfirmation", {
    steps: () => [
        {
            content: "the questions that can change since the last visit",
            trigger: "h2:contains('Before your session at')",
        },
        {
            content: "answer no to every question",
            trigger: ".o_skinpro_question input[value='no']",
            run: function () {
                for (const radio of document.querySelectorAll(
                    ".o_skinpro_question input[value='no']"
                )) {
                    radio.click();
                }
            },
        },
        {
            content: "send",
            trigger: "button.o_skinpro_send",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the answers reached the studio",
            trigger: ".o_skinpro_done:contains('your answers reached the studio')",
        },
    ],
});

registry.category("web_tour.tours").add("skinpro_portal_photo_withdrawal", {
    steps: () => [
        {
            content: "the client's photo consent",
            trigger: "h2:contains('Your photo consent')",
        },
        {
            content: "withdraw it",
            trigger: "button.o_skinpro_withdraw",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "every photo is deleted",
            trigger: ".o_skinpro_done:contains('every photo of you was deleted')",
        },
    ],
});
