// Copyright 2026 SkinPro Studio
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// A medical-depth treatment cannot be sold at this studio: the front desk refers the
// client to a medical provider instead, from the refusal itself.

import {Component, onWillStart, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {_t} from "@web/core/l10n/translation";
import {usePos} from "@point_of_sale/app/hooks/pos_hook";
import {useService} from "@web/core/utils/hooks";

export class SkinproReferralDialog extends Component {
    static template = "skinpro_needling.ReferralDialog";
    static components = {Dialog};
    static props = {
        body: String,
        partner: Object,
        product: Object,
        close: Function,
    };

    setup() {
        this.pos = usePos();
        this.notification = useService("notification");
        this.state = useState({providers: [], providerId: null, sending: false});
        onWillStart(async () => {
            this.state.providers =
                (await this.pos.data.silentCall(
                    "pos.config",
                    "skinpro_referral_providers",
                    [[this.pos.config.id]]
                )) || [];
        });
    }

    async createReferral() {
        this.state.sending = true;
        try {
            const name = await this.pos.data.call(
                "pos.config",
                "skinpro_create_referral",
                [
                    [this.pos.config.id],
                    this.props.partner.id,
                    this.props.product.id,
                    this.state.providerId,
                ]
            );
            this.notification.add(_t("Referral created: %s", name), {type: "success"});
            this.props.close();
        } finally {
            this.state.sending = false;
        }
    }
}
