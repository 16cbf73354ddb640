"""Syndicated copies: the same story carried by several outlets.

Processing gives each article a MinHash signature of the word shingles of its
cleaned text (`signature`, a pure function of the text); storing links a new
article to the earliest stored article it nearly repeats (`link`), against the
whole store through locality-sensitive hashing, so the cost does not grow with
the square of the store. A copy keeps its own row; its meetings and quotes are
counted from the canonical article only (`groups`).
"""
