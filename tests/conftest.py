"""Keep the tests' lexicon cache out of the user's own cache directory."""

import os
import tempfile

os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="meetsum-test-cache-")
