package dev.endsession.examples.notes;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import javax.swing.AbstractAction;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/** The editor's window: a text area, Ctrl+S to save, a title that shows unsaved changes with "*". */
final class NotesWindow {

    private NotesWindow() {
    }

    /** Opens the window; call on the event dispatch thread. */
    static void open(Document document) {
        JFrame frame = new JFrame();
        JTextArea area = new JTextArea(document.text(), 20, 60);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        area.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                document.setText(area.getText());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                document.setText(area.getText());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        area.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK), "save");
        area.getActionMap().put("save", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                try {
                    document.save();
                } catch (IOException ex) {
                    JOptionPane.showMessageDialog(frame, "Cannot save: " + ex.getMessage());
                }
            }
        });
        Runnable title = () -> frame.setTitle((document.isModified() ? "*" : "") + document.name() + " - notes");
        document.onChange(() -> SwingUtilities.invokeLater(title));
        title.run();
        frame.getContentPane().add(new JScrollPane(area), BorderLayout.CENTER);
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        frame.pack();
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
    }
}
