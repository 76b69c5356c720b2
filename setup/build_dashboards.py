#!/usr/bin/env python3
"""Build the spreadsheet of the mentorship dashboard of mentorship_reports
(data/files/mentorship_dashboard.json), shown by Odoo's spreadsheet_dashboard.

Run it after changing the dashboard here: ``python3 setup/build_dashboards.py``
(a test fails while the shipped file differs from what it builds). The pivots
and charts read live data as the user may read it (record rules): a curator
sees their school, the coordinator every school, side by side. The texts are
English terms (``_t`` in formulas, chart titles, filter labels) that Odoo
exports with the addon's terms; their Russian is in the addon's ru.po.
"""

import json
import sys
import uuid
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "mentorship_reports" / "data" / "files" / "mentorship_dashboard.json"
NAMESPACE = uuid.UUID("6f1d3c2e-6a7b-4d53-9a51-2f0c8e1b7a40")
ROW_HEIGHT = 23
RUNNING = ["approved", "working"]
PAIR, MENTEE, INDICATOR = "mentorship.pair", "mentorship.mentee", "mentorship.monitoring.indicator"
ACTIVE_MENTEES = [["state", "=", "active"]]
MENTEES_IN_PAIRS = [["state", "=", "active"], ["pair_ids.state", "in", RUNNING]]
# the indicators of the table by campaign and organisation
KEY_INDICATORS = [
    "participants",
    "pairs",
    "response_rate",
    "meetings_per_month",
    "plan_progress",
    "plans_at_risk",
    "mentor_satisfaction",
    "mentee_satisfaction",
]


def _id(name):
    """A stable id: the file is the same at each build."""
    return str(uuid.uuid5(NAMESPACE, name))


FILTERS = {
    "organisation": {"label": "Organisation", "modelName": "res.company"},
    "campaign": {"label": "Monitoring Campaign", "modelName": "mentorship.monitoring"},
}
# the field each model's data is filtered on, by filter
MATCHING = {
    PAIR: {"organisation": "company_id"},
    MENTEE: {"organisation": "company_id"},
    "calendar.event": {"organisation": "mentorship_pair_id.company_id"},
    INDICATOR: {"organisation": "company_id", "campaign": "monitoring_id"},
}


def field_matching(model):
    return {_id(f"filter {name}"): {"chain": chain, "type": "many2one"} for name, chain in MATCHING[model].items()}


def pivot(pivot_id, name, model, domain, rows=(), columns=(), measure="__count"):
    return {
        "type": "ODOO",
        "id": str(pivot_id),
        "formulaId": str(pivot_id),
        "name": name,
        "model": model,
        "domain": domain,
        "context": {},
        "measures": [{"id": measure, "fieldName": measure}],
        "rows": [{"fieldName": field} for field in rows],
        "columns": [{"fieldName": field} for field in columns],
        "sortedColumn": None,
        "fieldMatching": field_matching(model),
    }


PIVOTS = [
    pivot(1, "Active Mentees", MENTEE, ACTIVE_MENTEES),
    pivot(2, "Mentees in Running Pairs", MENTEE, MENTEES_IN_PAIRS),
    pivot(3, "Running Pairs", PAIR, [["state", "in", RUNNING]]),
    pivot(4, "Pairs Needing Attention", PAIR, [["health", "in", ["attention", "risk"]]]),
    # no name: the table's corner shows it, and the title above is the translated one
    pivot(
        5,
        "",
        INDICATOR,
        [["level", "=", "organisation"], ["indicator", "in", KEY_INDICATORS]],
        rows=["monitoring_id", "company_id"],
        columns=["indicator"],
        measure="value",
    ),
]


def chart(name, title, model, group_by, measure="__count", domain=(), mode="bar", stacked=False):
    """An Odoo chart of ``model``; a legend only when it has several series."""
    chart_id = _id(f"chart {name}")
    data = {
        "title": {"text": title, "bold": True, "color": "#434343"},
        "background": "#FFFFFF",
        "legendPosition": "top" if len(group_by) > 1 else "none",
        "metaData": {"groupBy": group_by, "measure": measure, "order": None, "resModel": model, "mode": mode},
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": list(domain),
            "groupBy": group_by,
            "orderBy": [],
        },
        "type": f"odoo_{mode}",
        "dataSets": [],
        "verticalAxisPosition": "left",
        "stacked": stacked,
        "chartId": chart_id,
        "fieldMatching": field_matching(model),
    }
    if mode == "line":
        data.update({"cumulatedStart": False, "fillArea": True})
        data["metaData"]["cumulatedStart"] = False
    return chart_id, data


def scorecard(name, title, key_value, background):
    chart_id = _id(f"scorecard {name}")
    return chart_id, {
        "title": {"text": title, "bold": True, "color": "#434343"},
        "type": "scorecard",
        "background": background,
        "keyValue": key_value,
        "baselineMode": "difference",
        "baselineColorUp": "#00A04A",
        "baselineColorDown": "#DC6965",
        "humanize": False,
        "chartId": chart_id,
    }


def figure(chart_id, data, x, row, width, height, offset=0):
    return {
        "id": chart_id,
        "tag": "chart",
        "width": width,
        "height": height,
        "offset": {"x": x, "y": row * ROW_HEIGHT + offset},
        "col": 0,
        "row": 0,
        "data": data,
    }


