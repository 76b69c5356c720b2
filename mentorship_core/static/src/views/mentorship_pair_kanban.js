import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { RelationalModel } from "@web/model/relational_model/relational_model";

const APPROVED = "approved";

/**
 * The pair pipeline: a card dropped into the stage "Approved by order" is not
 * written there (approval needs the order's number and date); the approval
 * wizard opens instead, and the pipeline reloads when it closes. Cancelled,
 * the card stays where it was.
 */
export class MentorshipPairDynamicGroupList extends RelationalModel.DynamicGroupList {
    async moveRecord(dataRecordId, dataGroupId, refId, targetGroupId) {
        const targetGroup = this.groups.find((group) => group.id === targetGroupId);
        if (
            dataGroupId !== targetGroupId &&
            targetGroup?.groupByField.name === "stage_id" &&
            (await this._isApprovedStage(targetGroup.value))
        ) {
            const sourceGroup = this.groups.find((group) => group.id === dataGroupId);
            const record = sourceGroup.list.records.find((r) => r.id === dataRecordId);
            return this._openApproveWizard(record.resId);
        }
        return super.moveRecord(...arguments);
    }

    async _isApprovedStage(stageId) {
        if (!stageId) {
            return false;
        }
        const [stage] = await this.model.orm.read("mentorship.pair.stage", [stageId], ["state"]);
        return stage?.state === APPROVED;
    }

    async _openApproveWizard(pairId) {
        // as the button of the pair's form: the server's action, then reload
        await this.model.action.doActionButton({
            type: "object",
            name: "action_open_approve_wizard",
            resModel: this.resModel,
            resId: pairId,
            resIds: [pairId],
            context: this.context,
            onClose: () => this.model.load(),
        });
    }
}

export class MentorshipPairKanbanModel extends RelationalModel {
    static DynamicGroupList = MentorshipPairDynamicGroupList;
}

export const mentorshipPairKanbanView = {
    ...kanbanView,
    Model: MentorshipPairKanbanModel,
};

registry.category("views").add("mentorship_pair_kanban", mentorshipPairKanbanView);
