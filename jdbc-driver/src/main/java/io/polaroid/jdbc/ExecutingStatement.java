package io.polaroid.jdbc;

/** A Polaroid statement (plain or prepared), as {@link SessionMeta} sees it. */
interface ExecutingStatement {
    StatementExecution execution();
}
