"""Allow ``python -m advocacy``."""

from advocacy.cli import main

main()
