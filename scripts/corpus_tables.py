"""What the scripts that learn a table from the corpora share: reading the articles and
writing the generated table."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path


def articles(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(file name, headline and text) of every article of the ``*.jsonl.gz`` files in
    ``folders``, in file-name order."""
    for folder in folders:
        for path in sorted(Path(folder).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    article = json.loads(line)
                    yield path.name, f"{article.get('title') or ''}\n{article.get('text') or ''}"


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """The comment lines and column names of ``header``, then one tab-separated line per row."""
    lines = [*header, *("\t".join(map(str, row)) for row in rows)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
