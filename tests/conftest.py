"""Shared test set-up: the lexicon cache kept out of the user's own cache directory, and
a reader for what a child process writes to a pseudo-terminal."""

import atexit
import os
import select
import shutil
import tempfile
import time

os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="meetsum-test-cache-")
# removed when the test run ends, so repeated runs do not pile up directories in /tmp
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)


def read_terminal(leader: int, seconds: float = 60) -> str:
    """Everything written to the pseudo-terminal ``leader`` until the child closes it."""
    chunks = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not select.select([leader], [], [], 1)[0]:
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")
