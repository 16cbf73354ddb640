"""Which store and data folder the dashboard uses: `--store DIR` and `--data DIR` after `--`,
else TTM_STORE and TTM_DATA, else the defaults of the command line."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.cli import DEFAULT_STORE
from pipeline.lexicon.lexicon import DEFAULT_DATA
from pipeline.store.parquet import Store


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--data", type=Path)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args


def store_path() -> Path:
    return _args().store or Path(os.environ.get("TTM_STORE") or DEFAULT_STORE)


def data_path() -> Path:
    """The data folder uploads are processed with (people, countries, taxonomy...)."""
    return _args().data or Path(os.environ.get("TTM_DATA") or DEFAULT_DATA)


def open_store() -> Store:
    return Store(store_path())
