package dev.ainfo.platform.payara;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Runs code that submits tasks to a managed executor without Payara's per-task class-path scan.
 * (Tyrus scheduled such a task for every frame too; {@link IdleTimerBypass} takes that away.)
 *
 * <p>Payara captures context for each managed task and, every time, asks the thread's context
 * class loader for {@code META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider}:
 * a look into every jar of the WAR and of the runtime, serialised on the class loader's lock. In the
 * load benchmark that scan was the largest cost per streamed frame. This application ships no such
 * provider, so the code runs with a context class loader that answers that one lookup with nothing
 * and delegates everything else to the usual loader; the captured context is otherwise unchanged.
 */
final class LeanContextCapture {

    static final String PROVIDERS = "META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider";

    private static volatile NoThreadContextProviders cached;

    private LeanContextCapture() {
    }

    public static void run(Runnable submitting) {
        Thread thread = Thread.currentThread();
        ClassLoader usual = thread.getContextClassLoader();
        if (usual == null || usual instanceof NoThreadContextProviders) {
            submitting.run();
            return;
        }
        thread.setContextClassLoader(wrapping(usual));
        try {
            submitting.run();
        } finally {
            thread.setContextClassLoader(usual);
        }
    }

    private static ClassLoader wrapping(ClassLoader usual) {
        NoThreadContextProviders wrapper = cached;
        if (wrapper == null || wrapper.getParent() != usual) {
            wrapper = new NoThreadContextProviders(usual);
            cached = wrapper;
        }
        return wrapper;
    }

    /** Delegates to its parent for everything but the lookup of thread-context providers. */
    static final class NoThreadContextProviders extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        NoThreadContextProviders(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return PROVIDERS.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
