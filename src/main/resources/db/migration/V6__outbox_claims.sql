-- Outbox claims, for two or more replicas on one database: a replica delivers a row only while it
-- holds the row's lease. It claims with a conditional UPDATE (unclaimed, or the lease expired),
-- renews the lease while a delivery runs, and clears it when done; a replica killed mid-delivery
-- leaves a lease that runs out, and another replica takes the row over. H2 and PostgreSQL alike.
ALTER TABLE chat_outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE chat_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
