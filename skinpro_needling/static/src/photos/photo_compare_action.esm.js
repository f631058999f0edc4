/* Copyright 2026 SkinPro Studio
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {Component, onWillStart, useState} from "@odoo/owl";
import {deserializeDateTime, formatDate} from "@web/core/l10n/dates";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useService} from "@web/core/utils/hooks";

/**
 * A client's photos by angle across sessions: two of them side by side, and the
 * same two under a slider, each with its date and the session's depth.
 */
export class SkinproPhotoCompare extends Component {
    static template = "skinpro_needling.PhotoCompare";
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.state = useState({angleId: null, leftId: null, rightId: null, split: 50});
        onWillStart(() => this.load());
    }

    get partnerId() {
        return this.props.action.params.partner_id;
    }

    async load() {
        this.photos = await this.orm.searchRead(
            "skinpro.photo",
            [["partner_id", "=", this.partnerId]],
            ["id", "angle", "phase", "taken_on", "session_id", "depth_mm"],
            {order: "taken_on asc, id asc"}
        );
        const angles = new Map();
        for (const photo of this.photos) {
            if (photo.angle) {
                angles.set(photo.angle[0], photo.angle[1]);
            }
        }
        this.angles = [...angles].map(([id, name]) => ({id, name}));
        if (this.angles.length) {
            this.selectAngle(this.angles[0].id);
        }
    }

    get anglePhotos() {
        return this.photos.filter(
            (photo) => photo.angle && photo.angle[0] === this.state.angleId
        );
    }

    selectAngle(angleId) {
        const photos = this.photos.filter(
            (photo) => photo.angle && photo.angle[0] === angleId
        );
        this.state.angleId = angleId;
        this.state.leftId = photos.length ? photos[0].id : null;
        this.state.rightId = photos.length ? photos[photos.length - 1].id : null;
    }

    photo(photoId) {
        return this.photos.find((photo) => photo.id === photoId);
    }

    label(photo) {
        const day = formatDate(deserializeDateTime(photo.taken_on));
        const depth = photo.depth_mm ? ` · ${photo.depth_mm.toFixed(2)} mm` : "";
        const phase = photo.phase === "after" ? _t("after") : _t("before");
        return `${day} · ${phase}${depth}`;
    }

    imageUrl(photoId) {
        return `/web/image/skinpro.photo/${photoId}/image_1024`;
    }

    onSelect(side, ev) {
        this.state[side] = Number(ev.target.value);
    }

    onSplit(ev) {
        this.state.split = Number(ev.target.value);
    }
}

registry.category("actions").add("skinpro_photo_compare", SkinproPhotoCompare);
