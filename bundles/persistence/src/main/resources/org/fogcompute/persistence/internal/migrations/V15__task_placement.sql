-- Where a task may run (regions, labels, nodes to avoid), see PlacementText; null for tasks without (every task before).
ALTER TABLE fog_task ADD COLUMN placement ${text};
