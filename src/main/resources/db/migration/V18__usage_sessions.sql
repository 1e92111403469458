-- Sessions and time of use per user and day: an event more than 30 minutes after the user's previous one
-- starts a session; within a session the time between events counts as use (the "average usage time").
alter table usage_daily_user add column sessions bigint default 0 not null;
alter table usage_daily_user add column seconds bigint default 0 not null;
alter table usage_pending_user add column sessions bigint default 0 not null;
alter table usage_pending_user add column seconds bigint default 0 not null;
