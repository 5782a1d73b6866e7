package dev.endsession.examples.notesplugin;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The notes editor, as seen through its MBean: the document's name, whether it is modified, save. */
final class EditorHandle {

    private static final String NAME = "dev.endsession.examples.notes:type=Editor";

    private final MBeanServer server;
    private final ObjectName name;

    private EditorHandle(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** @return the editor of this JVM, or empty if this JVM runs no notes editor */
    static Optional<EditorHandle> find() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            return server.isRegistered(name) ? Optional.of(new EditorHandle(server, name)) : Optional.empty();
        } catch (JMException e) {
            return Optional.empty();
        }
    }

    String documentName() throws JMException {
        return (String) server.getAttribute(name, "DocumentName");
    }

    boolean modified() throws JMException {
        return (Boolean) server.getAttribute(name, "Modified");
    }

    void save() throws JMException {
        server.invoke(name, "save", null, null);
    }
}
