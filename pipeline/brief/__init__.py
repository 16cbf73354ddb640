"""The weekly brief: a period's meetings, key quotes and issue movements, every fact cited.

`build_brief` gathers a `Brief` from prepared views, filters and a period; `with_charts`
draws its charts as PNG; `to_markdown` and `to_docx` write it with the same headings and
the same numbered citations; `write_brief` writes either to a file.
"""
from pipeline.brief.build import Brief, BriefError, Citation, Period, build_brief, views_of_store, week_of
from pipeline.brief.charts import with_charts
from pipeline.brief.files import write_brief
from pipeline.brief.markdown import to_markdown
from pipeline.brief.word import to_docx

__all__ = ["Brief", "BriefError", "Citation", "Period", "build_brief", "views_of_store", "week_of", "with_charts",
           "write_brief", "to_markdown", "to_docx"]
