-- migrate:up transaction:false
ALTER TABLE warehouse ADD COLUMN IF NOT EXISTS region text;
CREATE INDEX CONCURRENTLY IF NOT EXISTS warehouse_region_idx ON warehouse (region);

-- migrate:down
DROP INDEX warehouse_region_idx;
ALTER TABLE warehouse DROP COLUMN region;
