package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleAuthorizerTest {
    private final RoleAuthorizer authorizer = new RoleAuthorizer(List.of(
            new Principal("alice", Role.ADMIN), new Principal("bob", Role.READ_ONLY)));

    private PolaroidException denied(String identity, Operation operation, String target) {
        PolaroidException e = assertThrows(PolaroidException.class, () -> authorizer.check(identity, operation, target));
        assertEquals(ErrorCode.INSUFFICIENT_PRIVILEGE, e.code());
        return e;
    }

    @Test
    void adminMayDoEverything() {
        for (Operation operation : Operation.values()) {
            authorizer.check("alice", operation, "anything");
        }
    }

    @Test
    void readOnlyMayQueryAndBrowse() {
        authorizer.check("bob", Operation.QUERY, "SELECT 1");
        authorizer.check("bob", Operation.METADATA, "GetTables");
    }

    @Test
    void readOnlyMayNotCreateDropRefreshOrIngest() {
        for (String ddl : List.of("CREATE DATASET t FROM '/data/t'", "DROP DATASET t", "REFRESH DATASET t")) {
            PolaroidException e = denied("bob", Operation.COMMAND, ddl);
            assertTrue(e.getMessage().contains("'bob' has role read_only"), e.getMessage());
            assertTrue(e.getMessage().contains(ddl), e.getMessage());
        }
        PolaroidException e = denied("bob", Operation.INGEST, "ingest into main.trades");
        assertTrue(e.getMessage().contains("ingest data"), e.getMessage());
    }

    @Test
    void unknownOrEmptyIdentityIsDeniedNotAllowed() {
        denied("mallory", Operation.QUERY, "SELECT 1");
        denied("", Operation.METADATA, "GetCatalogs");
    }

    @Test
    void longStatementsAreCutInTheMessage() {
        String sql = "CREATE DATASET t FROM '" + "x".repeat(1000) + "'";
        assertTrue(denied("bob", Operation.COMMAND, sql).getMessage().length() < 500);
    }

    @Test
    void aNameWithTwoRolesIsAConfigurationError() {
        PolaroidException e = assertThrows(PolaroidException.class, () -> new RoleAuthorizer(List.of(
                new Principal("ci", Role.ADMIN), new Principal("ci", Role.READ_ONLY))));
        assertEquals("22023", e.sqlState());
    }
}
