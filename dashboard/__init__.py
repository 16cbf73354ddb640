"""Streamlit glue: caching, widgets and rendering. The logic lives in `pipeline/`."""
