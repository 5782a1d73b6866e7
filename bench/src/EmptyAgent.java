import java.lang.instrument.Instrumentation;

/** The floor any agent costs: a premain that does nothing. */
public class EmptyAgent {
    public static void premain(String options, Instrumentation instrumentation) {
    }
}
