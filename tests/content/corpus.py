"""The movement's real pages (PauseAI, CC-BY 4.0), read at test time from ../shared/corpus."""

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "../shared/corpus/pauseai-posts"


def corpus_page(name: str) -> str:
    path = CORPUS / f"{name}.md"
    if not path.exists():
        pytest.skip(f"the shared corpus is not beside the repository ({path} is missing)")
    return path.read_text(encoding="utf-8")
