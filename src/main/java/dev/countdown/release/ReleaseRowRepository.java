package dev.countdown.release;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

// Dialect.POSTGRES: H2 runs in PostgreSQL mode, so one dialect's SQL serves both databases.
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReleaseRowRepository extends CrudRepository<ReleaseRow, String> {

    List<ReleaseRow> findAllOrderByCreatedAtDesc();

    java.util.Optional<ReleaseRow> findByOpenKey(String openKey);

    /**
     * The row, locked until the transaction ends ({@code FOR UPDATE}): a write reads the release it
     * changes this way, so no other writer's uncommitted change can sit between its read and its
     * update. The optimistic {@code row_version} alone let H2, at 50 concurrent clicks on a file
     * database, commit a write's audit events while its row update was lost.
     */
    java.util.Optional<ReleaseRow> findByIdForUpdate(String id);

    /** Only the definition's hash: what a click needs to know whose manifest it is under, without the document. */
    java.util.Optional<String> findDefinitionHashById(String id);

    long countByState(String state);

    List<ReleaseRow> findByStateOrderByCreatedAtDesc(String state);

    List<ReleaseRow> findByServiceOrderByCreatedAtDesc(String service);

    /**
     * Releases whose row does not count exactly the events their trail holds, numbered 1..n: a
     * transaction that committed half of a write. At most {@code 100}, the first by id.
     */
    @Query("SELECT r.id FROM releases r LEFT JOIN (SELECT release_id, COUNT(*) AS n, MAX(seq) AS top "
            + "FROM audit_event GROUP BY release_id) a ON a.release_id = r.id "
            + "WHERE r.event_count <> COALESCE(a.top, 0) OR r.event_count <> COALESCE(a.n, 0) ORDER BY r.id LIMIT 100")
    List<String> findIdsDisagreeingWithTheirTrail();
}
