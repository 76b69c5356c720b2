from odoo import api, models


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

    def _is_mentorship_user(self):
        self.ensure_one()
        return self.has_group("mentorship_core.group_mentorship_mentor") or self.has_group(
            "mentorship_core.group_mentorship_hr_officer"
        )

    def _set_mentorship_home_action(self):
        """Staff with a mentorship role land in Mentorship after login rather
        than in the first app of the menu (Discuss). A home action the user
        already has is kept, and administrators, whose work is wider than
        mentorship, keep Odoo's own landing unless they choose this one."""
        homeless = self.filtered(
            lambda user: (
                not user.action_id
                and not user.share
                and not user.has_group("base.group_system")
                and user._is_mentorship_user()
            )
        )
        # while the addon installs, the action comes after the users its data
        # writes: _set_mentorship_home_action_of_all catches up then
        home = homeless and self.env.ref("mentorship_core.action_mentorship_home", raise_if_not_found=False)
        if home:
            homeless.sudo().action_id = home.id

    @api.model
    def _set_mentorship_home_action_of_all(self):
        """At installation: the users who already have a mentorship role."""
        self.search([("share", "=", False)])._set_mentorship_home_action()

    def _mentorship_home_action(self):
        """The screen a mentorship user lands on, by the widest of their roles:
        the coordinator on the municipality, HR officers and directors on the
        incentives, curators and mentors on the pairs."""
        self.ensure_one()
        Actions = self.env["ir.actions.act_window"]
        if self.has_group("mentorship_core.group_mentorship_coordinator"):
            return Actions._for_xml_id(self._mentorship_coordinator_home_xmlid())
        if self.has_group("mentorship_core.group_mentorship_hr_officer"):
            return Actions._for_xml_id("mentorship_core.mentorship_incentive_action")
        action = Actions._for_xml_id("mentorship_core.mentorship_pair_action")
        if not self.has_group("mentorship_core.group_mentorship_curator"):
            # a staff mentor works with their own running pairs, not the
            # pipeline's forming stages
            action["context"] = {"search_default_my": 1, "search_default_running": 1}
            action["views"] = sorted(action["views"], key=lambda view: view[1] != "list")
        return action

    def _mentorship_coordinator_home_xmlid(self):
        return "mentorship_core.mentorship_pair_action"

    def _mentorship_landing_companies(self):
        """The organisations a user lands in: their own with the ones below it
        they work in, so a department's coordinator sees its schools at once."""
        self.ensure_one()
        return self.env["res.company"].search(
            [("id", "child_of", self.company_id.id), ("id", "in", self.company_ids.ids)]
        )
