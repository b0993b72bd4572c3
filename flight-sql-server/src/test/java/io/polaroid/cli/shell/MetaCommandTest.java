package io.polaroid.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaCommandTest {
    @Test
    void recognizesQuitInEveryForm() {
        for (String line : new String[] {"\\q", "exit", "QUIT", " quit; ", "\\q "}) {
            assertEquals(Optional.of(new MetaCommand.Quit()), MetaCommand.parse(line), line);
        }
    }

    @Test
    void parsesDescribeWithAndWithoutAName() {
        assertEquals(Optional.of(new MetaCommand.ListDatasets()), MetaCommand.parse("\\d"));
        assertEquals(Optional.of(new MetaCommand.Describe("main.trades")), MetaCommand.parse("\\d  main.trades "));
    }

    @Test
    void parsesTiming() {
        assertEquals(Optional.of(new MetaCommand.Timing(Optional.empty())), MetaCommand.parse("\\timing"));
        assertEquals(Optional.of(new MetaCommand.Timing(Optional.of(true))), MetaCommand.parse("\\timing ON"));
        assertEquals(Optional.of(new MetaCommand.Timing(Optional.of(false))), MetaCommand.parse("\\timing off"));
        assertInstanceOf(MetaCommand.Invalid.class, MetaCommand.parse("\\timing maybe").orElseThrow());
    }

    @Test
    void leavesSqlAlone() {
        assertEquals(Optional.empty(), MetaCommand.parse("SELECT 1;"));
        assertEquals(Optional.empty(), MetaCommand.parse("exit_code"));
        assertInstanceOf(MetaCommand.Invalid.class, MetaCommand.parse("\\nope").orElseThrow());
    }
}
