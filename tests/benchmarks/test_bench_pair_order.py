"""Benchmark: the order approving 500 pairs, produced by the approval wizard
as a PDF (the ODT template filled by py3o, converted by LibreOffice).

Run with ./setup/bench.sh -k order; prints the time of the approval with its
order, the time of the order alone, the pages, the peak memory traced in
Odoo's process and the largest resident size of LibreOffice. Target: under
20 s for 500 pairs.
"""

import base64
import resource
import subprocess
import time
import tracemalloc
from datetime import date

from test_bench_pair_approval import populate

from odoo import Command

PAIRS = 500
TARGET_SECONDS = 20


def pdf_pages(content, tmp_path):
    path = tmp_path / "order.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_order_of_500_pairs(env, tmp_path):
    pairs = populate(env, PAIRS)
    wizard = env["mentorship.pair.approve.wizard"].create(
        {
            "pair_ids": [Command.set(pairs.ids)],
            "order_number": "500-о",
            "order_date": date(2026, 11, 23),
            "print_order": True,
        }
    )
    env.invalidate_all()
    tracemalloc.start()
    started = time.perf_counter()
    action = wizard.action_approve()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    printed = env[action["res_model"]].browse(action["res_id"])
    content = base64.b64decode(printed.document)

    again = env["mentorship.document.print.wizard"].create(
        {
            "res_model": "mentorship.pair",
            "res_ids": pairs[:1].ids,
            "report_id": env.ref("mentorship_reports.action_report_order_pairs").id,
        }
    )
    started = time.perf_counter()
    again.action_print()
    order_alone = time.perf_counter() - started
    libreoffice_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    pages = pdf_pages(content, tmp_path)
    print(
        f"\norder approving {PAIRS} pairs: approval with the order {elapsed:.1f} s "
        f"(target {TARGET_SECONDS} s, ratio {elapsed / TARGET_SECONDS:.2f}), the order printed again from one "
        f"pair {order_alone:.1f} s, {pages} pages, {len(content) / 1024:.0f} KiB; peak traced in Odoo "
        f"{peak / 2**20:.1f} MiB, largest LibreOffice {libreoffice_rss:.0f} MiB"
    )
    assert set(pairs.mapped("state")) == {"approved"}
    assert pages > PAIRS // 20
    assert elapsed < TARGET_SECONDS
    assert order_alone < TARGET_SECONDS
