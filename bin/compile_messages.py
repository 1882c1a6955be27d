#!/usr/bin/env python
"""Compile every ``locale/*/LC_MESSAGES/*.po`` of the project into ``.mo`` (no GNU gettext
needed on the machine): see ``cite/catalogues.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cite.catalogues import compile_catalogues

compile_catalogues()
