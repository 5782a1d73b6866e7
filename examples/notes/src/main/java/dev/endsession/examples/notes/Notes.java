package dev.endsession.examples.notes;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;

/**
 * {@code notes [--headless] [--type TEXT] FILE}: edits FILE in a window, or, with
 * {@code --headless} (or no display), keeps the document without a window, which is what the demo
 * and the tests use. {@code --type TEXT} adds TEXT as if typed, so the document starts unsaved.
 * Prints {@code notes ready <pid>: editing FILE} once it is up.
 */
public final class Notes {

    private Notes() {
    }

    public static void main(String[] args) throws Exception {
        boolean headless = false;
        String typed = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> headless = true;
                case "--type" -> typed = i + 1 < args.length ? args[++i] : usage();
                default -> file = args[i].startsWith("--") ? usage() : args[i];
            }
        }
        if (file == null) {
            usage();
        }
        Document document = new Document(Path.of(file));
        if (typed != null) {
            document.type(typed);
        }
        Editor.publish(document);
        if (headless || GraphicsEnvironment.isHeadless()) {
            System.out.println("notes ready " + ProcessHandle.current().pid() + ": editing " + document.name()
                    + (document.isModified() ? " (unsaved changes)" : "") + ", no window");
            new CountDownLatch(1).await();
        }
        SwingUtilities.invokeAndWait(() -> NotesWindow.open(document));
        System.out.println("notes ready " + ProcessHandle.current().pid() + ": editing " + document.name()
                + (document.isModified() ? " (unsaved changes)" : ""));
    }

    private static String usage() {
        System.err.println("usage: notes [--headless] [--type TEXT] FILE");
        System.exit(2);
        return null;
    }
}
