"""bench/cpu_use.py: each named process is charged its own CPU time and its children's."""

import os
import subprocess
import sys
import time

import pytest

from tests.bench_modules import load_bench_module

SPIN = """
import time
def spin(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
"""
# A parent that starts a busy child, then is busy itself; each for about 0.3 s of CPU.
BUSY = (
    SPIN
    + """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[1] + "spin(0.3)"])
spin(0.3)
child.wait()
input()
"""
)


@pytest.fixture(scope="module")
def cpu_use():
    return load_bench_module("cpu_use")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_named_process_is_charged_with_its_children_and_not_its_parent(cpu_use):
    roots = {"load generator": os.getpid()}
    busy = subprocess.Popen(
        [sys.executable, "-c", BUSY, SPIN], stdin=subprocess.PIPE, text=True
    )  # fmt: skip
    roots["busy"] = busy.pid
    before = cpu_use.used(roots)
    try:
        # The child has ended and been waited for: its time is now its parent's.
        while cpu_use.used(roots)["busy"] - before["busy"] < 0.55:
            time.sleep(0.02)
        after = cpu_use.used(roots)
    finally:
        busy.communicate("\n", timeout=30)

    spent = cpu_use.spent(before, after)
    assert spent["busy"] >= 0.55
    assert spent["load generator"] < spent["busy"]  # the busy tree is not charged to us twice
    assert spent["all"] == pytest.approx(sum(v for k, v in spent.items() if k != "all"), abs=0.02)
    assert {"database", "all"} <= spent.keys()
