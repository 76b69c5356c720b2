"""Benchmark: the marks of a whole municipality imported in production mode.

A department of 28 schools with 8,400 pupils imports 201,600 average marks
(4 periods x 6 subjects per pupil), first as CSV and again (the school
information system exports earlier periods each time), then the same as XLSX.
Odoo serves with 2 workers, its default limits and the queue_job runner, as
`MENTORSHIP_WORKERS=2 ./setup/run.sh` does; the file goes through the wizard
over JSON-RPC, as the browser sends it.

Prints, per run, the time until the job is done, the peak memory of the
server's largest process and of all of them, and checks that no worker was
killed. Targets: each run under 30 s and under 400 MB.
"""

import base64
import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import psutil
import pytest
import requests
import xlsxwriter

from odoo import release
from odoo.sql_db import db_connect
from odoo.tools import config

ODOO_BIN = Path(release.__file__).resolve().parents[1] / "odoo-bin"
DB = "mentorship_bench_municipality"
PORT = 8199
SCHOOLS, PUPILS_PER_SCHOOL, PERIODS, SUBJECTS = 28, 300, 4, 6
ROWS = SCHOOLS * PUPILS_PER_SCHOOL * PERIODS * SUBJECTS  # 201,600
LOGIN = "bench_coordinator"
KILLED = re.compile(r"CPU time limit|virtual memory limit|Worker \(\d+\) timeout|killed", re.IGNORECASE)


def odoo_bin(*args, **popen):
    command = [sys.executable, str(ODOO_BIN), "-c", config["config"], "-d", DB, *args]
    return subprocess.Popen(command, **popen) if popen else subprocess.run(command, check=True)


def create_database():
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    odoo_bin("-i", "mentorship_school", "--stop-after-init", "--no-http", "--log-level=warn")


POPULATE = """
import json
department = env["res.company"].create({"name": "Управление образования"})
schools = env["res.company"].create(
    [{"name": f"Школа № {n}", "parent_id": department.id} for n in range(1, SCHOOLS + 1)]
)
env["res.users"].create({
    "name": "Координатор", "login": LOGIN, "password": LOGIN, "company_id": department.id,
    "company_ids": [(6, 0, (department | schools).ids)],
    "group_ids": [(4, env.ref("mentorship_core.group_mentorship_coordinator").id)],
})
periods = env["mentorship.school.period"].create([
    {"name": f"{q} четверть", "date_start": f"2025-{month:02d}-01", "date_end": f"2025-{month:02d}-28"}
    for q, month in zip(range(1, PERIODS + 1), (1, 4, 9, 11))
])
subjects = env["mentorship.school.subject"].search([], limit=SUBJECTS)
codes = []
for school in schools:
    pupils = env["res.partner"].with_company(school).create([
        {"name": f"Ученик {school.id}-{n}", "mentorship_is_pupil": True,
         "mentorship_pupil_code": f"P{school.id}-{n:04d}"}
        for n in range(PUPILS_PER_SCHOOL)
    ])
    codes += pupils.mapped("mentorship_pupil_code")
env.cr.commit()
print("KEYS=" + json.dumps([codes, periods.mapped("name"), subjects.mapped("name")]))
"""


def populate():
    """The department, its schools, pupils, periods and a coordinator, made
    by Odoo's shell in the benchmark's database: the (pupil code, period,
    subject) of every mark of the file."""
    sizes = (SCHOOLS, PUPILS_PER_SCHOOL, PERIODS, SUBJECTS, LOGIN)
    constants = f"SCHOOLS, PUPILS_PER_SCHOOL, PERIODS, SUBJECTS, LOGIN = {sizes}\n"
    shell = subprocess.run(
        [sys.executable, str(ODOO_BIN), "shell", "-c", config["config"], "-d", DB, "--no-http", "--log-level=warn"],
        input=constants + POPULATE,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in shell.stdout.splitlines() if line.startswith("KEYS="))
    codes, periods, subjects = json.loads(line.removeprefix("KEYS="))
    return [(code, period, subject) for code in codes for period in periods for subject in subjects]


def database_query(query):
    with closing(db_connect(DB).cursor()) as cr:
        cr.execute(query)
        rows = cr.fetchall() if cr.description else None
        cr.commit()
        return rows


def with_marks(keys, shift):
    """The rows of a file: each key with a mark from 2 to 4.9; another shift
    gives every row another mark."""
    return [(*key, f"{2 + ((i + shift) % 30) / 10:.1f}".replace(".", ",")) for i, key in enumerate(keys)]


def csv_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["код ученика", "период", "предмет", "средний балл"])
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_file(rows):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["код ученика", "период", "предмет", "средний балл"])
    for number, (code, period, subject, mark) in enumerate(rows, start=1):
        sheet.write_row(number, 0, [code, period, subject, float(mark.replace(",", "."))])
    workbook.close()
    return buffer.getvalue()


