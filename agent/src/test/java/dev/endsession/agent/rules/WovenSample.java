package dev.endsession.agent.rules;

/** A class for {@link WeaverTest} to weave: constructors that chain, and one that throws. */
public class WovenSample {

    private final String name;

    public WovenSample() {
        this("default");
    }

    public WovenSample(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no name");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }
}
