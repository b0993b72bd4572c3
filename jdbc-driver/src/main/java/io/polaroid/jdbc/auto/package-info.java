/**
 * {@code jdbc:polaroid:auto:}: chooses the embedded, remote or arrow mode from connection properties and
 * the environment ({@code BACKEND_MODE}, {@code GRPC_SERVER}), orders them by a fallback chain and a
 * data-size threshold, and opens the first that can be opened. {@link io.polaroid.jdbc.auto.AutoMode} is
 * the entry point and states the rules.
 */
package io.polaroid.jdbc.auto;
