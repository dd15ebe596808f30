package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class CoalescingQueueTest {

    /** Holds pieces until run() is called, like a busy pool. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor held = queued::add;
    private final List<String> ran = new ArrayList<>();

    private void runQueued() {
        List<Runnable> now = List.copyOf(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aSecondPieceForAWaitingKeyIsDroppedAndOtherKeysQueue() {
        CoalescingQueue queue = new CoalescingQueue(held);
        queue.submit("a", true, () -> ran.add("a1"));
        queue.submit("a", true, () -> ran.add("a2"));
        queue.submit("b", true, () -> ran.add("b1"));

        runQueued();

        assertEquals(List.of("a1", "b1"), ran);
    }

    @Test
    void onceAPieceHasStartedTheNextOneQueuesAgain() {
        CoalescingQueue queue = new CoalescingQueue(held);
        queue.submit("a", true, () -> {
            ran.add("a1");
            queue.submit("a", true, () -> ran.add("a2")); // noted while the first update runs
        });

        runQueued();
        runQueued();

        assertEquals(List.of("a1", "a2"), ran);
    }

    @Test
    void aPieceThatMustNotCoalesceAlwaysQueues() {
        CoalescingQueue queue = new CoalescingQueue(held);
        queue.submit("a", true, () -> ran.add("a1"));
        queue.submit("a", false, () -> ran.add("a2"));

        runQueued();

        assertEquals(List.of("a1", "a2"), ran);
    }
}
