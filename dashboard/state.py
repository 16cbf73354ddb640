"""Which store the dashboard reads: `--store DIR` after `--`, else TTM_STORE, else data/store."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.cli import DEFAULT_STORE
from pipeline.store.parquet import Store


def store_path() -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store", type=Path)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.store or Path(os.environ.get("TTM_STORE") or DEFAULT_STORE)


def open_store() -> Store:
    return Store(store_path())
