package dev.countdown.release;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

// Dialect.POSTGRES: H2 runs in PostgreSQL mode, so one dialect's SQL serves both databases.
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReleaseRowRepository extends CrudRepository<ReleaseRow, String> {

    List<ReleaseRow> findAllOrderByCreatedAtDesc();

    java.util.Optional<ReleaseRow> findByOpenKey(String openKey);

    /** Only the definition's hash: what a click needs to know whose manifest it is under, without the document. */
    java.util.Optional<String> findDefinitionHashById(String id);

    long countByState(String state);

    List<ReleaseRow> findByStateOrderByCreatedAtDesc(String state);

    List<ReleaseRow> findByServiceOrderByCreatedAtDesc(String service);
}
