package dev.endsession.bench.apps;

/** The start-up benchmark's subject: prints one line and exits. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
