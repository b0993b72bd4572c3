package io.polaroid.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Run in a child JVM by {@link EmbeddedModeTest}: connects and prints what happened on one line, so
 * the test can check the outcome with and without the {@code --add-opens} flag.
 */
public final class AddOpensProbe {
    private AddOpensProbe() {
    }

    public static void main(String[] args) {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:")) {
            System.out.println("CONNECTED " + connection.getClientInfo(PolaroidConnection.MODE));
        } catch (SQLException e) {
            System.out.println("SQLSTATE=" + e.getSQLState() + " " + e.getClass().getName() + ": " + e.getMessage());
        } catch (Throwable t) {
            System.out.println("UNEXPECTED " + t);
        }
    }
}
