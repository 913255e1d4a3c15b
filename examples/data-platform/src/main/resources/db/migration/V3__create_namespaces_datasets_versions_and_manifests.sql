-- Creates the logical dataset catalogue: namespaces, datasets, dataset
-- versions and the content-addressed manifests that describe each version.

CREATE TABLE namespaces (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    name        text        NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_namespaces PRIMARY KEY (id),
    CONSTRAINT uq_namespaces_name UNIQUE (name),
    CONSTRAINT ck_namespaces_name_format CHECK (name ~ '^[a-z][a-z0-9_]*$')
);

CREATE TABLE datasets (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    namespace_id bigint      NOT NULL,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_datasets PRIMARY KEY (id),
    CONSTRAINT fk_datasets_namespace_id FOREIGN KEY (namespace_id)
        REFERENCES namespaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_datasets_namespace_id_name UNIQUE (namespace_id, name),
    CONSTRAINT ck_datasets_name_format CHECK (name ~ '^[a-z][a-z0-9_]*$')
);

CREATE TABLE dataset_versions (
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    dataset_id bigint      NOT NULL,
    version    text        NOT NULL,
    status     text        NOT NULL DEFAULT 'draft',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_dataset_versions PRIMARY KEY (id),
    CONSTRAINT fk_dataset_versions_dataset_id FOREIGN KEY (dataset_id)
        REFERENCES datasets (id) ON DELETE CASCADE,
    CONSTRAINT uq_dataset_versions_dataset_id_version UNIQUE (dataset_id, version),
    CONSTRAINT ck_dataset_versions_version_semver
        CHECK (version ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'),
    CONSTRAINT ck_dataset_versions_status
        CHECK (status IN ('draft', 'published', 'deprecated'))
);

CREATE TABLE manifests (
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    dataset_version_id bigint      NOT NULL,
    content_hash       bytea       NOT NULL,
    body               jsonb       NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_manifests PRIMARY KEY (id),
    CONSTRAINT fk_manifests_dataset_version_id FOREIGN KEY (dataset_version_id)
        REFERENCES dataset_versions (id) ON DELETE CASCADE,
    CONSTRAINT uq_manifests_content_hash UNIQUE (content_hash),
    CONSTRAINT ck_manifests_content_hash_sha256 CHECK (octet_length(content_hash) = 32)
);

CREATE INDEX ix_manifests_dataset_version_id ON manifests (dataset_version_id);

COMMENT ON TABLE namespaces IS 'Top-level grouping of datasets (team, domain or tenant).';
COMMENT ON COLUMN dataset_versions.version IS 'Semantic version text, e.g. 1.4.0 or 2.0.0-rc.1.';
COMMENT ON COLUMN manifests.content_hash IS 'SHA-256 of the canonical manifest body (32 bytes).';
