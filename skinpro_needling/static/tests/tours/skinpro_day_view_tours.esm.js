// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/* The practitioner's day: Treatments > Today's sessions, a calendar of the day. */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("skinpro_day_view", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Micro-needling app",
            trigger: ".o_app[data-menu-xmlid='skinpro_needling.menu_skinpro_root']",
            run: "click",
        },
        {
            content: "open Treatments",
            trigger: ".o_main_navbar button:contains('Treatments')",
            run: "click",
        },
        {
            content: "open today's sessions",
            trigger:
                ".dropdown-item[data-menu-xmlid='skinpro_needling.menu_skinpro_sessions_today']",
            run: "click",
        },
        {
            content: "the day view shows the session booked for today",
            trigger:
                ".o_calendar_view .fc-timeGridDay-view .fc-event:contains('Emma Larsen')",
        },
        {
            content: "and not yesterday's",
            trigger: ".o_calendar_view:not(:has(.fc-event:contains('Noah Whitaker')))",
        },
    ],
});
