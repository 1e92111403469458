-- Features of the customer's product, as an admin names them: which tracked event means which feature,
-- and the group of features it belongs to (e.g. "Reports" → "Analytics"). Adoption is counted by feature.
create table usage_feature_event (
    event          varchar(200)  not null primary key,
    feature        varchar(100)  not null,
    feature_group  varchar(100),
    created_at     timestamp with time zone not null
);

create index usage_feature_event_feature_ix on usage_feature_event (feature);
