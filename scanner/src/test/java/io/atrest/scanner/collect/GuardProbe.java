package io.atrest.scanner.collect;

/** Lets tests outside this package reach {@link Calls#rethrowGuard}. */
public final class GuardProbe {
    private GuardProbe() {}

    public static void rethrow(Throwable failure) {
        Calls.rethrowGuard(failure);
    }
}
