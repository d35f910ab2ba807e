"""Entry point for ``python -m nlp``."""

import sys

from nlp.cli import main

if __name__ == "__main__":
    sys.exit(main())
