-- Open311 media_url (a citizen's photo) kept in its own column instead of folded into the description.
alter table cases add column media_url text;

-- Growth rates as the source gave them. yoy / cumulative_yoy / mom hold the effective figures
-- (given, else derived from the reference periods), so a late or revised reference period can
-- recompute the derived ones without overwriting what a source stated.
alter table indicators add column given_yoy double precision;
alter table indicators add column given_cumulative_yoy double precision;
alter table indicators add column given_mom double precision;

-- Rows stored before this migration cannot tell given from derived rates: keep them as given,
-- so a recomputation never discards a source's figure.
update indicators set given_yoy = yoy, given_cumulative_yoy = cumulative_yoy, given_mom = mom;
