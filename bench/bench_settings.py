"""Turnout's settings with the baseline's URLs added (bench/baseline_signup.py); nothing else."""

from turnout.settings import *  # noqa: F403

ROOT_URLCONF = "baseline_signup"
