-- Test fixture of the generator's own tests: a small inventory schema.
CREATE TABLE warehouse (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code      text NOT NULL UNIQUE,
    opened_on date NOT NULL
);
