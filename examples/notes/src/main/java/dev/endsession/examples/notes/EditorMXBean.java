package dev.endsession.examples.notes;

/**
 * What the editor publishes through JMX, under {@link #NAME}: any tool (jconsole, a plugin, a
 * monitoring agent) can see whether work would be lost and ask for a save.
 */
public interface EditorMXBean {

    /** The MBean's name in the platform MBean server. */
    String NAME = "dev.endsession.examples.notes:type=Editor";

    /** @return the document's file name */
    String getDocumentName();

    /** @return {@code true} if the document has unsaved changes */
    boolean isModified();

    /** Saves the document. @throws java.io.IOException if it cannot be written */
    void save() throws java.io.IOException;
}
