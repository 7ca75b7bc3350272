"""The corpus path: a file is read by the reader for its format (:mod:`.readers`), cleaned of page
furniture (:mod:`.junk`), cut into passages (:mod:`.passages`) and written to the store by
:mod:`.refresh`, which re-reads only what changed."""
