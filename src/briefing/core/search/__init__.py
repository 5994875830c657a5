"""Full-text search over the library: Whoosh schema, analysis, queries, snippets, hit offsets.

core/indexing.py is the only caller that writes; see index.SearchIndex.
"""

from briefing.core.search.index import SearchIndex
from briefing.core.search.schema import SCHEMA_VERSION
from briefing.core.search.types import MARK_CLOSE, MARK_OPEN, IndexDoc, SearchHit, SearchResults

__all__ = ["MARK_CLOSE", "MARK_OPEN", "SCHEMA_VERSION", "IndexDoc", "SearchHit", "SearchIndex",
           "SearchResults"]
