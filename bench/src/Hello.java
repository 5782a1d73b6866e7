/** Hello world for the start-up bench: it creates one object of a class that rules may track. */
public class Hello {

    private static final Greeting GREETING = new Greeting();

    public static Greeting greeting() {
        return GREETING;
    }

    public static void main(String[] args) {
        System.out.println(GREETING.text());
    }
}

/** The object the rules are about. */
class Greeting {
    boolean isPending() {
        return false;
    }

    String text() {
        return "hello";
    }

    void close() {
    }
}
