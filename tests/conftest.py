from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SAMPLE = CORPORA / "dev" / "iraq-detainee-transfers.md"


@pytest.fixture(scope="session")
def sample_report():
    from factcheck import check_file

    return check_file(SAMPLE)