class MemoryWatch(threading.Thread):
    """Samples the resident memory of the server and its workers."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.largest, self.total, self.running = psutil.Process(server.pid), 0, 0, True

    def run(self):
        while self.running:
            try:
                processes = [self.server, *self.server.children(recursive=True)]
                sizes = [process.memory_info().rss for process in processes]
            except psutil.Error:
                continue
            self.largest, self.total = max(self.largest, *sizes), max(self.total, sum(sizes))
            time.sleep(0.05)


class Client:
    def __init__(self):
        self.url, self.session = f"http://127.0.0.1:{PORT}", requests.Session()
        self.call("/web/session/authenticate", {"db": DB, "login": LOGIN, "password": LOGIN})

    def call(self, path, params):
        response = self.session.post(f"{self.url}{path}", json={"jsonrpc": "2.0", "params": params}, timeout=300)
        body = response.json()
        assert "error" not in body, body["error"]
        return body["result"]

    def call_kw(self, model, method, args, context=None):
        params = {"model": model, "method": method, "args": args, "kwargs": {"context": context or {}}}
        return self.call("/web/dataset/call_kw", params)


def wait_for_server():
    for _attempt in range(120):
        try:
            requests.get(f"http://127.0.0.1:{PORT}/web/login", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.5)
    pytest.fail("the Odoo server did not start")


def import_file(client, content, filename, companies):
    context = {"allowed_company_ids": companies}
    started = time.perf_counter()
    wizard = client.call_kw(
        "mentorship.school.mark.import.wizard",
        "create",
        [{"file": base64.b64encode(content).decode(), "filename": filename}],
        context,
    )
    action = client.call_kw("mentorship.school.mark.import.wizard", "action_import", [[wizard]], context)
    fields = ["state", "progress", "rows_total", "rows_created", "rows_updated", "rows_bad", "result"]
    progress_seen = []
    while True:
        [result] = client.call_kw("mentorship.school.mark.import", "read", [[action["res_id"]], fields], context)
        if result["state"] != "running":
            return time.perf_counter() - started, result, progress_seen
        if result["progress"] not in progress_seen:
            progress_seen.append(result["progress"])
        time.sleep(0.2)


def test_marks_of_a_municipality_imported_in_production_mode(tmp_path):
    create_database()
    keys = populate()
    assert len(keys) == ROWS
    first, again = with_marks(keys, 0), with_marks(keys, 7)
    files = {
        ("CSV", "first import"): csv_file(first),
        ("CSV", "re-import"): csv_file(again),
        ("XLSX", "first import"): xlsx_file(first),
        ("XLSX", "re-import"): xlsx_file(again),
    }
    log = tmp_path / "server.log"
    server = odoo_bin(
        "--workers=2",
        f"--gevent-port={PORT + 1}",
        "--max-cron-threads=1",
        "--load=base,web,queue_job",
        f"--http-port={PORT}",
        f"--db-filter=^{DB}$",
        f"--logfile={log}",
        env={**os.environ, "ODOO_QUEUE_JOB_CHANNELS": "root:1"},
        stdout=subprocess.DEVNULL,
    )
    watch = MemoryWatch(server)
    try:
        wait_for_server()
        client = Client()
        companies = client.call_kw(
            "res.users", "read", [[client.call("/web/session/get_session_info", {})["uid"]], ["company_ids"]]
        )[0]["company_ids"]
        watch.start()
        print(f"\n{ROWS} marks of {SCHOOLS * PUPILS_PER_SCHOOL} pupils in {SCHOOLS} schools, 2 workers:")
        for (kind, run), content in files.items():
            if run == "first import":
                database_query("TRUNCATE mentorship_school_mark")
            watch.largest = watch.total = 0
            elapsed, result, progress_seen = import_file(client, content, f"marks.{kind.lower()}", companies)
            print(
                f"  {kind:4} {run:12} {elapsed:6.1f} s   largest process {watch.largest / 2**20:5.0f} MB, "
                f"all processes {watch.total / 2**20:5.0f} MB   ({result['rows_created']} created, "
                f"{result['rows_updated']} updated; progress seen: {progress_seen} %)"
            )
            assert len(progress_seen) > 2, "the progress moves while the job runs"
            assert result["state"] == "done", result["result"]
            assert result["rows_created" if run == "first import" else "rows_updated"] == ROWS
            assert elapsed < 30, f"{kind} {run} took {elapsed:.1f} s"
            assert watch.largest < 400 * 2**20
    finally:
        watch.running = False
        server.terminate()
        server.wait(timeout=60)
    killed = [line for line in Path(log).read_text().splitlines() if KILLED.search(line)]
    print(f"  workers killed or out of limits: {len(killed)}")
    assert not killed, killed
    counts = database_query("SELECT count(*), count(DISTINCT company_id) FROM mentorship_school_mark")
    assert counts == [(ROWS, SCHOOLS)], "every mark in its pupil's school"
