"""Watchlists (saved filters and when each was last opened) and watching a folder for new files."""
