-- The rollup log's rows (migration 016) live for about a second: compressing each (pglz, tens
-- of kilobytes per ingest batch) costs the embedded database's one thread more than storing
-- them as they are, and they are deleted as soon as they are folded.
alter table case_rollup_log alter column deltas set storage external;
