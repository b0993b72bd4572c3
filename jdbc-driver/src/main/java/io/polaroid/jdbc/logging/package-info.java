/**
 * Logging of the driver's single jar ({@code polaroid-jdbc-<version>-all.jar}), where SLF4J is relocated to
 * {@code io.polaroid.shaded.org.slf4j}: {@link io.polaroid.jdbc.logging.ApplicationLoggingProvider} is the relocated
 * SLF4J's only service provider and forwards every logger to the application's own SLF4J (1.7 or 2.x) when the
 * application has one, and drops everything silently when it has none.
 *
 * <p>The provider is registered only in the all jar (a service file the shade plugin adds), never in the thin jar:
 * there the driver logs through the application's SLF4J directly, and registering this provider would make the
 * application's SLF4J forward to itself.
 */
package io.polaroid.jdbc.logging;
