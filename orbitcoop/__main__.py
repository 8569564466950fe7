import sys

from orbitcoop.cli import main

sys.exit(main())
