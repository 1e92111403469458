-- PostgreSQL only. A full recompute rewrites today's row of every account: with room left in each page the
-- new version goes beside the old (a HOT update, no new index entries) and the page prunes the old one
-- itself, instead of the table and its indexes growing by 100,000 dead rows per recompute until vacuum
-- comes round. H2 has no such setting; it skips V19.
alter table health_score_day set (fillfactor = 70);