CARD_WIDTH, CARD_GAP = 240, 6
CHART_WIDTH, RIGHT = 560, 600
SCORECARDS = [
    scorecard("active mentees", "Active Mentees", "Data!B1", "#EFF6FF"),
    scorecard("mentees in pairs", "Mentees in Pairs", "Data!B2", "#EFF6FF"),
    scorecard("coverage", "Coverage of the Mentees", "Data!B3", "#F0FDF4"),
    scorecard("running pairs", "Running Pairs", "Data!B4", "#FFF7ED"),
    scorecard("attention", "Need Attention", "Data!B5", "#FEF2F2"),
]
CHART_HEIGHT = 320
CHART_ROWS = 15  # the rows a chart and its gap take
# rows of two charts side by side, below the scorecards
CHARTS = [
    (
        chart("pairs", "Pairs by Stage and Form", PAIR, ["stage_id", "form_id"], stacked=True),
        chart(
            "meetings",
            "Held Meetings by Month",
            "calendar.event",
            ["start:month"],
            domain=[["mentorship_pair_id", "!=", False], ["mentorship_is_held", "=", True]],
            mode="line",
        ),
    ),
    (
        chart(
            "satisfaction",
            "Satisfaction by Campaign (%)",
            INDICATOR,
            ["monitoring_id", "indicator"],
            measure="value",
            domain=[
                ["level", "=", "organisation"],
                ["indicator", "in", ["mentor_satisfaction", "mentee_satisfaction"]],
            ],
        ),
        chart(
            "meetings per month",
            "Held Meetings per Pair per Month by Campaign",
            INDICATOR,
            ["monitoring_id", "company_id"],
            measure="value",
            domain=[["level", "=", "organisation"], ["indicator", "=", "meetings_per_month"]],
        ),
    ),
    (
        chart(
            "active mentees",
            "Active Mentees by Organisation",
            MENTEE,
            ["company_id"],
            domain=ACTIVE_MENTEES,
        ),
        chart(
            "mentees in pairs",
            "Mentees in Running Pairs by Organisation",
            MENTEE,
            ["company_id"],
            domain=MENTEES_IN_PAIRS,
        ),
    ),
    (
        chart(
            "health by organisation",
            "Running Pairs by Health and Organisation",
            PAIR,
            ["company_id", "health"],
            domain=[["state", "in", RUNNING]],
            stacked=True,
        ),
        chart(
            "health by form",
            "Running Pairs by Health and Form",
            PAIR,
            ["form_id", "health"],
            domain=[["state", "in", RUNNING]],
            stacked=True,
        ),
    ),
]
FIRST_CHART_ROW = 6
TABLE_ROW = FIRST_CHART_ROW + CHART_ROWS * len(CHARTS)


def dashboard_sheet():
    # the table of the indicators spills down from below its title (nothing under it), without
    # totals: an indicator is averaged over campaigns and organisations by no one
    cells = {
        f"A{TABLE_ROW + 1}": '=_t("Indicators by Campaign and Organisation")',
        f"A{TABLE_ROW + 2}": "=PIVOT(5,10000,FALSE,TRUE,100,FALSE)",
    }
    figures = [
        figure(chart_id, data, index * (CARD_WIDTH + CARD_GAP), 0, CARD_WIDTH, 106, offset=12)
        for index, (chart_id, data) in enumerate(SCORECARDS)
    ]
    for index, pair in enumerate(CHARTS):
        row = FIRST_CHART_ROW + CHART_ROWS * index
        figures += [
            figure(chart_id, data, x, row, CHART_WIDTH, CHART_HEIGHT)
            for x, (chart_id, data) in zip((0, RIGHT), pair, strict=True)
        ]
    return {
        "id": "dashboard",
        "name": "Dashboard",
        "colNumber": 12,
        "rowNumber": TABLE_ROW + 100,
        "rows": {},
        # wide enough for the indicators' names above their columns
        "cols": {"0": {"size": 300}, **{str(column): {"size": 150} for column in range(1, len(KEY_INDICATORS) + 1)}},
        "merges": [],
        "cells": cells,
        "styles": {f"A{TABLE_ROW + 1}": 1},
        "formats": {},
        "borders": {f"A{TABLE_ROW + 1}": 1},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }


def data_sheet():
    labels = ["Active Mentees", "Mentees in Running Pairs", "Coverage of the Mentees", "Running Pairs"]
    labels.append("Pairs Needing Attention")
    cells = {f"A{row}": f'=_t("{label}")' for row, label in enumerate(labels, start=1)}
    cells.update(
        {
            "B1": '=PIVOT.VALUE(1,"__count")',
            "B2": '=PIVOT.VALUE(2,"__count")',
            "B3": "=IF(B1,B2/B1,0)",
            "B4": '=PIVOT.VALUE(3,"__count")',
            "B5": '=PIVOT.VALUE(4,"__count")',
        }
    )
    return {
        "id": "data",
        "name": "Data",
        "colNumber": 5,
        "rowNumber": 10,
        "rows": {},
        "cols": {"0": {"size": 240}},
        "merges": [],
        "cells": cells,
        "styles": {},
        "formats": {"B3": 1},
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": [],
        "tables": [],
        "areGridLinesVisible": True,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }


def build():
    return {
        "version": "18.5.10",
        "sheets": [dashboard_sheet(), data_sheet()],
        "styles": {"1": {"textColor": "#01666b", "bold": True, "fontSize": 14}},
        "formats": {"1": "0.0%"},
        "borders": {"1": {"bottom": {"style": "thin", "color": "#B7B7B7"}}},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": {item["id"]: item for item in PIVOTS},
        "pivotNextId": len(PIVOTS) + 1,
        "customTableStyles": {},
        "globalFilters": [
            {"id": _id(f"filter {name}"), "type": "relation", "defaultValueDisplayNames": [], **values}
            for name, values in FILTERS.items()
        ],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


def write(target=TARGET):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(build(), indent=4, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
