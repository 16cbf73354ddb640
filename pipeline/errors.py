"""Errors a user can cause, each with a message that says what to do.

The CLI prints `error: FILE: message` and exits 1; the dashboard shows the
message with `st.error`. Anything else is a bug: a batch reports the article
apart (`StepFailed`), logs the traceback and goes on.
"""
from __future__ import annotations


class TradeTalksError(Exception):
    """Base class: a problem with the user's input or store, not a bug."""


class FileRejected(TradeTalksError):
    """One input file cannot be read; the others still go in."""


class UnsupportedFileType(FileRejected):
    pass


class EmptyFile(FileRejected):
    pass


class FileTooLarge(FileRejected):
    pass


class NotText(FileRejected):
    """Binary content, or an encoding that cannot be decoded."""


class MalformedFile(FileRejected):
    """Truncated JSON, CSV without a text column, a damaged zip."""


class UnsafeZipEntry(FileRejected):
    pass


class StoreError(TradeTalksError):
    """The store cannot be read or written (locked too long, damaged manifest)."""


class ClusterError(TradeTalksError):
    """The Dask cluster named cannot be reached, or cannot run the project's code there."""


class StepFailed(Exception):
    """A bug: a pipeline step raised on one article. Not a user error, so not a
    `TradeTalksError`; the original exception is the `__cause__`."""

    def __init__(self, step: str, origin: str, exc: BaseException):
        super().__init__(f"step '{step}' failed: {type(exc).__name__}: {exc}")
        self.step, self.origin = step, origin


class LexiconError(TradeTalksError):
    """A data file is broken: the message names `file:line` and what to fix."""


class DataImportError(LexiconError):
    """A file imported into a data file cannot be: not UTF-8, columns missing, a broken row
    (named `file:line`); nothing is written."""



class CorrectionError(TradeTalksError):
    """A correction that cannot be recorded as given: the message names the field or row to fix."""


class WatchlistError(TradeTalksError):
    """A watchlist cannot be saved or opened: no name, a name too long, one that is gone."""
