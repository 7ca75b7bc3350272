"""The question path: analyse the question (:mod:`.analyzer`), prepare the query (:mod:`.query`:
spelling, follow-ups), score passages (:mod:`.bm25`), re-rank and decide whether they answer
(:mod:`.rank`), and cut the excerpt that is quoted (:mod:`.excerpts`)."""
