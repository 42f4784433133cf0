-- A selection act is destroyed by one destruction act (policy 9.10–9.12):
-- two acts approved for the same media would both claim their destruction.
-- The first version of a destruction act is unique by its selection act and
-- the act it supersedes (none, or one): a second act for a selection act is
-- refused, and so is a second replacement of one act, while a chain of
-- replacements (policy 9.6) stays possible. The database enforces it, so two
-- staff members drawing up acts at the same moment cannot both succeed.
-- A database holding such duplicates already fails this migration: resolve
-- them (supersede one act) first.
CREATE UNIQUE INDEX act_versions_one_destruction
    ON act_versions (selection, coalesce(replaces, ''))
    WHERE kind = 'destruction' AND version = 1 AND selection IS NOT NULL;
