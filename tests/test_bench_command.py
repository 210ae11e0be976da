"""`make bench` runs bench/run.py without names: that must mean every benchmark."""

import pytest

from tests.bench_modules import load_bench_module


@pytest.fixture(scope="module")
def bench_run():
    return load_bench_module("run")


def test_no_names_means_every_benchmark_on_both_databases(bench_run):
    args = bench_run.parse_arguments([])
    assert args.names == bench_run.BENCHMARKS
    assert args.database == "both"
    assert not args.quick


def test_named_benchmarks_run_alone(bench_run):
    args = bench_run.parse_arguments(["nearby_search", "--database", "postgres", "--quick"])
    assert (args.names, args.database, args.quick) == (["nearby_search"], "postgres", True)


def test_an_unknown_name_is_refused_with_the_list_of_known_ones(bench_run, capsys):
    with pytest.raises(SystemExit) as exit:
        bench_run.parse_arguments(["signups"])
    assert exit.value.code == 2
    assert "no benchmark named signups; choose from: signup_surge" in capsys.readouterr().err
