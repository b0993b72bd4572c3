package io.polaroid.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh allocator per test that must be back to zero afterwards: every operator test checks for leaks. */
public abstract class AllocatorTest {
    protected BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator(Long.MAX_VALUE);
    }

    @AfterEach
    void closeAllocator() {
        assertEquals(0, allocator.getAllocatedMemory(), "the test leaked Arrow memory");
        allocator.close();
    }
}
