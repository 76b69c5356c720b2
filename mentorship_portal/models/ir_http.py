from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal pages get the Russian of the chatter (mail's) and of the
        web and mail terms that Odoo leaves untranslated, which
        mentorship_core ships."""
        return [*super()._get_translation_frontend_modules_name(), "mail", "mentorship_core"]
