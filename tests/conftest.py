from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SAMPLE = CORPORA / "dev" / "iraq-detainee-transfers.md"


@pytest.fixture(scope="session")
def sample_report():
    from factcheck import check_file

    return check_file(SAMPLE)


def pytest_collection_modifyitems(items):
    """The slow tests first, so that the workers share them out at the start instead of one
    worker taking the longest test last while the others sit idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
