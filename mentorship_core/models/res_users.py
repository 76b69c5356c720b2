from odoo import api, models

# the first group a user has decides where they land after login: HR officers
# and directors (who are curators too) on the incentives
MENTORSHIP_HOME_ACTIONS = (
    ("mentorship_core.group_mentorship_hr_officer", "mentorship_core.mentorship_incentive_action"),
    ("mentorship_core.group_mentorship_mentor", "mentorship_core.mentorship_pair_action"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._set_mentorship_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if "group_ids" in vals:
            self._set_mentorship_home_action()
        return result

    def _set_mentorship_home_action(self):
        """Staff with a mentorship role land in Mentorship after login rather
        than in the first app of the menu (Discuss). A home action the user
        already has is kept, and administrators, whose work is wider than
        mentorship, keep Odoo's own landing."""
        homeless = self.filtered(
            lambda user: not user.action_id and not user.share and not user.has_group("base.group_system")
        )
        for group_xmlid, action_xmlid in MENTORSHIP_HOME_ACTIONS:
            group = self.env.ref(group_xmlid, raise_if_not_found=False)
            action = self.env.ref(action_xmlid, raise_if_not_found=False)
            if not (group and action):
                continue
            members = homeless.filtered(lambda user, group=group: group in user.all_group_ids)
            members.sudo().action_id = action.id
            homeless -= members

    @api.model
    def _set_mentorship_home_action_of_all(self):
        """At installation: the users who already have a mentorship role."""
        self.search([("share", "=", False)])._set_mentorship_home_action()
