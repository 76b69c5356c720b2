import importlib.util
import json
from pathlib import Path

from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = "mentorship_reports/data/files/mentorship_dashboard.json"


def _builder():
    spec = importlib.util.spec_from_file_location("build_dashboards", ROOT / "setup" / "build_dashboards.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMentorshipDashboard(MentorshipRolesCase, HttpCase):
    """The dashboard of spreadsheet_dashboard on the mentorship's live data:
    built by setup/build_dashboards.py, opened by curators and the
    coordinator, each reading what their record rules give them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.dashboard = cls.env.ref("mentorship_reports.spreadsheet_dashboard_mentorship")
        with file_open(SHIPPED, "rb") as shipped:
            cls.spreadsheet = json.loads(shipped.read())

    def test_shipped_file_is_what_the_script_builds(self):
        builder = _builder()
        with file_open(SHIPPED, "rb") as shipped:
            shipped_text = shipped.read().decode()
        self.assertEqual(shipped_text, json.dumps(builder.build(), indent=4, ensure_ascii=False) + "\n")
        self.assertEqual(json.loads(self.dashboard.spreadsheet_data), self.spreadsheet)
        self.assertEqual(self.dashboard.dashboard_group_id.name, "Mentorship")

    def _data_sources(self):
        """(model, domain, groupby, measure) of every pivot and chart."""
        for pivot in self.spreadsheet["pivots"].values():
            groupby = [row["fieldName"] for row in pivot["rows"] + pivot["columns"]]
            yield pivot["model"], pivot["domain"], groupby, pivot["measures"][0]["fieldName"]
        for sheet in self.spreadsheet["sheets"]:
            for figure in sheet["figures"]:
                meta = figure["data"].get("metaData")
                if meta:
                    yield meta["resModel"], figure["data"]["searchParams"]["domain"], meta["groupBy"], meta["measure"]

    def test_pivots_and_charts_read_existing_fields(self):
        sources = list(self._data_sources())
        self.assertEqual(len(sources), 13, "five pivots and eight charts")
        for model, _domain, groupby, measure in sources:
            described = self.env[model].fields_get(attributes=["groupable", "aggregator"])
            for name in [spec.split(":")[0] for spec in groupby]:
                self.assertTrue(described[name]["groupable"], f"{model}.{name}")
            if measure != "__count":
                self.assertTrue(described[measure].get("aggregator"), f"{model}.{measure}")
        matched = {
            (model, match["chain"])
            for model, _domain, _groupby, _measure in sources
            for match in self._matching(model).values()
        }
        for model, chain in matched:
            self.env[model]._search([(chain, "!=", False)])

    def _matching(self, model):
        for pivot in self.spreadsheet["pivots"].values():
            if pivot["model"] == model:
                return pivot["fieldMatching"]
        for sheet in self.spreadsheet["sheets"]:
            for figure in sheet["figures"]:
                if figure["data"].get("metaData", {}).get("resModel") == model:
                    return figure["data"]["fieldMatching"]
        return {}

    def _read_as(self, role):
        """What the dashboard's pivots and charts read, as ``role``."""
        env = self._as(role)
        results = []
        for model, domain, groupby, measure in self._data_sources():
            aggregate = "__count" if measure == "__count" else f"{measure}:{env[model]._fields[measure].aggregator}"
            results.append(env[model].formatted_read_group(domain, groupby, [aggregate]))
        return results

    def test_curator_and_coordinator_open_it(self):
        for role, companies in (
            ("curator", {self.school.id}),
            ("coordinator", {self.school.id, self.school_b.id}),
        ):
            with self.subTest(role=role):
                user = self.users[role]
                self.assertEqual(self._as(role, "spreadsheet.dashboard").search([]), self.dashboard)
                self.authenticate(user.login, user.login)
                response = self.url_open(f"/spreadsheet/dashboard/data/{self.dashboard.id}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json()["snapshot"]["pivots"].keys(), self.spreadsheet["pivots"].keys())
                results = self._read_as(role)
                # pairs by stage and form: the schools the role reads, and no other
                pairs = self._as(role, "mentorship.pair").formatted_read_group([], ["company_id"], ["__count"])
                self.assertEqual({group["company_id"][0] for group in pairs}, companies)
                self.assertEqual(len(results), 13)

    def test_staff_mentor_does_not_see_it(self):
        self.assertFalse(self._as("staff_mentor", "spreadsheet.dashboard").search([]))
