// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* The practitioner takes the three before photos of a session through the file
   input, lines each up under the previous session's photo, then compares two
   sessions side by side and with the slider. */

import {registry} from "@web/core/registry";

async function pickPhoto(input, name) {
    const canvas = document.createElement("canvas");
    canvas.width = 96;
    canvas.height = 128;
    const context = canvas.getContext("2d");
    context.fillStyle = "#c89678";
    context.fillRect(0, 0, 96, 128);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg"));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], name, {type: "image/jpeg"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

const takeBefore = (angle) => [
    {
        content: `take the ${angle} photo`,
        trigger: `.o_skinpro_angle[data-angle='${angle}'] .o_skinpro_take_before`,
        run: "click",
    },
    {
        content: "the previous session's photo lies over the stage",
        trigger: ".o_skinpro_capture_panel .o_skinpro_overlay",
    },
    {
        content: "make the overlay fainter",
        trigger: ".o_skinpro_capture_panel input.o_skinpro_opacity",
        run: "range 30",
    },
    {
        content: "the overlay follows the slider",
        trigger: ".o_skinpro_capture_panel .o_skinpro_overlay[style*='opacity: 0.3']",
    },
    {
        content: "choose the photo",
        trigger: ".o_skinpro_capture_panel input.o_skinpro_file:not(:visible)",
        async run(helpers) {
            await pickPhoto(helpers.anchor, `${angle}.jpg`);
        },
    },
    {
        content: "the new photo is under the overlay",
        trigger: ".o_skinpro_capture_panel .o_skinpro_pending",
    },
    {
        content: "save it",
        trigger: ".o_skinpro_capture_panel .o_skinpro_save_photo:enabled",
        run: "click",
    },
    {
        content: `the ${angle} photo is taken`,
        trigger: `.o_skinpro_angle[data-angle='${angle}'] .o_skinpro_taken_before`,
    },
];

registry.category("web_tour.tours").add("skinpro_photo_sequence", {
    steps: () => [
        {
            content: "open the session's photos",
            trigger: ".o_notebook .nav-link:contains('Photos')",
            run: "click",
        },
        ...takeBefore("Front"),
        ...takeBefore("Left 45°"),
        ...takeBefore("Right 45°"),
        {
            content: "nothing is missing any more",
            trigger:
                ".o_form_view:not(:has(div[name='before_photos_missing'] span:not(:empty)))",
        },
        {
            content: "compare the client's photos",
            trigger: ".o_form_statusbar button[name='action_skinpro_compare_photos']",
            run: "click",
        },
        {
            content: "the front angle is open",
            trigger:
                ".o_skinpro_photo_compare .o_skinpro_angle_tab.active:contains('Front')",
        },
        {
            content: "two photos side by side",
            trigger:
                ".o_skinpro_photo_compare .o_skinpro_side_leftId img + .o_skinpro_caption",
        },
        {
            content: "of two sessions",
            trigger:
                ".o_skinpro_photo_compare .o_skinpro_side_rightId .o_skinpro_caption",
        },
        {
            content: "slide between them",
            trigger: ".o_skinpro_photo_compare input.o_skinpro_split",
            run: "range 80",
        },
        {
            content: "the earlier photo now covers most of the stage",
            trigger: ".o_skinpro_slider_top[style*='inset(0 20%']",
        },
    ],
});

// The demo: Salt Lake City's practitioner compares a regular's three sessions.
registry.category("web_tour.tours").add("skinpro_photo_demo_compare", {
    steps: () => [
        {
            content: "compare the client's photos",
            trigger: ".o_form_statusbar button[name='action_skinpro_compare_photos']",
            run: "click",
        },
        {
            content: "every angle of the sequence has a tab",
            trigger:
                ".o_skinpro_photo_compare .o_skinpro_angle_tab:contains('Right 45°')",
        },
        {
            content: "three sessions and the follow-up to choose from",
            trigger: ".o_skinpro_side_leftId select:has(option:eq(3))",
        },
        {
            content: "the side view of the left 45 degrees",
            trigger:
                ".o_skinpro_photo_compare .o_skinpro_angle_tab:contains('Left 45°')",
            run: "click",
        },
        {
            content: "put the second session on the left",
            trigger: ".o_skinpro_side_leftId select",
            run: "selectByIndex 1",
        },
        {
            content: "its date and depth under it",
            trigger: ".o_skinpro_side_leftId .o_skinpro_caption:contains('mm')",
        },
        {
            content: "slide between the two",
            trigger: ".o_skinpro_photo_compare input.o_skinpro_split",
            run: "range 20",
        },
        {
            content: "the later photo shows most of the stage",
            trigger: ".o_skinpro_slider_top[style*='inset(0 80%']",
        },
    ],
});
