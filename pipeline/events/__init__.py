"""Meeting events across articles.

Every article's meetings are stored as its own rows (mentions). An event is one
real meeting: the mentions, from any number of articles, whose parties overlap,
whose dates are compatible, and which neither say a different way of meeting
(a call is not the summit) nor a different place. A meeting announced as planned
and later reported as held is one event with its history.

- `mention`: a stored meeting row with what telling events apart needs;
- `windows`: the days a mention's date allows, and whether two fit;
- `parties`: whether two mentions have the same sides;
- `cluster`: mentions into events, a pure function;
- `rows`: an event's row in the declared schema;
- `update`: the events after an ingest, recomputed only where new mentions fall.
"""
