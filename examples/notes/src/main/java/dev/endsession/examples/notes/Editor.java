package dev.endsession.examples.notes;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/** The editor's {@link EditorMXBean}: a view of the {@link Document}. */
final class Editor implements EditorMXBean {

    private final Document document;

    private Editor(Document document) {
        this.document = document;
    }

    /** Publishes {@code document} in the platform MBean server. */
    static void publish(Document document) throws JMException {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new Editor(document), new ObjectName(NAME));
    }

    @Override
    public String getDocumentName() {
        return document.name();
    }

    @Override
    public boolean isModified() {
        return document.isModified();
    }

    @Override
    public void save() throws IOException {
        document.save();
    }
}
