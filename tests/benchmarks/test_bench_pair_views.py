"""Benchmark: the pair list and kanban with 5,000 pairs against Odoo's own
contact list and kanban with 5,000 contacts, on the same database, each read
with the specification the web client builds from the real view.

Run with ./setup/bench.sh -k pair_views; prints the timings and the ratios
(pair / contact), which should stay under 1.5.
"""

import ast
import time
from datetime import date

from lxml import etree

from odoo import Command

RECORDS = 5000
ROUNDS = 15
MAX_RATIO = 1.5
LIMITS = {"list": 80, "kanban": 40}  # the pages of the web client
# fields the web client reads for a widget besides the widget's own field
WIDGET_DEPENDENCIES = {
    "list_activity": [
        "activity_exception_decoration",
        "activity_exception_icon",
        "activity_state",
        "activity_summary",
        "activity_type_icon",
        "activity_type_id",
    ],
    "image": ["write_date"],
}
WIDGET_DEPENDENCIES["kanban_activity"] = WIDGET_DEPENDENCIES["list_activity"]


def view_specification(model, view_type):
    """The ``specification`` of ``web_search_read`` for the default view of
    ``view_type`` of ``model``, built as the web client's ``getFieldsSpec``
    does: the display name of many2one records, the display name (and
    colour) of tags, other x2many as ids, and the fields the widgets need."""
    views = model.get_views([(False, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    fields = views["models"][model._name]["fields"]
    spec = {}
    for node in arch.xpath("//field[not(ancestor::field)]"):
        name, widget = node.get("name"), node.get("widget")
        spec[name] = field_specification(fields[name], node)
        for dependency in WIDGET_DEPENDENCIES.get(widget, []):
            spec.setdefault(dependency, field_specification(model.fields_get([dependency])[dependency]))
    return spec


def field_specification(field, node=None):
    if field["type"] in ("many2one", "reference"):
        return {"fields": {"display_name": {}}}
    if field["type"] in ("one2many", "many2many") and node is not None and node.get("widget") == "many2many_tags":
        color = ast.literal_eval(node.get("options") or "{}").get("color_field")
        return {"fields": {"display_name": {}, **({color: {}} if color else {})}}
    return {}


def populate(env):
    company = env["res.company"].create({"name": "Benchmark School"})
    program = env["mentorship.program"].create(
        {
            "name": "Benchmark",
            "form_id": env.ref("mentorship_core.form_teacher_teacher").id,
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 5, 31),
        }
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Benchmark Person {i}", "email": f"p{i}@bench.test", "company_id": company.id}
            for i in range(RECORDS)
        ]
    )
    mentors = env["mentorship.mentor"].create(
        [
            {
                "partner_id": p.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentor_category_teacher").id,
            }
            for p in partners[:500]
        ]
    )
    mentees = env["mentorship.mentee"].create(
        [
            {
                "partner_id": p.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentee_category_young_teacher").id,
            }
            for p in partners[500:]
        ]
    )
    stages = env["mentorship.pair.stage"].search([("state", "in", ["candidate", "matching", "agreement"])])
    env["mentorship.pair"].create(
        [
            {
                "program_id": program.id,
                "mentor_id": mentors[i % len(mentors)].id,
                "mentee_ids": [Command.set(mentees[i % len(mentees)].ids)],
                "stage_id": stages[i % len(stages)].id,
            }
            for i in range(RECORDS)
        ]
    )
    env.flush_all()
    return company


def best_times(env, calls):
    """The best time of each of ``calls`` over the rounds, the calls taking
    turns in every round: a busy moment of the machine slows them alike."""
    timings = {name: [] for name in calls}
    for _round in range(ROUNDS):
        for name, call in calls.items():
            env.invalidate_all()
            start = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in timings.items()}


def read_page(model, domain, view_type):
    spec = view_specification(model, view_type)
    return lambda: model.web_search_read(domain, spec, limit=LIMITS[view_type])


def test_pair_views_against_contact_views(env):
    company = populate(env)
    scoped = env(context={"allowed_company_ids": company.ids, "bin_size": True})
    domain = [("company_id", "=", company.id)]
    partners, pairs = scoped["res.partner"], scoped["mentorship.pair"]
    assert pairs.search_count(domain) == partners.search_count(domain) == RECORDS
    timings = best_times(
        env,
        {
            (model._name, view_type): read_page(model, domain, view_type)
            for view_type in LIMITS
            for model in (partners, pairs)
        }
        | {
            "grouped": lambda: pairs.web_read_group(
                domain,
                ["stage_id"],
                ["__count"],
                auto_unfold=True,
                unfold_read_specification=view_specification(pairs, "kanban"),
                unfold_read_default_limit=LIMITS["kanban"],
            )
        },
    )
    print(f"\n{RECORDS} records each, best of {ROUNDS} rounds:")
    ratios = {}
    for view_type in LIMITS:
        partner_time, pair_time = timings["res.partner", view_type], timings["mentorship.pair", view_type]
        ratios[view_type] = pair_time / partner_time
        print(f"  res.partner {view_type:6s} (Odoo)    {partner_time * 1000:8.1f} ms")
        print(f"  mentorship.pair {view_type:6s}    {pair_time * 1000:8.1f} ms   ratio {ratios[view_type]:.2f}")
    print(f"  mentorship.pair kanban by stage, as opened   {timings['grouped'] * 1000:8.1f} ms")
    assert max(ratios.values()) <= MAX_RATIO, ratios
