-- The account table sorts by one column and then by id (so that pages never overlap). An index on
-- (column, id) serves "order by column, id limit 25" without sorting the whole filtered set.

create index account_name_id_ix on account (name, id);
create index account_plan_id_ix on account (plan, id);
create index account_stage_id_ix on account (lifecycle_stage, id);
create index account_employees_id_ix on account (employee_count, id);
create index account_updated_id_ix on account (updated_at, id);
create index account_mrr_id_ix on account (mrr_reporting, id);
create index account_renewal_id_ix on account (renewal_date, id);
