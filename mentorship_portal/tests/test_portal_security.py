import base64

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalSecurity(MentorshipPortalCase, HttpCase):
    """The second family's mentee, mentor and parent try every route on the
    first family's records, by id and with their own access tokens: each
    attempt is refused and nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        a = cls.family_a
        cls.pair_a = a["pair"]
        cls.line_a = a["plan"].line_ids.filtered(lambda line: not line.display_type)[0]
        cls.line_a.write({"evidence": base64.b64encode(b"evidence"), "evidence_name": "evidence.pdf"})
        cls.meeting_a = cls.pair_a.meeting_ids.sorted("start")[0]
        cls.meeting_a.mentorship_mentee_confirmed = False
        as_mentee_a = a["mentee_profile"].with_env(cls.env(user=a["mentee"], context={}))
        cls.attachment_a = as_mentee_a._portal_portfolio_add("diploma.pdf", b"diploma")
        cls.consent_a = a["mentee"].partner_id.mentorship_consent_ids
        cls.requested_a = cls._consent_to_sign(a)
        cls.pair_b = cls.family_b["pair"]
        cls.token_b = cls.pair_b._portal_ensure_token()
        cls.consent_token_b = cls.family_b["mentee"].partner_id.mentorship_consent_ids._portal_ensure_token()
        cls.requested_a._portal_ensure_token()

    def _snapshot(self):
        self.env.invalidate_all()
        return {
            "line": self.line_a.read(["status", "comment", "evidence_name"]),
            "meetings": len(self.pair_a.meeting_ids),
            "meeting": self.meeting_a.read(["mentorship_mentor_confirmed", "mentorship_mentee_confirmed"]),
            "replacements": self.env["mentorship.replacement.request"].search_count([("pair_id", "=", self.pair_a.id)]),
            "attachment": bool(self.attachment_a.exists()),
            "consents": (self.consent_a | self.requested_a).read(["state", "signed_by"]),
            "pair": self.pair_a.read(["stage_id"]),
        }

    def _attempts(self):
        pair, line, meeting = self.pair_a.id, self.line_a.id, self.meeting_a.id
        return [
            ("GET", f"/my/mentorship/pair/{pair}", None),
            ("GET", f"/my/mentorship/pair/{pair}?access_token={self.token_b}", None),
            ("GET", f"/my/mentorship/pair/{pair}/page/2", None),
            ("GET", f"/my/mentorship/pair/{pair}/line/{line}/evidence", None),
            ("GET", f"/my/mentorship/pair/{self.pair_b.id}/line/{line}/evidence", None),
            ("GET", f"/my/mentorship/meeting/{meeting}/ics", None),
            ("GET", f"/my/mentorship/portfolio/{self.attachment_a.id}", None),
            ("GET", f"/my/mentorship/consent/{self.consent_a.id}", None),
            ("GET", f"/my/mentorship/consent/{self.consent_a.id}?access_token={self.consent_token_b}", None),
            ("POST", f"/my/mentorship/pair/{pair}/line/{line}", {"status": "done", "comment": "forged"}),
            ("POST", f"/my/mentorship/pair/{self.pair_b.id}/line/{line}", {"status": "done", "comment": "forged"}),
            ("POST", f"/my/mentorship/pair/{pair}/meeting", {"start": "2026-01-15T16:00", "mentee_attended": "1"}),
            ("POST", f"/my/mentorship/meeting/{meeting}/confirm", {}),
            ("POST", f"/my/mentorship/pair/{pair}/replace", {"reason": "forged"}),
            ("POST", f"/my/mentorship/portfolio/{self.attachment_a.id}/delete", {}),
            ("POST", f"/my/mentorship/consent/{self.consent_a.id}/revoke", {"reason": "forged"}),
        ]

    def _assert_all_refused(self, login):
        self.authenticate(login, login)
        before = self._snapshot()
        for method, url, data in self._attempts():
            with self.subTest(login=login, method=method, url=url), mute_logger("odoo.http"):
                response = self.url_open(url) if method == "GET" else self._post(url, data)
                self.assertIn(response.status_code, (403, 404))
        signature = base64.b64encode(b"\x89PNG forged").decode()
        for token in (None, self.consent_token_b):
            with self.subTest(login=login, sign_token=token), mute_logger("odoo.http"):
                suffix = f"?access_token={token}" if token else ""
                with self.assertRaisesRegex(JsonRpcException, "Forbidden"):
                    self.make_jsonrpc_request(
                        f"/my/mentorship/consent/{self.requested_a.id}/sign{suffix}",
                        {"name": "Forger", "signature": signature},
                    )
        self.assertEqual(self._snapshot(), before, "a refused attempt changed nothing")

    def test_second_mentee_is_refused(self):
        self._assert_all_refused("mentee_b")

    def test_second_mentor_is_refused(self):
        self._assert_all_refused("mentor_b")

    def test_second_parent_is_refused(self):
        self._assert_all_refused("parent_b")

    def test_anonymous_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        before = self._snapshot()
        for method, url, data in self._attempts():
            with self.subTest(method=method, url=url), mute_logger("odoo.http"):
                response = self.url_open(url, allow_redirects=False) if method == "GET" else self._post(url, data)
                self.assertIn(response.status_code, (303, 400, 403, 404))
                if response.status_code == 303:
                    self.assertIn("/web/login", response.headers["Location"])
        self.assertEqual(self._snapshot(), before)

    def test_roles_within_the_pair(self):
        """Only the mentor edits the plan and logs meetings, only a mentee asks
        for another mentor, and a parent reads."""
        before = self._snapshot()
        pair, line = self.pair_a.id, self.line_a.id
        refused = {
            "mentee_a": [
                (f"/my/mentorship/pair/{pair}/line/{line}", {"status": "done"}),
                (f"/my/mentorship/pair/{pair}/meeting", {"start": "2026-01-15T16:00"}),
            ],
            "parent_a": [
                (f"/my/mentorship/pair/{pair}/line/{line}", {"status": "done"}),
                (f"/my/mentorship/pair/{pair}/meeting", {"start": "2026-01-15T16:00"}),
                (f"/my/mentorship/meeting/{self.meeting_a.id}/confirm", {}),
                (f"/my/mentorship/pair/{pair}/replace", {"reason": "forged"}),
            ],
            "mentor_a": [
                (f"/my/mentorship/pair/{pair}/replace", {"reason": "forged"}),
                (f"/my/mentorship/portfolio/{self.attachment_a.id}/delete", {}),
                (f"/my/mentorship/consent/{self.consent_a.id}/revoke", {}),
            ],
        }
        for login, attempts in refused.items():
            self.authenticate(login, login)
            for url, data in attempts:
                with self.subTest(login=login, url=url), mute_logger("odoo.http"):
                    self.assertIn(self._post(url, data).status_code, (403, 404))
        self.assertEqual(self._snapshot(), before)

    def test_record_rules_of_portal_users(self):
        """Through the ORM (JSON-RPC included) portal users read only their own."""
        for login in ("mentee_b", "mentor_b", "parent_b"):
            user = self.family_b[login.split("_")[0]]
            env = self.env(user=user, context={})
            with self.subTest(login=login):
                self.assertEqual(env["mentorship.pair"].search([]), self.pair_b)
                self.assertFalse(env["mentorship.plan.line"].search([("id", "=", self.line_a.id)]))
                self.assertFalse(env["mentorship.mentee"].search([("id", "=", self.family_a["mentee_profile"].id)]))
                self.assertFalse(
                    env["mentorship.consent"].search([("id", "in", (self.consent_a | self.requested_a).ids)])
                )
                for record in (self.pair_a, self.family_a["plan"], self.line_a, self.consent_a, self.pair_a.mentor_id):
                    with self.assertRaises(AccessError):
                        record.with_env(env).check_access("read")
                with self.assertRaises(AccessError):
                    self.line_a.with_env(env).write({"status": "done"})
