CREATE TABLE invoice (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customer (id),
    amount_cents integer NOT NULL CHECK (amount_cents > 0)
);
