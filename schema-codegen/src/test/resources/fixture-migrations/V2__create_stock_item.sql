CREATE TYPE stock_state AS ENUM ('in_stock', 'reserved', 'shipped');

CREATE TABLE stock_item (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id bigint NOT NULL REFERENCES warehouse (id),
    sku          text NOT NULL,
    quantity     integer NOT NULL CHECK (quantity >= 0),
    state        stock_state NOT NULL DEFAULT 'in_stock'
);

CREATE INDEX stock_item_sku_idx ON stock_item (sku);
