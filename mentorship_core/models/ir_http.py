from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Who lands in Mentorship lands in their organisation and the ones
        below it: the web client takes the active companies from the `cids`
        cookie, which a new session has not set yet."""
        info = super().session_info()
        user = self.env.user
        home = self.env.ref("mentorship_core.action_mentorship_home", raise_if_not_found=False)
        if (
            request
            and info.get("user_companies")
            and home
            and user.action_id.id == home.id
            and not request.cookies.get("cids")
        ):
            # the first is the current one, the others are sorted by the web client
            companies = user.company_id | user._mentorship_landing_companies()
            request.future_response.set_cookie("cids", "-".join(str(company_id) for company_id in companies.ids))
        return info
