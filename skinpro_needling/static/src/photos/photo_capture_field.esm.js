/* Copyright 2026 SkinPro Studio
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {Component, onWillUnmount, useRef, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";
import {useService} from "@web/core/utils/hooks";

/**
 * The session's photo sequence: per angle of the treatment, the photo taken
 * before and after, and a capture panel that opens the camera (or a file) with
 * the client's previous photo of that angle laid over it, semi-transparent, to
 * line the face up the same way every time.
 */
export class SkinproPhotoCaptureField extends Component {
    static template = "skinpro_needling.PhotoCaptureField";
    static props = {...standardFieldProps};

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.video = useRef("video");
        this.state = useState({
            angle: null,
            phase: "before",
            previous: null,
            pending: null,
            opacity: 50,
            live: false,
            saving: false,
        });
        onWillUnmount(() => this.stopCamera());
    }

    get record() {
        return this.props.record;
    }

    get angles() {
        return this.record.data.photo_angle_ids.records.map((angle) => ({
            id: angle.resId,
            name: angle.data.display_name,
        }));
    }

    get closed() {
        return ["done", "cancelled"].includes(this.record.data.state);
    }

    photoOf(angleId, phase) {
        const photos = this.record.data[this.props.name].records.filter(
            (photo) => photo.data.angle.id === angleId && photo.data.phase === phase
        );
        return photos.length ? photos[photos.length - 1] : null;
    }

    imageUrl(photoId) {
        return `/web/image/skinpro.photo/${photoId}/image_1024`;
    }

    async open(angle, phase) {
        if (this.record.isNew || this.record.dirty) {
            await this.record.save();
        }
        const own = this.record.data[this.props.name].records.map((p) => p.resId);
        const [previous] = await this.orm.searchRead(
            "skinpro.photo",
            [
                ["partner_id", "=", this.record.data.partner_id.id],
                ["angle", "=", angle.id],
                ["id", "not in", own],
            ],
            ["id", "taken_on"],
            {order: "taken_on desc, id desc", limit: 1}
        );
        Object.assign(this.state, {
            angle,
            phase,
            previous: previous || null,
            pending: null,
        });
    }

    close() {
        this.stopCamera();
        Object.assign(this.state, {angle: null, pending: null, previous: null});
    }

    onFile(ev) {
        const file = ev.target.files && ev.target.files[0];
        if (!file) {
            return;
        }
        const reader = new FileReader();
        reader.onload = () => {
            this.state.pending = reader.result;
        };
        reader.readAsDataURL(file);
    }

    onOpacity(ev) {
        this.state.opacity = Number(ev.target.value);
    }

    async startCamera() {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            this.notification.add(
                _t("This device gives no live camera: take a file."),
                {
                    type: "warning",
                }
            );
            return;
        }
        this.stream = await navigator.mediaDevices.getUserMedia({
            video: {facingMode: "environment"},
        });
        this.state.live = true;
        // The video element renders with the live state.
        await Promise.resolve();
        this.video.el.srcObject = this.stream;
    }

    stopCamera() {
        if (this.stream) {
            this.stream.getTracks().forEach((track) => track.stop());
            this.stream = null;
        }
        this.state.live = false;
    }

    snap() {
        const video = this.video.el;
        const canvas = document.createElement("canvas");
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext("2d").drawImage(video, 0, 0);
        this.state.pending = canvas.toDataURL("image/jpeg", 0.92);
        this.stopCamera();
    }

    async save() {
        if (!this.state.pending || this.state.saving) {
            return;
        }
        this.state.saving = true;
        try {
            await this.orm.create("skinpro.photo", [
                {
                    partner_id: this.record.data.partner_id.id,
                    company_id: this.record.data.company_id.id,
                    session_id: this.record.resId,
                    angle: this.state.angle.id,
                    phase: this.state.phase,
                    image: this.state.pending.split(",")[1],
                },
            ]);
            this.close();
            await this.record.load();
        } finally {
            this.state.saving = false;
        }
    }
}

export const skinproPhotoCaptureField = {
    component: SkinproPhotoCaptureField,
    relatedFields: [
        {name: "angle", type: "many2one", relation: "skinpro.photo.angle"},
        {
            name: "phase",
            type: "selection",
            selection: [
                ["before", "Before"],
                ["after", "After"],
            ],
        },
        {name: "taken_on", type: "datetime"},
    ],
};

registry.category("fields").add("skinpro_photo_capture", skinproPhotoCaptureField);
