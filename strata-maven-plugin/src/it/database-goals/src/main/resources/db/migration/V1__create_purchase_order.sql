CREATE TABLE purchase_order (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placed date NOT NULL
);
