"""The dashboard's defaults: it listens on this machine only and asks nothing of the network."""
from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


def test_the_dashboard_listens_on_loopback_only():
    server = tomllib.loads(CONFIG.read_text("utf-8"))["server"]
    assert server["address"] == "127.0.0.1"


def test_starting_the_dashboard_sends_nothing_out():
    config = tomllib.loads(CONFIG.read_text("utf-8"))
    assert config["server"]["headless"] is True           # no browser, no e-mail prompt
    assert config["server"]["showEmailPrompt"] is False
    assert config["browser"]["gatherUsageStats"] is False
