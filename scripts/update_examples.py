"""Regenerate the expected summaries of the examples (examples/<name>.json).

    uv run python scripts/update_examples.py      # then review: git diff examples/

Each example is summarized with the publication date examples/index.yaml gives it.
Review every change against examples/EXPECTED.md before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from meetsum import summarize

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def expected_summary(name: str, published: str) -> dict:
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    return summarize(text, published=published).to_dict()


def main() -> int:
    index = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))
    for name, published in index.items():
        path = EXAMPLES / f"{name}.json"
        new = json.dumps(expected_summary(name, published), ensure_ascii=False, indent=2) + "\n"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path.relative_to(EXAMPLES.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
