"""``python -m meetsum``."""

from meetsum.cli import main

main()
